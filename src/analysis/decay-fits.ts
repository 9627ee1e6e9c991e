/**
 * Decay fits used by the plasticity protocols, each with standard errors from the LM
 * covariance:
 *
 *   stretched exponential   G(t) = G_inf + A exp(-(t/tau)^beta)        (retention, review Fig. 5b)
 *   single exponential      y(x) = y_inf + A exp(-x/tau)               (PPF decay, thermal decay)
 *   double exponential      y(x) = y_inf + A1 exp(-x/tau1) + A2 exp(-x/tau2), tau1 < tau2
 *   STDP window             dW = A+ exp(-dt/tau+) (dt > 0), A- exp(dt/tau-) (dt < 0)
 *
 * Starting values come from the data (end levels, the 1/e crossing), then a few seeded
 * restarts guard against the local minima of exponential sums.
 * @module analysis/decay-fits
 */
import { levenbergMarquardt, type FitModel, type FitResult } from './lm.js';

/** A fitted parameter: value and standard error. */
export interface Estimate { value: number; error: number; }

/** Result of a named fit. */
export interface DecayFit {
  /** Parameter name -> value and standard error. */
  params: Record<string, Estimate>;
  r2: number;
  converged: boolean;
  message: string;
  /** The fitted curve, for plotting. */
  evaluate(x: number): number;
}

function pack(r: FitResult, model: FitModel): DecayFit {
  const params: Record<string, Estimate> = {};
  r.names.forEach((n, k) => { params[n] = { value: r.params[k], error: r.errors[k] }; });
  const p = Float64Array.from(r.params);
  return { params, r2: r.r2, converged: r.converged, message: r.message, evaluate: (x) => model.f(x, p) };
}

/** Time at which (y - yEnd) first falls below 1/e of (y0 - yEnd), interpolated in log x. */
function eFoldGuess(x: ArrayLike<number>, y: ArrayLike<number>, yEnd: number): number {
  const a0 = y[0] - yEnd;
  for (let i = 1; i < x.length; i++) {
    if ((y[i] - yEnd) / a0 < Math.exp(-1)) return x[i] > 0 && x[i - 1] > 0 ? Math.sqrt(x[i] * x[i - 1]) : x[i];
  }
  return x[x.length - 1];
}

function span(x: ArrayLike<number>): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < x.length; i++) { if (x[i] > 0) lo = Math.min(lo, x[i]); hi = Math.max(hi, x[i]); }
  return [lo, hi];
}

function yRange(y: ArrayLike<number>): number {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < y.length; i++) { lo = Math.min(lo, y[i]); hi = Math.max(hi, y[i]); }
  return Math.max(hi - lo, 1e-300);
}

const STRETCHED: FitModel = {
  names: ['gInf', 'a', 'tau', 'beta'],
  f: (t, p) => p[0] + p[1] * Math.exp(-Math.pow(Math.max(t, 0) / p[2], p[3])),
};

/**
 * Fit G(t) = G_inf + A exp(-(t/tau)^beta) to a retention curve (t > 0, decaying or rising).
 * beta is bounded to (0.05, 2] so that a non-stretched decay is visible as beta > 1.
 */
export function fitStretchedExp(t: ArrayLike<number>, g: ArrayLike<number>, seed = 1): DecayFit {
  const n = t.length;
  const gEnd = g[n - 1];
  const [tLo, tHi] = span(t);
  const tau0 = eFoldGuess(t, g, gEnd);
  const R = yRange(g);
  const lower = [gEnd - 10 * R, -10 * R, tLo / 100, 0.05];
  const upper = [gEnd + 10 * R, 10 * R, tHi * 100, 2];
  const r = levenbergMarquardt(STRETCHED, t, g, [gEnd, g[0] - gEnd, tau0, 0.7], { lower, upper, restarts: 6, seed });
  return pack(r, STRETCHED);
}

const SINGLE: FitModel = { names: ['yInf', 'a', 'tau'], f: (x, p) => p[0] + p[1] * Math.exp(-x / p[2]) };
const SINGLE0: FitModel = { names: ['a', 'tau'], f: (x, p) => p[0] * Math.exp(-x / p[1]) };

/**
 * Fit y = y_inf + A exp(-x/tau). With `yInf` given, the asymptote is fixed (e.g. PPF -> 1).
 */
