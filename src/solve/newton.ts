/**
 * Damped Newton iteration for vectors of independent scalar equations (one per device) with
 * a bracket kept for every component: a Newton step that leaves the bracket or does not
 * reduce |F| is replaced by bisection, so the iteration cannot diverge when F is monotone.
 * Used for device voltages behind series elements and for internal nodes.
 * @module solve/newton
 */

/** A vector of scalar equations F_j(x_j) = 0 evaluated together. */
export interface ScalarSystem {
  /** Writes F and dF/dx for every component j < n. */
  eval(x: Float64Array, f: Float64Array, df: Float64Array, n: number): void;
}

/** Outcome of a bracketed Newton solve. */
export interface NewtonResult { converged: boolean; iterations: number; worst: number; }

/**
 * Solve F_j(x_j) = 0 for j < n with x_j in [lo_j, hi_j] where F changes sign over the bracket.
 * x holds the initial guess (clamped into the bracket) and receives the root.
 * Scratch arrays f, df, flo must have length >= n. Nothing is allocated.
 * @param xtol absolute tolerance on x
 */
export function bracketedNewton(sys: ScalarSystem, x: Float64Array, lo: Float64Array, hi: Float64Array, n: number,
  f: Float64Array, df: Float64Array, flo: Float64Array, xtol: number, maxIter = 100): NewtonResult {
  // sign of F at lo
  const xs = df; // reuse df as scratch for the bracket ends evaluation
  for (let j = 0; j < n; j++) xs[j] = lo[j];
  sys.eval(xs, flo, f, n);
  for (let j = 0; j < n; j++) {
    if (x[j] < lo[j] || x[j] > hi[j] || !Number.isFinite(x[j])) x[j] = 0.5 * (lo[j] + hi[j]);
  }
  let it = 0;
  let worst = Infinity;
  for (; it < maxIter; it++) {
    sys.eval(x, f, df, n);
    worst = 0;
    for (let j = 0; j < n; j++) {
      const fj = f[j];
      if (fj === 0) { lo[j] = hi[j] = x[j]; continue; }
      // shrink the bracket
      if ((fj > 0) === (flo[j] > 0)) { lo[j] = x[j]; flo[j] = fj; } else hi[j] = x[j];
      let xn = x[j] - fj / df[j];
      if (!(xn > lo[j] && xn < hi[j])) xn = 0.5 * (lo[j] + hi[j]);
      const dx = Math.abs(xn - x[j]);
      const width = hi[j] - lo[j];
      x[j] = xn;
      const w = Math.min(dx, width);
      if (w > worst) worst = w;
    }
    if (worst <= xtol) return { converged: true, iterations: it + 1, worst };
  }
  return { converged: false, iterations: it, worst };
}
