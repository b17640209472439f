/**
 * Scenario texts for tests, loaded through Vite (`?raw`) so that tests under src/core need no
 * Node built-ins. Keys are file names.
 */
function byFileName(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]),
  );
}

/** The kube-proxy v1.26 conformance scenarios (golden/kube-proxy-v1.26/*.yaml). */
export const kubeProxyFixtures: Record<string, string> = byFileName(
  import.meta.glob('../../../../golden/kube-proxy-v1.26/*.yaml', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
);

/** The example scenarios (src/examples/*.yaml). */
export const exampleFiles: Record<string, string> = byFileName(
  import.meta.glob('../../../examples/*.yaml', { query: '?raw', import: 'default', eager: true }),
);
