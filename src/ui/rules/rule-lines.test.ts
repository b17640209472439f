import { describe, expect, it } from 'vitest';
import { chainKind, diffLines, type RulesetLike, toRuleLines } from './rule-lines.ts';

const rule = (id: string, chain: string, sentence = id) => ({
  id,
  chain,
  provenance: { sources: [{ object: 'Service default/nginx' }], sentence },
});

const TEXT = [
  '*nat',
  ':KUBE-SERVICES - [0:0]',
  ':KUBE-SVC-A - [0:0]',
  '-A KUBE-SERVICES -d 10.99.62.169/32 -j KUBE-SVC-A',
  '-A KUBE-SVC-A -j KUBE-SEP-1',
  '-A KUBE-SERVICES -j KUBE-NODEPORTS',
  'COMMIT',
  '',
].join('\n');

describe('toRuleLines', () => {
  const ruleset: RulesetLike = {
    tables: [
      {
        name: 'nat',
        rules: [rule('s1', 'KUBE-SERVICES'), rule('v1', 'KUBE-SVC-A'), rule('s2', 'KUBE-SERVICES')],
      },
    ],
  };

  it('ties the k-th -A line of a chain to the k-th rule of that chain', () => {
    const lines = toRuleLines(TEXT, ruleset);
    expect(lines.map((l) => l.rule?.id ?? null)).toEqual([
      null,
      null,
      null,
      's1',
      'v1',
      's2',
      null,
    ]);
    expect(lines[3]?.jumpsTo).toBe('KUBE-SVC-A');
    expect(lines[2]).toMatchObject({ kind: 'chain', chain: 'KUBE-SVC-A' });
  });

  it('keeps the text byte for byte', () => {
    expect(
      `${toRuleLines(TEXT, ruleset)
        .map((l) => l.text)
        .join('\n')}\n`,
    ).toBe(TEXT);
  });

  it('leaves a chain untied when the printer and the IR disagree on its rule count', () => {
    const short: RulesetLike = { tables: [{ name: 'nat', rules: [rule('s1', 'KUBE-SERVICES')] }] };
    const lines = toRuleLines(TEXT, short);
    expect(lines[3]?.rule).toBeNull();
    expect(lines[5]?.rule).toBeNull();
  });
});

describe('diffLines', () => {
  it('marks appeared lines and places vanished ones after their old neighbour', () => {
    const before = ['a', 'b', 'c', 'd'];
    const after = ['a', 'c', 'x', 'd'];
    const d = diffLines(before, after);
    expect([...d.added]).toEqual([2]);
    expect(d.removed).toEqual([{ text: 'b', after: 0 }]);
  });

  it('tells repeated identical lines apart', () => {
    const d = diffLines(['COMMIT', 'COMMIT'], ['COMMIT']);
    expect(d.removed).toEqual([{ text: 'COMMIT', after: 0 }]);
  });
});

describe('chainKind', () => {
  it('names the KUBE-* chain families', () => {
    expect(chainKind('KUBE-SEP-SX3FZRKWG23D4ARR')).toBe('sep');
    expect(chainKind('KUBE-SVC-ZUZW5FVTOFNMWE2A')).toBe('svc');
    expect(chainKind('KUBE-MARK-MASQ')).toBe('kube');
    expect(chainKind('PREROUTING')).toBe('builtin');
  });
});
