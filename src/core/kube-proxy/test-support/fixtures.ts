import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's golden folders (tests never read ../shared). */
export const GOLDEN = join(import.meta.dirname, '..', '..', '..', '..', 'golden');
export const FIXTURES = join(GOLDEN, 'kube-proxy-v1.26');
export const OWN_CASES = join(GOLDEN, 'iptables');

export interface Fixture {
  readonly scenario: string;
  readonly node: string;
  readonly yaml: string;
  readonly expected: string;
}

/** Every real kube-proxy 1.26 output: NAME.NODE.golden with its NAME.yaml. */
export function kubeProxyFixtures(): Fixture[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.golden'))
    .sort()
    .map((f) => {
      const [scenario = '', node = ''] = f.split('.');
      return {
        scenario,
        node,
        yaml: readFileSync(join(FIXTURES, `${scenario}.yaml`), 'utf8'),
        expected: readFileSync(join(FIXTURES, f), 'utf8'),
      };
    });
}

export function readGolden(...parts: string[]): string {
  return readFileSync(join(GOLDEN, ...parts), 'utf8');
}
