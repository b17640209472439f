/**
 * `kubectl get -l SELECTOR`: apimachinery's label selector syntax (labels.Parse) — a
 * comma-separated list of requirements, all of which must hold: `k=v`, `k==v`, `k!=v`,
 * `k in (a,b)`, `k notin (a,b)`, `k` (exists), `!k` (does not exist).
 */
export type LabelSelector = (labels: Readonly<Record<string, string>>) => boolean;

type Requirement = (labels: Readonly<Record<string, string>>) => boolean;

/** Splits on commas outside parentheses. */
function splitRequirements(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim());
}

function requirement(text: string): Requirement | string {
  let m = /^!\s*([^\s!=(),]+)$/.exec(text);
  if (m) {
    const key = m[1] ?? '';
    return (l) => !(key in l);
  }
  m = /^([^\s!=(),]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/.exec(text);
  if (m) {
    const [, key = '', op, value = ''] = m;
    return op === '!=' ? (l) => l[key] !== value : (l) => l[key] === value;
  }
  m = /^([^\s!=(),]+)\s+(in|notin)\s+\(([^()]*)\)$/.exec(text);
  if (m) {
    const [, key = '', op, list = ''] = m;
    const values = new Set(list.split(',').map((v) => v.trim()));
    return op === 'in'
      ? (l) => key in l && values.has(l[key] ?? '')
      : (l) => !(key in l) || !values.has(l[key] ?? '');
  }
  m = /^([^\s!=(),]+)$/.exec(text);
  if (m) {
    const key = m[1] ?? '';
    return (l) => key in l;
  }
  return `unable to parse requirement: ${JSON.stringify(text)}`;
}

/** The selector, or the parse error kubectl prints after `error: `. */
export function parseLabelSelector(text: string): LabelSelector | string {
  if (text.trim() === '') return () => true;
  const reqs: Requirement[] = [];
  for (const part of splitRequirements(text)) {
    const r = requirement(part);
    if (typeof r === 'string') return r;
    reqs.push(r);
  }
  return (labels) => reqs.every((r) => r(labels));
}
