import { describe, expect, it } from 'vitest';
import { parseLabelSelector } from './label-selector.ts';

const labels = { app: 'web', tier: 'front' };

describe('label selectors (kubectl get -l)', () => {
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app=web,tier=back', false],
    ['app', true],
    ['!app', false],
    ['!env', true],
    ['env!=prod', true],
    ['tier in (front, back)', true],
    ['tier notin (front)', false],
    ['env notin (prod)', true],
    ['app in (api),tier', false],
    ['', true],
  ])('%s → %s', (text, expected) => {
    const selector = parseLabelSelector(text);
    if (typeof selector === 'string') throw new Error(selector);
    expect(selector(labels)).toBe(expected);
  });

  it('reports what it cannot parse', () => {
    expect(parseLabelSelector('app in (web')).toBe('unable to parse requirement: "app in (web"');
  });
});
