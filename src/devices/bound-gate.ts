/**
 * A directional bound gate that holds a state exactly inside [lo, hi] without making the ODE
 * stiff. The rate is multiplied by phi(d), d the distance to the bound the state moves
 * toward, with
 *
 *   phi(d) = tanh(d / eps)^2  (d > 0),   0  (d <= 0)          C1 at d = 0 (phi(0) = phi'(0) = 0)
 *
 * Under a sustained drive r toward the bound, dd/dt = -r (d/eps)^2 gives d(t) ~ eps^2/(r t):
 * the bound is approached algebraically and never crossed, and the Jacobian -2 r d/eps^2
 * ~ -2/t stays small (no stiffness), unlike a gate with phi'(0) > 0 (eigenvalue -r/eps) or the
 * tanh step of math/smooth `gate`, which never reaches 0 and lets the state creep a few eps
 * past the bound under a long drive. Motion away from a bound is never slowed (no sticking).
 * @module devices/bound-gate
 */

/** Shape factor phi(d) of the gate. */
export function gatePhi(d: number, eps: number): number {
  if (!(d > 0)) return 0;
  const t = Math.tanh(d / eps);
  return t * t;
}

/**
 * rate, switched off smoothly as x approaches hi (rate > 0) or lo (rate < 0).
 * @param eps smoothing width in units of x
 */
export function boundGate(rate: number, x: number, lo: number, hi: number, eps: number): number {
  return rate > 0 ? rate * gatePhi(hi - x, eps) : rate < 0 ? rate * gatePhi(x - lo, eps) : 0;
}
