/** Frozen links (golden/share/vN/*.link) open to the same scenario, forever. See that README. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeShareFragment } from './link.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..', 'golden', 'share');
const links = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(ROOT, d.name))
      .filter((f) => f.endsWith('.link'))
      .map((f) => join(d.name, f.replace(/\.link$/, ''))),
  );

describe('frozen share links', () => {
  it('there are frozen links for format v1', () => {
    expect(links.filter((l) => l.startsWith('v1/')).length).toBeGreaterThanOrEqual(5);
  });

  it.each(links)('%s opens to the same scenario', (name) => {
    const link = readFileSync(join(ROOT, `${name}.link`), 'utf8');
    const expected = readFileSync(join(ROOT, `${name}.yaml`), 'utf8').replace(/^# from .*\n/, '');
    const decoded = decodeShareFragment(link);
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.diagnostics));
    const { view, scenario } = decoded.state;
    const header = Object.keys(view).length > 0 ? `# view: ${JSON.stringify(view)}\n` : '';
    expect(header + scenario).toBe(expected);
    expect(decoded.diagnostics).toEqual([]);
  });
});
