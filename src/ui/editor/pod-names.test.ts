import { describe, expect, it } from 'vitest';
import { freshPodNames, podNameSuffix } from './pod-names.ts';

describe('names for scaled-up Pods', () => {
  it('spells a ReplicaSet suffix: five characters from its alphabet', () => {
    for (let n = 0; n < 200; n++)
      expect(podNameSuffix('nginx-59ff7ffd6b', n)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('is deterministic and never repeats a taken name', () => {
    const taken = new Set([`nginx-59ff7ffd6b-${podNameSuffix('nginx-59ff7ffd6b', 0)}`]);
    const a = freshPodNames('nginx-59ff7ffd6b', taken);
    const b = freshPodNames('nginx-59ff7ffd6b', taken);
    const names = Array.from({ length: 300 }, () => a());
    expect(names).toEqual(Array.from({ length: 300 }, () => b()));
    expect(new Set(names).size).toBe(300);
    for (const t of taken) expect(names).not.toContain(t);
  });
});
