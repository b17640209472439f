import { applyScenario, DNS_CODES, hasErrors, resolvConf } from '../../core/index.ts';
import { type Command, EXIT_INVALID, EXIT_OK, EXIT_USAGE, readInput } from '../io.ts';

const USAGE = 'svclab resolv-conf FILE NS/POD';

/** `svclab resolv-conf FILE NS/POD`: the pod's /etc/resolv.conf, as `cat` prints it in the pod. */
export const resolvConfCommand: Command = {
  name: 'resolv-conf',
  summary: "a pod's /etc/resolv.conf",
  usage: USAGE,
  run(args, io) {
    const flag = args.find((a) => a.startsWith('-') && a !== '-');
    if (flag !== undefined) {
      io.stderr(`svclab resolv-conf: unknown flag ${flag} (usage: ${USAGE})\n`);
      return EXIT_USAGE;
    }
    const [file, pod, extra] = args;
    if (file !== undefined && (pod === undefined || extra !== undefined)) {
      io.stderr(`svclab resolv-conf: expected FILE and one NS/POD (usage: ${USAGE})\n`);
      return EXIT_USAGE;
    }
    const scenario = readInput(io, 'resolv-conf', file);
    if (scenario === null || pod === undefined) return EXIT_USAGE;
    const applied = applyScenario(scenario);
    if (hasErrors(applied.diagnostics)) {
      io.stderr(
        `svclab resolv-conf: some objects in ${file} were not applied (see: svclab apply ${file})\n`,
      );
    }
    const r = resolvConf(applied.cluster, pod);
    if (!r.ok) {
      for (const d of r.diagnostics) io.stderr(`${d.message}\n`);
      return EXIT_INVALID;
    }
    io.stdout(r.value.text);
    // The kubelet's warning events for the pod (kubectl describe pod would list them).
    for (const e of r.value.events) {
      const reason =
        e.code === DNS_CODES.missingClusterDns ? 'MissingClusterDNS' : 'DNSConfigForming';
      io.stderr(`Warning  ${reason}  ${e.message}\n`);
    }
    return EXIT_OK;
  },
};
