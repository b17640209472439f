/** Links whose bytes are sound but whose contents are not a scenario. */
import { describe, expect, it } from 'vitest';
import { ShareCode } from './codes.ts';
import { SHARE_FORMATS } from './formats.ts';
import { decodeShareFragment } from './link.ts';
import { encodeBody } from './wire.ts';

const dictionary = SHARE_FORMATS[0]?.dictionary;
const linkOf = (json: string) => `v1.${encodeBody(json, dictionary)}`;
const service = (spec: Record<string, unknown>) => ({
  kind: 'Service',
  metadata: { name: 'web' },
  spec,
});

describe('valid links with invalid contents', () => {
  it.each([
    [
      'not JSON',
      '{"o":[',
      ShareCode.badJson,
      "the link's data is not valid JSON (the link is damaged)",
    ],
    ['a list at the top', '[]', ShareCode.badPayload, /expected an object at the top/],
    ['an unknown field', '{"o":[],"x":1}', ShareCode.badPayload, /unknown field "x"/],
    ['no object list', '{"v":{}}', ShareCode.badPayload, /object list "o" is missing/],
    ['an object that is a number', '{"o":[1]}', ShareCode.badPayload, /object 1 is not an object/],
    [
      'an object without kind',
      '{"o":[{"metadata":{}}]}',
      ShareCode.badPayload,
      /object 1 has no kind/,
    ],
    [
      'a Service the API server rejects',
      JSON.stringify({ o: [service({ ports: [{ port: 70000 }] })] }),
      ShareCode.invalidScenario,
      /the API server would reject/,
    ],
  ])('%s', (_name, json, code, message) => {
    const decoded = decodeShareFragment(linkOf(json));
    expect(decoded.ok).toBe(false);
    expect(decoded.diagnostics[0]?.code).toBe(code);
    expect(decoded.diagnostics[0]?.message).toMatch(message);
  });

  it('the API server messages follow the summary', () => {
    const json = JSON.stringify({ o: [service({ ports: [{ port: 70000 }] })] });
    const decoded = decodeShareFragment(linkOf(json));
    expect(decoded.diagnostics[1]?.message).toMatch(/spec\.ports\[0\]\.port: Invalid value: 70000/);
  });

  it('restores the usual apiVersion the link leaves out, and keeps an unusual one', () => {
    const decoded = decodeShareFragment(
      linkOf(
        JSON.stringify({
          o: [
            { kind: 'ClusterConfiguration', apiVersion: 'kubeadm.k8s.io/v1beta3' },
            service({ ports: [{ port: 80 }] }),
          ],
        }),
      ),
    );
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.diagnostics));
    expect(decoded.objects.map((o) => o.apiVersion)).toEqual(['kubeadm.k8s.io/v1beta3', 'v1']);
  });

  it('a malformed view field is dropped with a warning; the scenario still opens', () => {
    const json = JSON.stringify({
      o: [service({ ports: [{ port: 80 }] })],
      v: { n: 'node1', p: 7, t: { f: 'x' }, l: { i: 'a', s: -1 }, g: 'not a language!', q: 1 },
    });
    const decoded = decodeShareFragment(linkOf(json));
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.diagnostics));
    expect(decoded.state.view).toEqual({ node: 'node1' });
    expect(decoded.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [ShareCode.viewIgnored, `the link's view field "q" is unknown; it is ignored`],
      [
        ShareCode.viewIgnored,
        "the link's panel is not a string of 1 to 512 characters; it is ignored",
      ],
      [
        ShareCode.viewIgnored,
        "the link's trace needs a source, a destination and TCP, UDP or SCTP; it is ignored",
      ],
      [
        ShareCode.viewIgnored,
        "the link's lesson needs an id and a step number (0 or more); it is ignored",
      ],
      [
        ShareCode.viewIgnored,
        "the link's language is not a language tag such as en or zh-CN; it is ignored",
      ],
    ]);
  });

  it('a link whose data unpacks past the limit is refused before it is all unpacked', () => {
    const huge = `{"o":[],"pad":"${' '.repeat(5 * 1024 * 1024)}"}`;
    const decoded = decodeShareFragment(linkOf(huge));
    expect(decoded.diagnostics[0]?.code).toBe(ShareCode.tooLarge);
  });
});
