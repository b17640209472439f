/** The Examples menu, in order (src/store/examples.ts MENU_ORDER). */
export const EXAMPLE_IDS = [
  'seed-nginx',
  'nodeport',
  'headless-dig',
  'loadbalancer-source-ranges',
  'externalname',
  'external-traffic-local',
  'session-affinity',
  'pod-not-ready',
];
