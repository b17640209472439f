/**
 * AGE columns: apimachinery's duration.HumanDuration of now − creationTimestamp
 * (staging/src/k8s.io/apimachinery/pkg/util/duration/duration.go), via kubectl's
 * translateTimestampSince (`<unknown>` for a missing timestamp).
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** RFC 3339 → epoch ms, or null. Date.parse is pure (no clock); it is only given explicit text. */
export function parseTimestamp(ts: unknown): number | null {
  if (typeof ts !== 'string' || ts === '') return null;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? null : ms;
}

export function age(creationTimestamp: string | undefined, now: number): string {
  const t = parseTimestamp(creationTimestamp);
  return t === null ? '<unknown>' : humanDuration(now - t);
}
