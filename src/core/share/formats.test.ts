/**
 * The migration chain, proved with a test-only format v0 (long keys, no dictionary) that upgrades
 * to v1: a link written in an old format opens as the current format's scenario.
 */
import { describe, expect, it } from 'vitest';
import { isRecord } from '../model/manifest.ts';
import { ShareCode } from './codes.ts';
import { type FormatTable, SHARE_FORMATS, upgradePayload } from './formats.ts';
import { decodeShareFragment } from './link.ts';
import { encodeBody } from './wire.ts';

const v1 = SHARE_FORMATS[0];
if (!v1) throw new Error('no v1');

/** v0 → v1: `{objects, view: {panel, node}}` became `{o, v: {p, n}}`. */
const v0: FormatTable[number] = {
  version: 0,
  upgrade: (payload) => {
    if (!isRecord(payload) || !Array.isArray(payload.objects)) throw new Error('no objects list');
    const view = isRecord(payload.view) ? payload.view : {};
    return {
      o: payload.objects,
      v: { ...(view.panel ? { p: view.panel } : {}), ...(view.node ? { n: view.node } : {}) },
    };
  },
};
const withV0: FormatTable = [v0, v1];

const service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ port: 80 }] },
};
const v0Link = `v0.${encodeBody(JSON.stringify({ objects: [service], view: { panel: 'DNS', node: 'node2' } }), undefined)}`;

describe('share-link format versions', () => {
  it('a v0 link is upgraded step by step and opens as v1 would', () => {
    const decoded = decodeShareFragment(`https://example.org/#${v0Link}`, withV0);
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.diagnostics));
    expect(decoded.version).toBe(0);
    expect(decoded.state.view).toEqual({ panel: 'DNS', node: 'node2' });
    expect(decoded.objects).toEqual([service]);
    expect(decoded.state.scenario).toContain('clusterIP: 10.96.0.20');
  });

  it('without the v0 format, the same link is a version this build cannot read', () => {
    const decoded = decodeShareFragment(v0Link);
    expect(decoded.diagnostics[0]?.code).toBe(ShareCode.unsupportedVersion);
  });

  it('an upgrade step that fails is a diagnostic naming the step', () => {
    const bad = `v0.${encodeBody(JSON.stringify({ things: [] }), undefined)}`;
    const decoded = decodeShareFragment(bad, withV0);
    expect(decoded.ok).toBe(false);
    expect(decoded.diagnostics[0]?.code).toBe(ShareCode.migrationFailed);
    expect(decoded.diagnostics[0]?.message).toBe(
      "the link's data (format v0) could not be upgraded to v1: no objects list",
    );
  });

  it('runs every step in order and stops at a missing one', () => {
    const add = (n: number) => (p: unknown) => [...(p as number[]), n];
    const table: FormatTable = [
      { version: 1, upgrade: add(2) },
      { version: 2, upgrade: add(3) },
      { version: 3 },
    ];
    expect(upgradePayload(table, 1, [1])).toEqual({ ok: true, payload: [1, 2, 3] });
    expect(upgradePayload(table, 3, [3])).toEqual({ ok: true, payload: [3] });
    expect(upgradePayload([{ version: 1 }, { version: 2 }], 1, [])).toEqual({
      ok: false,
      from: 1,
      error: 'no upgrade step',
    });
  });
});
