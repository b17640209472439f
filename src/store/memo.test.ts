import { describe, expect, it } from 'vitest';
import { memoRecent } from './memo.ts';

describe('memoRecent', () => {
  it('computes each of the last N arguments once, however they alternate', () => {
    const calls: string[] = [];
    const f = memoRecent((s: string) => {
      calls.push(s);
      return s.length;
    }, 3);
    for (const s of ['a', 'bb', 'a', 'bb', 'ccc', 'a', 'bb']) f(s);
    expect(calls).toEqual(['a', 'bb', 'ccc']);
    f('dddd'); // evicts the least recent ('ccc')
    f('ccc');
    expect(calls).toEqual(['a', 'bb', 'ccc', 'dddd', 'ccc']);
  });
});
