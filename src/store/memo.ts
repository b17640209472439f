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
