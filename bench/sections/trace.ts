import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyScenario, type Cluster, tracePacket, traceWorld } from '../../src/core/index.ts';
import { measure, type Section } from '../harness.ts';
import { servicesScenario } from '../scenarios/services.ts';

/**
 * The packet walk (issue 6): one packet and its reply through the compiled rules, with the exact
 * distribution (every statistic branch walked) — on the seed, and from a node to one of 1,000
 * ClusterIP Services × 10 endpoints. "cold" includes compiling the nodes' netfilter; "warm" reuses
 * the world, as the Trace tab does between sends; "send 100" is the tab's sampling.
 */

const seedText = readFileSync(
  join(import.meta.dirname, '../../src/examples/seed-nginx.yaml'),
  'utf8',
);
const SEED_FROM = 'pod:default/nginx-59ff7ffd6b-hcqhb';

function clusterIpOf(cluster: Cluster, i: number): string {
  const svc = cluster.services[i];
  return `${svc?.spec.clusterIP ?? ''}:${svc?.spec.ports?.[0]?.port ?? 80}`;
}

export const traceSection: Section = {
  name: 'trace',
  title: 'Packet walk (tracePacket: walk + reply + exact distribution)',
  run(report) {
    const seed = applyScenario(seedText).cluster;
    const seedReq = { from: SEED_FROM, to: '10.99.62.169:80' };
    report(
      measure(
        'seed: pod → ClusterIP, cold (compiles the nodes)',
        3,
        () => seed,
        (c) => tracePacket(c, seedReq),
        { runs: 9 },
      ),
    );
    const seedWorld = traceWorld(seed);
    tracePacket(seed, seedReq, { world: seedWorld });
    report(
      measure(
        'seed: pod → ClusterIP, warm',
        3,
        () => seed,
        (c) => tracePacket(c, seedReq, { world: seedWorld }),
        { runs: 21 },
      ),
    );
    report(
      measure(
        'seed: send 100 (no distribution)',
        100,
        () => seed,
        (c) => {
          for (let s = 1; s <= 100; s++)
            tracePacket(c, { ...seedReq, seed: s }, { world: seedWorld, skipDistribution: true });
        },
        { runs: 5, heap: false },
      ),
    );
    const big = applyScenario(
      servicesScenario({ services: 1_000, endpointsPerService: 10 }),
    ).cluster;
    const req = { from: 'node:node1', to: clusterIpOf(big, 500) };
    report(
      measure(
        '1,000 Services × 10: node → ClusterIP, cold',
        10,
        () => big,
        (c) => tracePacket(c, req),
        { runs: 3 },
      ),
    );
    const bigWorld = traceWorld(big);
    tracePacket(big, req, { world: bigWorld });
    report(
      measure(
        '1,000 Services × 10: node → ClusterIP, warm',
        10,
        () => big,
        (c) => tracePacket(c, req, { world: bigWorld }),
        { runs: 9 },
      ),
    );
  },
};
