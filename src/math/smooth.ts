/**
 * Smooth, well-posed building blocks for device equations (Wang & Roychowdhury,
 * arXiv:1605.04897): limited exponentials, smooth steps and gates instead of hard clips.
 * @module math/smooth
 */

/** Argument above which limexp continues linearly (as SPICE's limexp). */
export const LIMEXP_MAX = 80;
const EXP_MAX = Math.exp(LIMEXP_MAX);

/** exp(x) for x <= 80, linear continuation exp(80) (1 + x - 80) above: finite and C1. */
export function limexp(x: number): number {
  return x <= LIMEXP_MAX ? Math.exp(x) : EXP_MAX * (1 + x - LIMEXP_MAX);
}

/** sinh with limited exponentials (odd, C1, finite for any finite x). */
export function limsinh(x: number): number {
  if (x <= LIMEXP_MAX && x >= -LIMEXP_MAX) return Math.sinh(x); // one library call inside the range
  return 0.5 * (limexp(x) - limexp(-x));
}

/** Smooth step s(x) = (1 + tanh(x / eps)) / 2: 0 for x << -eps, 1 for x >> eps. */
export function sstep(x: number, eps: number): number {
  return 0.5 * (1 + Math.tanh(x / eps));
}

/** Numerically safe softplus: eps * ln(1 + exp(x / eps)). */
export function softplus(x: number, eps: number): number {
  const z = x / eps;
  return z > 35 ? x : eps * Math.log1p(Math.exp(z));
}

/**
 * Directional gate for a bounded state: multiplies a rate so that the state cannot leave
 * [lo, hi]. Growth (rate > 0) is switched off smoothly as x approaches hi; decay (rate < 0)
 * as x approaches lo. Motion away from a bound is never slowed, so the state cannot stick
 * (the Joglekar "boundary lock") and nothing winds up beyond the bound.
 * @param rate the unbounded dx/dt
 * @param eps smoothing width in units of x
 */
export function gate(rate: number, x: number, lo: number, hi: number, eps: number): number {
  return rate > 0 ? rate * sstep(hi - x, eps) : rate * sstep(x - lo, eps);
}

/** Clamp to [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/**
 * Hard-walled directional gate: like `gate`, but the factor is exactly zero at the bound and
 * changes sign beyond it, so an ODE dx/dt = wall(rate, x, lo, hi, d) can neither cross nor
 * creep past [lo, hi] however large the rate (a tanh gate only suppresses the rate by
 * exp(-2 z) and lets a very fast state creep logarithmically past the bound). Growth is
 * multiplied by tanh((hi - x)/d), decay by tanh((x - lo)/d); motion away from a bound is not
 * slowed, and a state that overshot by round-off is pushed back. Continuous in rate and x,
 * smooth in x on each side of rate = 0.
 * @param d width of the wall (in units of x); the rate is reduced within a few d of a bound
 */
export function wall(rate: number, x: number, lo: number, hi: number, d: number): number {
  return rate > 0 ? rate * Math.tanh((hi - x) / d) : rate * Math.tanh((x - lo) / d);
}
