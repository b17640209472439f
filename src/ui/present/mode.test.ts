import { describe, expect, it } from 'vitest';
import { isShareFragment } from '../share/open-link.ts';
import { modeFromSearch } from './mode.ts';
import { stepDirection } from './step-keys.ts';

describe('presentation and embed modes', () => {
  it('reads the mode from the query; embed wins over present', () => {
    expect(modeFromSearch('')).toBe('app');
    expect(modeFromSearch('?present')).toBe('present');
    expect(modeFromSearch('?embed')).toBe('embed');
    expect(modeFromSearch('?present&embed=1')).toBe('embed');
    expect(modeFromSearch('?presenter')).toBe('app');
  });

  it('steps forward on clicker and arrow keys, back on their opposites, else nothing', () => {
    for (const k of ['PageDown', 'ArrowRight', 'ArrowDown', ' ']) expect(stepDirection(k)).toBe(1);
    for (const k of ['PageUp', 'ArrowLeft', 'ArrowUp']) expect(stepDirection(k)).toBe(-1);
    for (const k of ['Enter', 'Home', 'a']) expect(stepDirection(k)).toBe(0);
  });

  it('treats only versioned fragments as share links', () => {
    expect(isShareFragment('#v1.abc')).toBe(true);
    expect(isShareFragment('v2.abc')).toBe(true);
    expect(isShareFragment('#top')).toBe(false);
    expect(isShareFragment('')).toBe(false);
    expect(isShareFragment('#view')).toBe(false);
  });
});
