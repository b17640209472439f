/**
 * Seeded randomness for walks: the kernel draws `get_random_u32()` for `-m statistic`; we draw
 * from mulberry32 so a seed gives the same walk every time, in the browser, the CLI and tests.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Linux's default ephemeral port range (net.ipv4.ip_local_port_range 32768 60999). */
export function ephemeralPort(draw: () => number): number {
  return 32768 + (draw() % (60999 - 32768 + 1));
}
