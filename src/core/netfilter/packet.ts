/**
 * A packet as netfilter sees it: the 5-tuple the rules match on, plus the skb mark kube-proxy
 * uses to flag traffic for masquerade (0x4000) and the connection's state as conntrack knows it.
 */
import type { Protocol } from '../iptables/types.ts';

export interface Packet {
  readonly protocol: Protocol;
  readonly src: string;
  readonly sport: number;
  readonly dst: string;
  readonly dport: number;
  /** The skb mark (`-m mark`, `-j MARK`); starts at 0 on every host, it never crosses the wire. */
  readonly mark: number;
}

/** `10.244.1.14:80`, or `[fd00::1]:80` for IPv6. */
export function hostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export function describePacket(p: Packet): string {
  return `${hostPort(p.src, p.sport)} → ${hostPort(p.dst, p.dport)} ${p.protocol}`;
}

export function markText(mark: number): string {
  return `0x${mark.toString(16)}`;
}

/** A packet's view for traces: addresses as `ip:port` and the mark in hex. */
export interface PacketView {
  readonly src: string;
  readonly dst: string;
  readonly protocol: Protocol;
  readonly mark: string;
}

export function viewOf(p: Packet): PacketView {
  return {
    src: hostPort(p.src, p.sport),
    dst: hostPort(p.dst, p.dport),
    protocol: p.protocol,
    mark: markText(p.mark),
  };
}
