/**
 * Exact decimal formatting of a binary double, as C's printf("%.Nf") and Go's
 * fmt.Sprintf("%.Nf") do it: take the double's exact value and round half to even.
 * (`Number.prototype.toFixed` rounds exact ties up, e.g. 1/2048 = 0.00048828125 → ...813,
 * where Go and glibc print ...812.)
 */

/** The exact value of a finite double as mantissa × 2^exponent. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/** `x` (finite, non-negative) with exactly `digits` decimals, rounded half to even. */
export function toFixedHalfEven(x: number, digits: number): string {
  const { mantissa, exponent } = decompose(x);
  const scale = 10n ** BigInt(digits);
  let units: bigint;
  if (exponent >= 0) {
    units = (mantissa << BigInt(exponent)) * scale;
  } else {
    const divisor = 1n << BigInt(-exponent);
    const scaled = mantissa * scale;
    units = scaled / divisor;
    const twice = (scaled % divisor) * 2n;
    if (twice > divisor || (twice === divisor && units % 2n === 1n)) units += 1n;
  }
  const text = units.toString().padStart(digits + 1, '0');
  if (digits === 0) return text;
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
