import { describe, expect, it } from 'vitest';
import { graphBounds } from './canvas-export.ts';

describe('graphBounds', () => {
  it('frames every node, whatever its sign or order', () => {
    expect(
      graphBounds([
        { x: 10, y: 20, width: 100, height: 50 },
        { x: -30, y: 200, width: 40, height: 10 },
      ]),
    ).toEqual({ x: -30, y: 20, width: 140, height: 190 });
  });
  it('is null for an empty canvas', () => {
    expect(graphBounds([])).toBeNull();
  });
});
