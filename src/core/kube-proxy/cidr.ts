/** Small address helpers for the kube-proxy compiler (IPv4 arithmetic; IPv6 by equality). */

function v4ToInt(a: string): number {
  return a.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

/** Whether `cidr` (a CIDR or a bare address) contains `ip`. */
export function cidrContains(cidr: string, ip: string): boolean {
  const [base = '', bitsText] = cidr.split('/');
  if (base.includes(':') || ip.includes(':')) {
    if (bitsText === '0' && base.includes(':') && ip.includes(':')) return true;
    return base === ip;
  }
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (bits === 0) return true;
  const shift = 2 ** (32 - bits);
  return Math.floor(v4ToInt(base) / shift) === Math.floor(v4ToInt(ip) / shift);
}

/** `0.0.0.0/0` or `::/0`. */
export function isZeroCidr(cidr: string): boolean {
  return cidr === '0.0.0.0/0' || cidr === '::/0';
}

export function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.');
}
