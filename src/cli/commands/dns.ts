import {
  answerQueryHex,
  applyScenario,
  type Diagnostic,
  DNS_CODES,
  defaultDnsClient,
  digInPod,
  dnsJson,
  formatWalk,
  hasErrors,
  resolveInPod,
  toHex,
} from '../../core/index.ts';
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK, EXIT_USAGE, readInput } from '../io.ts';

const USAGE =
  'svclab dns FILE QNAME [QTYPE] [--from NS/POD] [--format dig|wire|json] [--query-hex HEX] [@SERVER] [+short] [+search] [-x IP]';

const HELP = `${USAGE}
  Prints what \`dig QNAME QTYPE\` prints inside a pod of the scenario (default: the first
  ClusterFirst pod in namespace default, else a stand-in pod there; all such pods share one
  resolv.conf). dig's own arguments (@SERVER, -x IP, -t TYPE, +short, +search, +tcp, +noedns,
  +nocookie, +ndots=N, ...) work as in dig. WHEN is the scenario clock (newest object + 10 s).
  --format wire   each reply message dig received, as hex, one per line
  --format json   the exchanges (query and reply, decoded) and dig's search walk
  --query-hex HEX answer exactly this query message (id, flags, spelling, EDNS, cookie)
  --walk          instead of dig: the queries a program's getaddrinfo sends for QNAME
                  (glibc: search list by ndots, A and AAAA per name, NODATA goes on)`;

type Format = 'dig' | 'wire' | 'json';

interface Args {
  file?: string;
  from?: string;
  format: Format;
  queryHex?: string;
  walk: boolean;
  dig: string[];
}

function parse(args: readonly string[], io: CliIo): Args | null {
  const out: Args = { format: 'dig', walk: false, dig: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (flag === '--from' || flag === '--format' || flag === '--query-hex') {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') {
        io.stderr(`svclab dns: ${flag} needs a value (usage: ${USAGE})\n`);
        return null;
      }
      if (flag === '--from') out.from = value;
      else if (flag === '--query-hex') out.queryHex = value;
      else if (value === 'dig' || value === 'wire' || value === 'json') out.format = value;
      else {
        io.stderr(`svclab dns: unknown format "${value}" (dig, wire or json)\n`);
        return null;
      }
    } else if (arg === '--walk') out.walk = true;
    else if (arg.startsWith('--')) {
      io.stderr(`svclab dns: unknown flag ${arg} (usage: ${USAGE})\n`);
      return null;
    } else if (out.file === undefined) out.file = arg;
    else out.dig.push(arg); // dig's own words, in order (-x IP, -t TYPE, @server, +short, ...)
  }
  return out;
}

/** Usage-type diagnostics (exit 2) versus problems with the scenario (exit 1). */
const USAGE_CODES = new Set<string>([
  DNS_CODES.invalidDigArgument,
  DNS_CODES.invalidHex,
  DNS_CODES.malformedQuery,
]);

function reportFailure(io: CliIo, diagnostics: readonly Diagnostic[]): number {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) {
    io.stderr(d.code === DNS_CODES.podNotFound ? `${d.message}\n` : `svclab dns: ${d.message}\n`);
  }
  return errors.some((d) => USAGE_CODES.has(d.code)) ? EXIT_USAGE : EXIT_INVALID;
}

export const dnsCommand: Command = {
  name: 'dns',
  summary: "CoreDNS's answer, printed as dig prints it",
  usage: HELP,
  run(args, io) {
    const parsed = parse(args, io);
    if (!parsed) return EXIT_USAGE;
    if (parsed.file !== undefined && parsed.dig.length === 0 && parsed.queryHex === undefined) {
      io.stderr(`svclab dns: missing QNAME (usage: ${USAGE})\n`);
      return EXIT_USAGE;
    }
    const scenario = readInput(io, 'dns', parsed.file);
    if (scenario === null) return EXIT_USAGE;
    const applied = applyScenario(scenario);
    if (hasErrors(applied.diagnostics)) {
      io.stderr(
        `svclab dns: some objects in ${parsed.file} were not applied (see: svclab apply ${parsed.file})\n`,
      );
    }
    const cluster = applied.cluster;
    if (parsed.queryHex !== undefined) {
      const r = answerQueryHex(cluster, parsed.queryHex);
      if (!r.ok) return reportFailure(io, r.diagnostics);
      const e = r.value.exchange;
      if (parsed.format === 'wire') io.stdout(`${toHex(e.wire)}\n`);
      else if (parsed.format === 'json') {
        io.stdout(
          dnsJson({ query: e.query, response: e.response, size: e.wire.length, wire: e.wire }),
        );
      } else io.stdout(r.value.text);
      return EXIT_OK;
    }
    if (parsed.walk) {
      const [name, ...rest] = parsed.dig;
      if (name === undefined || rest.length > 0 || name.startsWith('-') || name.startsWith('+')) {
        io.stderr(`svclab dns: --walk takes one name (usage: ${USAGE})\n`);
        return EXIT_USAGE;
      }
      const pod = parsed.from ?? undefined;
      const w = resolveInPod(cluster, { name, ...(pod ? { pod } : {}) });
      if (!w.ok) return reportFailure(io, w.diagnostics);
      const who = pod ?? defaultDnsClient(cluster);
      const ref = typeof who === 'string' ? who : `${who.metadata.namespace}/${who.metadata.name}`;
      io.stdout(parsed.format === 'json' ? dnsJson(w.value) : formatWalk(w.value, ref));
      return EXIT_OK;
    }
    const r = digInPod(cluster, { args: parsed.dig, ...(parsed.from ? { pod: parsed.from } : {}) });
    if (!r.ok) return reportFailure(io, r.diagnostics);
    const d = r.value;
    if (parsed.format === 'wire') {
      io.stdout(d.exchanges.map((e) => `${toHex(e.wire)}\n`).join(''));
    } else if (parsed.format === 'json') {
      io.stdout(
        dnsJson({
          pod: d.resolv.pod,
          server: d.server,
          exchanges: d.exchanges.map((e) => ({
            query: e.query,
            response: e.response,
            size: e.wire.length,
            wire: e.wire,
          })),
          walk: d.walk.steps.map((s) => ({
            name: s.name,
            suffix: s.suffix,
            outcome: s.outcome,
            stops: s.stops,
          })),
        }),
      );
    } else io.stdout(d.text);
    return EXIT_OK;
  },
};
