/**
 * Share links: the app's state (the scenario and what the sender was looking at) in a URL
 * fragment, `#v1.<base64url>`, and back. See formats.ts (versions, migrations), wire.ts (bytes),
 * payload.ts (JSON), prune.ts (what is left out) and view.ts (the view state).
 *
 * Decoding never throws: whatever the input, the answer is a state or coded diagnostics.
 */
import { type Diagnostic, diagnostic, hasErrors } from '../diagnostics.ts';
import { toYaml } from '../kubectl/output.ts';
import { applyObjects, applyScenario } from '../model/apply.ts';
import { readManifests } from '../model/manifest.ts';
import type { KubeObject, OtherObject } from '../model/types.ts';
import { ShareCode } from './codes.ts';
import { currentFormat, type FormatTable, SHARE_FORMATS, upgradePayload } from './formats.ts';
import { fromPayload, toPayload } from './payload.ts';
import { pruneObjects, stableStringify } from './prune.ts';
import type { ShareView } from './view.ts';
import { decodeBody, encodeBody } from './wire.ts';

/** What a link carries: the scenario (Kubernetes YAML, as the store holds it) and the view. */
export interface ShareState {
  readonly scenario: string;
  readonly view?: ShareView;
}

/** Link-length thresholds (characters of the whole URL). */
export const SHARE_LINK_LIMITS = {
  /** Link shorteners and some chat apps cut links longer than this: warn. */
  warnAbove: 2048,
  /** Above this, offer the scenario as a file download instead of a link. */
  downloadAbove: 8000,
} as const;

export type ShareLinkSize = 'ok' | 'warn' | 'download';

/** Longer input is refused before any decoding (a pasted file, not a link). */
const MAX_LINK_CHARACTERS = 2_000_000;

export function classifyShareLinkSize(length: number): ShareLinkSize {
  if (length > SHARE_LINK_LIMITS.downloadAbove) return 'download';
  if (length > SHARE_LINK_LIMITS.warnAbove) return 'warn';
  return 'ok';
}

