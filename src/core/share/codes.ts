/**
 * The share-link codec's diagnostic catalogue (SVCLAB-60xx; see ../diagnostics.ts).
 *
 * NOTE (compatibility): the UI and the CLI match on these codes; never reuse or renumber one.
 */
export const ShareCode = {
  /** Empty input, or no `vN.` version prefix: not a link this app made. */
  notALink: 'SVCLAB-6001',
  /** A version newer than this build reads (the link came from a newer app). */
  newerVersion: 'SVCLAB-6002',
  /** A version older than any this build can migrate from. */
  unsupportedVersion: 'SVCLAB-6003',
  /** Characters outside base64url, or a length no base64url text has. */
  badBase64: 'SVCLAB-6004',
  /** The compressed data ends early or is corrupt (a truncated or tampered link). */
  badDeflate: 'SVCLAB-6005',
  /** The data inflates to more than the decoder accepts. */
  tooLarge: 'SVCLAB-6006',
  /** The inflated text is not JSON (or not UTF-8). */
  badJson: 'SVCLAB-6007',
  /** JSON, but not the shape this version's payload has. */
  badPayload: 'SVCLAB-6008',
  /** A migration step could not upgrade the payload. */
  migrationFailed: 'SVCLAB-6009',
  /** The objects in the link are not a valid scenario (the API server would reject them). */
  invalidScenario: 'SVCLAB-6010',
  /** A part of the view state is malformed; it is ignored and the scenario still opens. */
  viewIgnored: 'SVCLAB-6011',
  /** Encoding: the scenario has errors, so there is no valid cluster to share. */
  scenarioHasErrors: 'SVCLAB-6012',
} as const;
