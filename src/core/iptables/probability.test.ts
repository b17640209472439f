import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFixedHalfEven } from './decimal.ts';
import { kernelProbabilityUnits, kubeProxyProbability, savedProbability } from './probability.ts';

describe('kube-proxy probabilities', () => {
  it.each([
    [2, '0.5000000000'],
    [3, '0.3333333333'],
    [1001, '0.0009990010'],
    [7, '0.1428571429'],
    // 1/2048 = 0.00048828125 exactly: Go rounds the tie to even, toFixed would round up.
    [2048, '0.0004882812'],
  ])('1/%i is written %s', (n, text) => {
    expect(kubeProxyProbability(n)).toBe(text);
  });
});

describe('iptables-save probabilities (verified with iptables 1.8.9 in a private netns)', () => {
  it.each([
    ['0.3333333333', '0.33333333349'],
    ['0.5000000000', '0.50000000000'],
    ['0.0004882812', '0.00048828125'],
    ['0.0009990010', '0.00099900085'],
  ])('%s is saved as %s', (written, saved) => {
    expect(savedProbability(written)).toBe(saved);
  });

  it('keeps round(p * 2^31) like libxt_statistic', () => {
    expect(kernelProbabilityUnits('0.5000000000')).toBe(0x40000000);
    expect(kernelProbabilityUnits('0.3333333333')).toBe(715827883);
  });
});

describe('toFixedHalfEven', () => {
  it('agrees with toFixed wherever the value is not an exact tie', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 12 }),
        (n, d) => {
          const x = 1 / n;
          const exact = toFixedHalfEven(x, d);
          const naive = x.toFixed(d);
          // They may only differ on an exact binary tie, where the last digit differs by one.
          if (exact !== naive) expect(Number(naive) - Number(exact)).toBeCloseTo(10 ** -d, d + 2);
        },
      ),
    );
  });
});