export type EncodedShareLink =
  | {
      readonly ok: true;
      /** `base` + `#` + `fragment`. */
      readonly url: string;
      /** `v1.…`, without the `#`. */
      readonly fragment: string;
      /** `url.length`. */
      readonly length: number;
      readonly sizeClass: ShareLinkSize;
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export type DecodedShareLink =
  | {
      readonly ok: true;
      /** `scenario` is the link's objects as YAML documents separated by `---`. */
      readonly state: ShareState & { readonly view: ShareView };
      /** The link's objects (defaults left out), as `state.scenario` holds them. */
      readonly objects: readonly (KubeObject | OtherObject)[];
      /** The format version the link was written in (older ones were migrated). */
      readonly version: number;
      /** Warnings: view fields that were ignored, the model's warnings about the objects. */
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export interface ShareLinkOptions {
  /** The app's address, e.g. `https://example.org/k8s-service-lab/`; any fragment is replaced. */
  readonly base?: string;
}

/** Objects as YAML documents separated by `---`, as `kubectl get -o yaml` prints each object. */
export function scenarioYaml(objects: readonly unknown[]): string {
  return objects.map((o) => toYaml(o)).join('---\n');
}

export function encodeShareLink(
  state: ShareState,
  options: ShareLinkOptions = {},
  formats: FormatTable = SHARE_FORMATS,
): EncodedShareLink {
  try {
    const applied = applyScenario(state.scenario);
    if (hasErrors(applied.diagnostics))
      return {
        ok: false,
        diagnostics: [
          diagnostic(
            ShareCode.scenarioHasErrors,
            'error',
            'the scenario has errors, so there is no cluster to share; fix them first',
          ),
          ...applied.diagnostics.filter((d) => d.severity === 'error'),
        ],
      };
    const written = readManifests(state.scenario).documents.map((d) => d.value);
    const objects = pruneObjects(applied.objects, written);
    const format = currentFormat(formats);
    const json = stableStringify(toPayload(objects, state.view));
    const fragment = `v${format.version}.${encodeBody(json, format.dictionary)}`;
    const base = (options.base ?? '').split('#')[0] ?? '';
    const url = `${base}#${fragment}`;
    return {
      ok: true,
      url,
      fragment,
      length: url.length,
      sizeClass: classifyShareLinkSize(url.length),
      diagnostics: [],
    };
  } catch (e) {
    return { ok: false, diagnostics: [internal(e)] };
  }
}

/**
 * A link, a URL with a share fragment, or the fragment (with or without `#`) → the state, or
 * diagnostics that say what is wrong with it. Never throws.
 */
export function decodeShareFragment(
  link: string,
  formats: FormatTable = SHARE_FORMATS,
): DecodedShareLink {
  try {
    return decode(typeof link === 'string' ? link : '', formats);
  } catch (e) {
    return { ok: false, diagnostics: [internal(e)] };
  }
}

const failed = (code: string, message: string): DecodedShareLink => ({
  ok: false,
  diagnostics: [diagnostic(code, 'error', message)],
});

function decode(link: string, formats: FormatTable): DecodedShareLink {
  const trimmed = link.trim();
  const hash = trimmed.indexOf('#');
  const fragment = hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
  if (fragment === '') return failed(ShareCode.notALink, 'the link is empty: it holds no scenario');
  if (fragment.length > MAX_LINK_CHARACTERS)
    return failed(
      ShareCode.tooLarge,
      `the link is ${fragment.length} characters long; links over ${MAX_LINK_CHARACTERS} are not opened (share the scenario file instead)`,
    );
  if (hash < 0 && /^[a-z][a-z0-9+.-]*:\/\//i.test(fragment))
    return failed(
      ShareCode.notALink,
      'the link has no # part: it holds no scenario (was the end of it cut off?)',
    );
  const prefix = /^v(\d{1,9})\.(.*)$/s.exec(fragment);
  if (!prefix)
    return failed(
      ShareCode.notALink,
      'this is not a k8s-service-lab share link: its part after # should start with a version such as v1.',
    );
  const version = Number(prefix[1]);
  const current = currentFormat(formats).version;
  const format = formats.find((f) => f.version === version);
  if (version > current)
    return failed(
      ShareCode.newerVersion,
      `the link was made by a newer version of k8s-service-lab (link format v${version}; this version reads up to v${current}); open it in the newer app`,
    );
  if (!format)
    return failed(
      ShareCode.unsupportedVersion,
      `the link's format v${version} is not one this version of k8s-service-lab can read`,
    );
  const body = decodeBody(prefix[2] ?? '', format.dictionary);
  if (!body.ok) return { ok: false, diagnostics: [body.diagnostic] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.json);
  } catch {
    return failed(ShareCode.badJson, "the link's data is not valid JSON (the link is damaged)");
  }
  const upgraded = upgradePayload(formats, version, parsed);
  if (!upgraded.ok)
    return failed(
      ShareCode.migrationFailed,
      `the link's data (format v${upgraded.from}) could not be upgraded to v${upgraded.from + 1}: ${upgraded.error}`,
    );
  const warnings: Diagnostic[] = [];
  const read = fromPayload(upgraded.payload, warnings);
  if (!read.ok) return read;
  const applied = applyObjects(read.objects);
  if (hasErrors(applied.diagnostics))
    return {
      ok: false,
      diagnostics: [
        diagnostic(
          ShareCode.invalidScenario,
          'error',
          "the link's scenario is not valid: the API server would reject some of its objects",
        ),
        ...applied.diagnostics.filter((d) => d.severity === 'error'),
      ],
    };
  const objects = read.objects as readonly (KubeObject | OtherObject)[];
  return {
    ok: true,
    state: { scenario: scenarioYaml(objects), view: read.view },
    objects,
    version,
    diagnostics: [...warnings, ...applied.diagnostics.filter((d) => d.severity === 'warning')],
  };
}

function internal(e: unknown): Diagnostic {
  return diagnostic('SVCLAB-6999', 'error', `internal error in the share-link codec: ${String(e)}`);
}
