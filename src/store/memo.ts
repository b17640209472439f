/** Memoises a one-argument function on its last argument (by identity): derived data is
 * recomputed once per scenario text, however many panels read it in a frame. */
export function memoLast<A, R>(f: (a: A) => R): (a: A) => R {
  let last: { a: A; r: R } | null = null;
  return (a) => {
    if (last && Object.is(last.a, a)) return last.r;
    const r = f(a);
    last = { a, r };
    return r;
  };
}

/** The same for two arguments. */
export function memoLast2<A, B, R>(f: (a: A, b: B) => R): (a: A, b: B) => R {
  let last: { a: A; b: B; r: R } | null = null;
  return (a, b) => {
    if (last && Object.is(last.a, a) && Object.is(last.b, b)) return last.r;
    const r = f(a, b);
    last = { a, b, r };
    return r;
  };
}

/**
 * Memoises a one-argument function on its last `size` arguments (by identity, most recent
 * first). The scenario is applied for the current text, the text before the last edit (the Rules
 * diff) and a candidate edit: with one slot they would evict each other on every render.
 */
export function memoRecent<A, R>(f: (a: A) => R, size: number): (a: A) => R {
  const recent: Array<{ a: A; r: R }> = [];
  return (a) => {
    const i = recent.findIndex((e) => Object.is(e.a, a));
    if (i >= 0) {
      const [hit] = recent.splice(i, 1);
      if (hit) {
        recent.unshift(hit);
        return hit.r;
      }
    }
    const r = f(a);
    recent.unshift({ a, r });
    if (recent.length > size) recent.pop();
    return r;
  };
}
