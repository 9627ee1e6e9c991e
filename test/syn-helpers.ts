/**
 * Small helpers shared by the synaptic-model tests (private to the tests: the library's own
 * fit routines live in src/analysis, owned by the protocols work).
 */
import { resolveSpec, simulate, type RunResult } from '../src/experiment/index.js';

/** Index of the last sample with t <= tt (times carry round-off of a few ulp). */
export function indexAt(t: Float64Array, tt: number): number {
  let lo = 0, hi = t.length - 1;
  const x = tt * (1 + 1e-12) + 1e-18;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t[mid] <= x) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** Linear interpolation of a recorded column at the given times. */
export function sampleAt(t: Float64Array, y: Float64Array, ts: readonly number[]): number[] {
  return ts.map((tt) => {
    const k = Math.min(indexAt(t, tt), t.length - 2);
    const f = (tt - t[k]) / (t[k + 1] - t[k]);
    return y[k] + Math.max(0, Math.min(1, f)) * (y[k + 1] - y[k]);
  });
}

/** Run a sequence of stimulus segments on a preset; columns at every step or breakpoint. */
export function runSegments(preset: string, segments: unknown[], opts: { set?: Record<string, unknown>; every?: 'step' | 'breakpoint'; vRead?: number; compliance?: number; maxStep?: number; seed?: number; method?: string } = {}): { r: RunResult; starts: Float64Array } {
  const spec = resolveSpec({
    device: { preset, set: opts.set ?? {} },
    ...(opts.compliance ? { circuit: { series: 0, compliance: opts.compliance } } : {}),
    stimulus: { type: 'sequence', segments },
    record: { every: opts.every ?? 'breakpoint', vRead: opts.vRead ?? 0.1 },
    solver: { ...(opts.maxStep ? { maxStep: opts.maxStep } : {}), ...(opts.method ? { method: opts.method } : {}) },
    seed: opts.seed ?? 1,
  });
  const r = simulate(spec);
  return { r, starts: (spec.stimulus as unknown as { starts: Float64Array }).starts };
}

/**
 * Least-squares fit of y = g_inf + a exp(-(t / tau)^beta): a grid over (beta, log tau) with
 * the linear parameters solved exactly at each node, then a local refinement of the grid.
 */
export function fitStretched(t: readonly number[], y: readonly number[]): { tau: number; beta: number; gInf: number; a: number; r2: number } {
  const n = t.length;
  const lin = (tau: number, b: number) => {
    let s1 = 0, sx = 0, sxx = 0, sy = 0, sxy = 0;
    for (let k = 0; k < n; k++) { const x = Math.exp(-Math.pow(t[k] / tau, b)); s1++; sx += x; sxx += x * x; sy += y[k]; sxy += x * y[k]; }
    const det = s1 * sxx - sx * sx;
    const a = (s1 * sxy - sx * sy) / det, g = (sy - a * sx) / s1;
    let r = 0;
    for (let k = 0; k < n; k++) { const e = y[k] - g - a * Math.exp(-Math.pow(t[k] / tau, b)); r += e * e; }
    return { g, a, r };
  };
  let best = { r: Infinity, g: 0, a: 0, tau: 1, b: 1 };
  let lt0 = Math.log(t[0]) - 2, lt1 = Math.log(t[n - 1]) + 3, b0 = 0.05, b1 = 1.5;
  for (let pass = 0; pass < 4; pass++) {
    for (let bi = 0; bi <= 30; bi++) {
      const b = b0 + ((b1 - b0) * bi) / 30;
      for (let ti = 0; ti <= 60; ti++) {
        const tau = Math.exp(lt0 + ((lt1 - lt0) * ti) / 60);
        const f = lin(tau, b);
        if (f.r < best.r) best = { ...f, tau, b };
      }
    }
    const db = (b1 - b0) / 10, dl = (lt1 - lt0) / 20;
    b0 = Math.max(0.01, best.b - db); b1 = best.b + db;
    lt0 = Math.log(best.tau) - dl; lt1 = Math.log(best.tau) + dl;
  }
  let mean = 0;
  for (const v of y) mean += v / n;
  let tot = 0;
  for (const v of y) tot += (v - mean) ** 2;
  return { tau: best.tau, beta: best.b, gInf: best.g, a: best.a, r2: 1 - best.r / tot };
}

/** Least-squares slope and intercept of y against x. */
export function linearFit(x: readonly number[], y: readonly number[]): { slope: number; intercept: number } {
  const n = x.length;
  let sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (let k = 0; k < n; k++) { sx += x[k]; sy += y[k]; sxx += x[k] * x[k]; sxy += x[k] * y[k]; }
  const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  return { slope, intercept: (sy - slope * sx) / n };
}
