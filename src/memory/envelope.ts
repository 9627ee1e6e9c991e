/**
 * Cycle skipping (envelope following) for periodically driven cells whose state returns to
 * the same orbit every cycle except for a slow drift (wear, read disturb). Blocks of M cycles
 * are simulated in full; the first M/2 settle onto the orbit, and the per-cycle drift of the
 * end-of-cycle state is taken from the second half, d = (s_end - s_mid) / (M / 2), and the state is extrapolated linearly over K skipped
 * cycles, s <- s + K d (explicit envelope step: Petzold, SIAM J. Numer. Anal. 18, 455 (1981);
 * Gear & Gallivan's "automatic methods for highly oscillatory ODEs"). The fast part of any
 * extrapolation error relaxes back onto the orbit within the next block, because the orbit
 * attracts.
 *
 * Error control: the leading error of a linear jump is the envelope's curvature,
 * e_i = K^2 |d_i - d_i,prev| / (2 L) with L the cycles between the two drift estimates. A jump
 * is accepted when e_i <= tol * range_i for every state (range: the state's bounds, or its
 * magnitude when unbounded); K then grows by at most 4x, else it is cut and the jump retried
 * (the block is not repeated). The drift estimate carries the integrator's per-cycle error
 * divided by M, which the curvature test sees as noise: cycles must be integrated tightly
 * (endurance uses rtol 1e-10) or K stalls where that noise reaches tol. Jumps never cross a predicted failure: when an observable is
 * extrapolated past its failure level, K is cut to land before it, so the failing cycle is
 * always simulated in full.
 * @module memory/envelope
 */

/** One simulated cycle: advances the state, returns the observables after it. */
export type CycleFn = () => number[];

/** Options of the envelope run. */
export interface EnvelopeOptions {
  /** Cycles to reach. */
  target: number;
  /** Cycles per fully simulated block (>= 4: half settle, half measure the drift). */
  block: number;
  /** Relative local error per jump (fraction of each state's range). */
  tol: number;
  /** Skip no cycles at all (brute force). */
  bruteForce?: boolean;
  /** Largest jump. */
  kMax?: number;
  /** True when the observables mean failure. */
  failed(obs: number[]): boolean;
  /** Signed distance of the observables to failure (crosses zero at failure), for landing. */
  margin(obs: number[]): number;
}

/** Result of an envelope run. */
export interface EnvelopeResult {
  /** Cycles done (the failing cycle when failed). */
  cycles: number;
  failed: boolean;
  /** Fully simulated cycles. */
  simulated: number;
  /** Accepted and rejected jumps. */
  jumps: number;
  rejected: number;
  /** Observables after each simulated cycle, with the cycle number. */
  trace: { n: number; obs: number[] }[];
  /** Largest accepted local error estimate, as a fraction of tol. */
  maxErrRatio: number;
}

/**
 * Run cycles with skipping. `state` is the cell state (updated in place by cycle() and by
 * jumps); `ranges` gives each component's error scale.
 */
export function runEnvelope(state: Float64Array, ranges: Float64Array, cycle: CycleFn, opts: EnvelopeOptions): EnvelopeResult {
  const M = Math.max(4, Math.floor(opts.block));
  const settle = Math.floor(M / 2);
  const n = state.length;
  const trace: { n: number; obs: number[] }[] = [];
  let cyc = 0, simulated = 0, jumps = 0, rejected = 0, maxErrRatio = 0;
  const runBlock = (count: number): { failed: boolean; obs: number[] } => {
    let obs: number[] = [];
    for (let k = 0; k < count && cyc < opts.target; k++) {
      obs = cycle();
      cyc++; simulated++;
      trace.push({ n: cyc, obs });
      if (opts.failed(obs)) return { failed: true, obs };
    }
    return { failed: false, obs };
  };
  if (opts.bruteForce) {
    const r = runBlock(opts.target);
    return { cycles: cyc, failed: r.failed, simulated, jumps, rejected, trace, maxErrRatio };
  }
  let dPrev: Float64Array | null = null;
  let centerPrev = 0;
  // margin at the end of the previous block: the drift of the margin is taken over the
  // baseline between blocks (which spans the jump), so that read noise does not dominate it
  let mPrev = NaN, cPrev = 0;
  let K = M;
  const s0 = new Float64Array(n), d = new Float64Array(n);
  while (cyc < opts.target) {
    // block: the first half settles back onto the orbit after a jump (fast components were
    // extrapolated with their own, meaningless, drift); the drift comes from the second half
    let r = runBlock(settle);
    if (r.failed || cyc >= opts.target) return { cycles: cyc, failed: r.failed, simulated, jumps, rejected, trace, maxErrRatio };
    s0.set(state);
    const c0 = cyc;
    const m0 = opts.margin(r.obs);
    r = runBlock(M - settle);
    if (r.failed || cyc >= opts.target) return { cycles: cyc, failed: r.failed, simulated, jumps, rejected, trace, maxErrRatio };
    const done = cyc - c0;
    for (let i = 0; i < n; i++) d[i] = (state[i] - s0[i]) / done;
    const center = (c0 + cyc) / 2;
    const mNow = opts.margin(r.obs);
    const mDrift = Number.isFinite(mPrev) && cyc > cPrev ? (mNow - mPrev) / (cyc - cPrev) : (mNow - m0) / done;
    mPrev = mNow; cPrev = cyc;
    // step size from the curvature estimate
    let errRatio = 0;
    if (dPrev) {
      const L = center - centerPrev;
      for (let i = 0; i < n; i++) {
        const e = (K * K * Math.abs(d[i] - dPrev[i])) / (2 * L);
        errRatio = Math.max(errRatio, e / (opts.tol * ranges[i]));
      }
      while (errRatio > 1 && K > 1) {
        rejected++;
        const Knew = Math.max(1, Math.floor(K * Math.max(0.2, 0.9 / Math.sqrt(errRatio))));
        errRatio *= (Knew / K) ** 2;
        K = Knew;
      }
    } else K = M;
    maxErrRatio = Math.max(maxErrRatio, errRatio);
    // do not jump past a predicted failure, nor past the target
    let jump = Math.min(K, opts.kMax ?? Infinity, opts.target - cyc - 1);
    if (mDrift < 0 && mNow > 0) jump = Math.min(jump, Math.floor((0.5 * mNow) / -mDrift));
    jump = Math.max(0, Math.floor(jump));
    if (jump > 0) {
      for (let i = 0; i < n; i++) state[i] += jump * d[i];
      cyc += jump;
      jumps++;
    }
    dPrev = Float64Array.from(d);
    centerPrev = center;
    // propose the next K (error ~ K^2)
    K = Math.max(1, Math.floor(K * Math.min(4, errRatio > 0 ? 0.9 / Math.sqrt(errRatio) : 4)));
  }
  return { cycles: cyc, failed: false, simulated, jumps, rejected, trace, maxErrRatio };
}