export function fitExp(x: ArrayLike<number>, y: ArrayLike<number>, opts: { yInf?: number; seed?: number } = {}): DecayFit {
  const n = x.length;
  const [lo, hi] = span(x);
  const R = yRange(y);
  if (opts.yInf !== undefined) {
    const yi = opts.yInf;
    const yy = Array.from(y, (v) => v - yi);
    const tau0 = eFoldGuess(x, yy, 0);
    const r = levenbergMarquardt(SINGLE0, x, yy, [yy[0] * Math.exp(x[0] / tau0), tau0], { lower: [-100 * R, lo / 100], upper: [100 * R, hi * 100], restarts: 4, seed: opts.seed ?? 1 });
    const f = pack(r, SINGLE0);
    return { ...f, params: { yInf: { value: yi, error: 0 }, ...f.params }, evaluate: (v) => yi + f.evaluate(v) };
  }
  const tau0 = eFoldGuess(x, y, y[n - 1]);
  const r = levenbergMarquardt(SINGLE, x, y, [y[n - 1], (y[0] - y[n - 1]) * Math.exp(x[0] / tau0), tau0], { lower: [-Infinity, -100 * R, lo / 100], upper: [Infinity, 100 * R, hi * 100] });
  return pack(r, SINGLE);
}

const DOUBLE: FitModel = { names: ['yInf', 'a1', 'tau1', 'a2', 'tau2'], f: (x, p) => p[0] + p[1] * Math.exp(-x / p[2]) + p[3] * Math.exp(-x / p[4]) };

/** Fit y = y_inf + A1 exp(-x/tau1) + A2 exp(-x/tau2), returned with tau1 <= tau2. */
export function fitDoubleExp(x: ArrayLike<number>, y: ArrayLike<number>, seed = 1): DecayFit {
  const n = x.length;
  const [lo, hi] = span(x);
  const R = yRange(y);
  const yEnd = y[n - 1];
  const tau0 = eFoldGuess(x, y, yEnd);
  const a = y[0] - yEnd;
  const lower = [yEnd - 10 * R, -10 * R, lo / 100, -10 * R, lo / 100];
  const upper = [yEnd + 10 * R, 10 * R, hi * 100, 10 * R, hi * 100];
  const r = levenbergMarquardt(DOUBLE, x, y, [yEnd, a / 2, tau0 / 5, a / 2, tau0 * 5], { lower, upper, restarts: 8, seed });
  if (r.params[2] > r.params[4]) {
    // swap the two modes so that tau1 is the fast one
    const p = r.params, e = r.errors;
    [p[1], p[3]] = [p[3], p[1]]; [p[2], p[4]] = [p[4], p[2]];
    [e[1], e[3]] = [e[3], e[1]]; [e[2], e[4]] = [e[4], e[2]];
  }
  return pack(r, DOUBLE);
}

/** A fitted STDP window. */
export interface StdpWindowFit {
  /** Potentiation branch (dt > 0): amplitude and time constant. */
  aPlus: Estimate; tauPlus: Estimate;
  /** Depression branch (dt < 0): amplitude (signed, negative for a Hebbian window) and time constant. */
  aMinus: Estimate; tauMinus: Estimate;
  r2Plus: number; r2Minus: number;
  evaluate(dt: number): number;
}

/**
 * Fit dW(dt) = A+ exp(-dt/tau+) for dt > 0 and A- exp(dt/tau-) for dt < 0, each branch on its
 * own points (at least two per branch).
 */
export function fitStdpWindow(dt: ArrayLike<number>, dw: ArrayLike<number>, seed = 1): StdpWindowFit {
  const pos: [number[], number[]] = [[], []], neg: [number[], number[]] = [[], []];
  for (let i = 0; i < dt.length; i++) {
    if (dt[i] > 0) { pos[0].push(dt[i]); pos[1].push(dw[i]); }
    else if (dt[i] < 0) { neg[0].push(-dt[i]); neg[1].push(dw[i]); }
  }
  const branch = (xy: [number[], number[]]) => {
    const o = xy[0].map((_, k) => k).sort((a, b) => xy[0][a] - xy[0][b]);
    return fitExp(o.map((k) => xy[0][k]), o.map((k) => xy[1][k]), { yInf: 0, seed });
  };
  const p = branch(pos), m = branch(neg);
  return {
    aPlus: p.params.a, tauPlus: p.params.tau, aMinus: m.params.a, tauMinus: m.params.tau,
    r2Plus: p.r2, r2Minus: m.r2,
    evaluate: (t) => (t >= 0 ? p.evaluate(t) : m.evaluate(-t)),
  };
}
