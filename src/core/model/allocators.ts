/**
 * The API server's two allocators, as pure data: Service IPs per family (static/dynamic bands,
 * KEP-3070) and NodePorts (one protocol-agnostic pool, bands per KEP-3668).
 *
 * Where the real allocators pick a random start in the dynamic band and scan forward, the
 * simulator derives the start from a hash of the Service's identity (see seed.ts), so the same
 * scenario always gets the same values. Addresses and ports that any Service in the scenario asks
 * for explicitly are skipped by dynamic scans, so that adding a Service never takes a value that a
 * later document names.
 */
import { type Cidr, cidrContains, cidrSize, formatIP, parseIP } from './ip.ts';
import { seededIndex } from './seed.ts';
import { NODE_PORT_RANGE } from './settings.ts';

export type AllocResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** calculateRangeOffset for service IPs: min(max(16, size/16), 256); 0 when size < 16. */
function ipOffset(size: bigint): bigint {
  if (size < 16n) return 0n;
  const o = size / 16n;
  return o < 16n ? 16n : o > 256n ? 256n : o;
}

/** calculateRangeOffset for node ports: min(max(16, size/32), 128); 0 when size < 16. */
function portOffset(size: number): number {
  if (size < 16) return 0;
  const o = Math.floor(size / 32);
  return Math.min(Math.max(o, 16), 128);
}

export class IPAllocator {
  /** Allocated address → owner (`namespace/name`). */
  readonly used = new Map<string, string>();
  /** Addresses requested explicitly somewhere in the scenario: dynamic scans skip them. */
  readonly claimed = new Set<string>();
  readonly first: bigint;
  readonly count: bigint;

  constructor(
    readonly cidr: Cidr,
    /** The range as the error messages print it, e.g. `10.96.0.0/12`. */
    readonly rangeText: string,
    /** ≥ 1.33: the ServiceCIDR/IPAddress allocator's wording. */
    readonly ipAddressAllocator: boolean,
  ) {
    const size = cidrSize(cidr);
    // The network address is never handed out; for IPv4 neither is the broadcast address. The
    // legacy IPv6 bitmap is capped at 2^16 addresses.
    this.first = cidr.base + 1n;
    const usable = cidr.family === 4 ? size - 2n : size - 1n;
    this.count = cidr.family === 6 && usable > 65536n ? 65536n : usable < 0n ? 0n : usable;
  }

  private inRange(value: bigint): boolean {
    return value >= this.first && value < this.first + this.count;
  }

  allocate(ip: string, owner: string): AllocResult<string> {
    const a = parseIP(ip);
    if (
      !a ||
      a.family !== this.cidr.family ||
      !cidrContains(this.cidr, a) ||
      !this.inRange(a.value)
    ) {
      return {
        ok: false,
        error: this.ipAddressAllocator
          ? 'the provided network does not match the current range'
          : `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.rangeText}`,
      };
    }
    const key = formatIP(a.family, a.value);
    const holder = this.used.get(key);
    if (holder !== undefined && holder !== owner)
      return { ok: false, error: 'provided IP is already allocated' };
    this.used.set(key, owner);
    return { ok: true, value: key };
  }

  /** randomScanStrategyWithOffset: the dynamic (upper) band first, then the static band. */
  allocateNext(owner: string, seed: string): AllocResult<string> {
    const offset = ipOffset(this.count + (this.cidr.family === 4 ? 2n : 1n));
    const bands: Array<[bigint, bigint]> = [
      [offset, this.count - offset],
      [0n, offset],
    ];
    for (const [start, length] of bands) {
      if (length <= 0n) continue;
      const origin = seededIndex(`${seed}@${start}`, length);
      for (let i = 0n; i < length; i++) {
        const value = this.first + start + ((origin + i) % length);
        const key = formatIP(this.cidr.family, value);
        if (this.used.has(key) || this.claimed.has(key)) continue;
        this.used.set(key, owner);
        return { ok: true, value: key };
      }
    }
    return { ok: false, error: 'range is full' };
  }

  release(ip: string, owner: string): void {
    if (this.used.get(ip) === owner) this.used.delete(ip);
  }
}

export class PortAllocator {
  readonly used = new Map<number, string>();
  readonly claimed = new Set<number>();
  readonly first = NODE_PORT_RANGE.first;
  readonly last = NODE_PORT_RANGE.last;

  get rangeText(): string {
    return `${this.first}-${this.last}`;
  }

  allocate(port: number, owner: string): AllocResult<number> {
    if (port < this.first || port > this.last)
      return {
        ok: false,
        error: `provided port is not in the valid range. The range of valid ports is ${this.rangeText}`,
      };
    const holder = this.used.get(port);
    if (holder !== undefined && holder !== owner)
      return { ok: false, error: 'provided port is already allocated' };
    this.used.set(port, owner);
    return { ok: true, value: port };
  }

  allocateNext(owner: string, seed: string): AllocResult<number> {
    const size = this.last - this.first + 1;
    const offset = portOffset(size);
    const bands: Array<[number, number]> = [
      [offset, size - offset],
      [0, offset],
    ];
    for (const [start, length] of bands) {
      if (length <= 0) continue;
      const origin = Number(seededIndex(`${seed}@${start}`, BigInt(length)));
      for (let i = 0; i < length; i++) {
        const port = this.first + start + ((origin + i) % length);
        if (this.used.has(port) || this.claimed.has(port)) continue;
        this.used.set(port, owner);
        return { ok: true, value: port };
      }
    }
    return { ok: false, error: 'range is full' };
  }

  release(port: number, owner: string): void {
    if (this.used.get(port) === owner) this.used.delete(port);
  }
}
