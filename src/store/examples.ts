/**
 * The Examples menu: every scenario file in src/examples/, read as text at build time. The title
 * is the file's first comment line (`# Seed: ClusterIP nginx ...`), so adding an example is
 * adding a file.
 */

export interface Example {
  /** The file name without `.yaml`, e.g. `seed-nginx`. */
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

/** The default first screen: the seed blog post's nginx Service. */
export const SEED_EXAMPLE_ID = 'seed-nginx';

const files = import.meta.glob<string>('../examples/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export function titleOf(id: string, text: string): string {
  const first = text.split('\n', 1)[0] ?? '';
  return first.startsWith('#') ? first.replace(/^#+\s*/, '').trim() : id;
}

/** The menu's order: the seed, then one Service feature after another; other files after, by name. */
const MENU_ORDER = [
  SEED_EXAMPLE_ID,
  'nodeport',
  'headless-dig',
  'loadbalancer-source-ranges',
  'externalname',
  'external-traffic-local',
  'session-affinity',
  'pod-not-ready',
];

function exampleOrder(a: Example, b: Example): number {
  const rank = (id: string) => {
    const i = MENU_ORDER.indexOf(id);
    return i < 0 ? MENU_ORDER.length : i;
  };
  return rank(a.id) - rank(b.id) || a.id.localeCompare(b.id);
}

export const EXAMPLES: readonly Example[] = Object.entries(files)
  .map(([path, text]) => {
    const id = path.replace(/^.*\//, '').replace(/\.yaml$/, '');
    return { id, title: titleOf(id, text), text };
  })
  .sort(exampleOrder);

export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}

/** The text of a "New" scenario: no objects, so the model's defaults (two nodes) apply. */
export const EMPTY_SCENARIO = '# A new scenario: add Nodes, Pods and Services.\n';
