/**
 * Integer powers by repeated squaring, for hot device-model loops (Math.pow costs ~40 ns in
 * V8, a handful of multiplications ~2 ns).
 *
 *   powi(x, q) = x^q  for integer q in [0, 64]  (binary exponentiation: at most 2 log2(q) products)
 *   powi(x, q) = Math.pow(x, q)  otherwise
 *
 * Accuracy: each product rounds once and a squaring doubles the relative error of its
 * factor, so the relative error is at most about (q - 1) 2^-53 (q = 4: 3e-16, q = 40:
 * 4e-15; measured worst over q <= 64: 51 x 2^-53 = 6e-15), against ~1 unit in the last
 * place for Math.pow: round-off, not a change of the model. Signs, zeros, infinities and NaN follow Math.pow
 * for the integer exponents handled here (x^0 = 1 for every x, NaN included).
 * @module math/powi
 */

/** x^q, by repeated squaring when q is an integer in [0, 64] (see module doc). */
export function powi(x: number, q: number): number {
  if (!(q >= 0 && q <= 64) || q !== Math.floor(q)) return Math.pow(x, q);
  let r = 1, b = x, e = q;
  while (e > 0) {
    if (e & 1) r *= b;
    e >>= 1;
    if (e > 0) b *= b;
  }
  return r;
}
