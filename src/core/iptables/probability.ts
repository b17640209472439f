import { toFixedHalfEven } from './decimal.ts';

/**
 * The two spellings of a `-m statistic --probability`:
 *  - kube-proxy writes 1/n with ten decimals (`fmt.Sprintf("%0.10f", 1.0/float64(n))`,
 *    pkg/proxy/iptables/proxier.go `probability`), e.g. `0.3333333333`;
 *  - the kernel keeps `lround(P * 2^31)` in a u32 and iptables-save prints it back as
 *    `%.11f` of that fraction (libxt_statistic.c), e.g. `0.33333333349`.
 */

const cache: string[] = [];

/** What kube-proxy writes for the rule that picks 1 of `n` remaining endpoints. */
export function kubeProxyProbability(n: number): string {
  let text = cache[n];
  if (text === undefined) {
    text = toFixedHalfEven(1 / n, 10);
    if (n < 4096) cache[n] = text;
  }
  return text;
}

const TWO_POW_31 = 0x80000000;

/** The kernel's u32 for a written probability (libxt_statistic: `lround(0x80000000 * p)`). */
export function kernelProbabilityUnits(written: string): number {
  const p = Number(written);
  // lround rounds half away from zero; p * 2^31 is exact (a power-of-two scale).
  return Math.floor(p * TWO_POW_31 + 0.5);
}

/** What iptables-save prints for a written probability, e.g. `0.3333333333` → `0.33333333349`. */
export function savedProbability(written: string): string {
  return toFixedHalfEven(kernelProbabilityUnits(written) / TWO_POW_31, 11);
}
