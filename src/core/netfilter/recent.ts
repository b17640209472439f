/**
 * The `recent` match's lists (xt_recent), one set per node: list name → source address → when it
 * was last seen. kube-proxy's session affinity lives here: the KUBE-SEP chain `--set`s the client,
 * the KUBE-SVC chain `--rcheck`s it within the timeout. State is per node, as in the kernel.
 */
export class RecentLists {
  private readonly lists = new Map<string, Map<string, number>>();

  /** `--set`: remember the address now; the match is always true. */
  set(name: string, ip: string, now: number): boolean {
    let list = this.lists.get(name);
    if (!list) {
      list = new Map();
      this.lists.set(name, list);
    }
    list.set(ip, now);
    return true;
  }

  /**
   * `--rcheck [--seconds S] [--reap]`: true if the address is on the list (seen within S seconds
   * when given). `--reap` drops entries older than S from the list.
   */
  rcheck(
    name: string,
    ip: string,
    now: number,
    seconds: number | undefined,
    reap: boolean,
  ): boolean {
    const list = this.lists.get(name);
    if (!list) return false;
    if (reap && seconds !== undefined) {
      for (const [addr, seen] of list) if (now - seen > seconds) list.delete(addr);
    }
    const seen = list.get(ip);
    if (seen === undefined) return false;
    // xt_recent: the last stamp must be after now − S.
    return seconds === undefined || now - seen < seconds;
  }

  /** The entries, for traces and tests: `[list, ip, seenAt]`. */
  entries(): Array<readonly [string, string, number]> {
    const out: Array<readonly [string, string, number]> = [];
    for (const [name, list] of this.lists) for (const [ip, t] of list) out.push([name, ip, t]);
    return out;
  }

  clone(): RecentLists {
    const copy = new RecentLists();
    for (const [name, list] of this.lists) copy.lists.set(name, new Map(list));
    return copy;
  }
}
