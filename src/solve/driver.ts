/**
 * The one integration driver shared by every stepper: step-size control, exact landing on
 * breakpoints, event location, observers and work counters. A stepper only knows how to
 * attempt one step; everything else lives here (diffrax: solver apart from controller).
 *
 * Order of work inside one accepted step:
 *  1. clamp h so that t + h does not pass the next breakpoint (land exactly when close);
 *  2. attempt the step; reject and shrink on error norm > 1 or non-finite values;
 *  3. locate the earliest event in (t, t + h] on the cubic Hermite interpolant and truncate;
 *  4. accept: observer('step'), afterStep hook;
 *  5. at a breakpoint: atBreakpoint hook, re-evaluate f unless the system reports its input
 *     continuous there (`continuousAt`) and the hook left y alone, observer('breakpoint').
 * @module solve/driver
 */
import type { OdeSystem, SolveOptions, SolveResult, SolveStats, SolveStatus } from './types.js';
import { newStats } from './types.js';

/** One-step method used by the driver. */
export interface Stepper {
  readonly name: string;
  /** Order of the propagated solution. */
  readonly order: number;
  /** Order of the embedded solution used for the error estimate. */
  readonly errorOrder: number;
  /**
   * Smallest number of steps per stimulus segment (between two breakpoints). Methods whose
   * stages sample only the ends of a step (Rosenbrock: abscissae 0 and 1) cannot see an input
   * feature inside a segment, so the driver caps their step at segment / this value.
   */
  readonly minStepsPerSegment?: number;
  /** Make buffers ready for a system (called once per solve; reuse them across solves: no allocation once warm). */
  prepare(sys: OdeSystem, stats: SolveStats, atol: Float64Array, rtol: number): void;
  /**
   * Attempt a step of size h from (t, y) where f0 = f(t, y). Writes the new state, the
   * derivative at the new state and the local error estimate.
   * @returns 0 on success, 1 when a linear solve failed (singular matrix)
   */
  step(t: number, h: number, y: Float64Array, f0: Float64Array, yNew: Float64Array, f1: Float64Array, err: Float64Array): number;
}

const SAFETY = 0.9;
const MIN_FACTOR = 0.2;
const MAX_FACTOR = 10;
/** A step is stretched to land on the next breakpoint when it would stop within this fraction of h short of it. */
const LANDING_SLACK = 1e-6;

/**
 * Scratch vectors of the driver kept by a caller that integrates many small systems (one
 * batched solve per network step): passed as `opts.workspace`, they grow to the largest n
 * seen and are reused, so that a solve allocates no typed array once warm.
 */
export class SolveWorkspace {
  f0 = new Float64Array(0);
  f1 = new Float64Array(0);
  yNew = new Float64Array(0);
  err = new Float64Array(0);
  atol = new Float64Array(0);
  /** Make room for n unknowns (amortised: capacity doubles). */
  reserve(n: number): void {
    if (this.f0.length >= n) return;
    let c = Math.max(16, this.f0.length);
    while (c < n) c *= 2;
    this.f0 = new Float64Array(c);
    this.f1 = new Float64Array(c);
    this.yNew = new Float64Array(c);
    this.err = new Float64Array(c);
    this.atol = new Float64Array(c);
  }
}

/** End of an integration (a function, not a closure: nothing allocated per solve for it). */
function finish(obs: SolveOptions['observer'], y: Float64Array, stats: SolveStats, tf: number, status: SolveStatus, message: string): SolveResult {
  if (obs && status === 'ok') obs(tf, y, 'final');
  return { status, message, t: tf, y, stats };
}

/**
 * Integrate sys from t0 to t1 in place on y with the given stepper. Only y[0 .. sys.n) is
 * used (y may be longer: a batch buffer with spare capacity).
 * Never throws on numerical failure: the status says what happened.
 */
export function integrate(sys: OdeSystem, stepper: Stepper, t0: number, t1: number, y: Float64Array, opts: SolveOptions = {}): SolveResult {
  const n = sys.n;
  const stats = newStats();
  const rtol = opts.rtol ?? 1e-6;
  const ws = opts.workspace;
  ws?.reserve(n);
  const atol = ws ? ws.atol : new Float64Array(n);
  const oa = opts.atol;
  if (typeof oa === 'object') {
    // the first n entries (a longer array is a batch buffer with spare capacity)
    const na = oa.length < n ? oa.length : n;
    for (let i = 0; i < na; i++) atol[i] = oa[i];
    for (let i = na; i < n; i++) atol[i] = 0;
  } else {
    const a = oa ?? 1e-9;
    for (let i = 0; i < n; i++) atol[i] = a;
  }
  const span = t1 - t0;
  const hMax = Math.min(opts.hMax ?? Infinity, span > 0 ? span : Infinity);
  const hMin = opts.hMin ?? 0;
  const maxSteps = opts.maxSteps ?? 1e7;
  const bp = opts.breakpoints;
  const ev = opts.events;
  const obs = opts.observer;
  // the controller exponent is read per step: a switching stepper changes its orders
  let expo = -1 / (Math.min(stepper.order, stepper.errorOrder) + 1);

  // f0 / f1 swap roles after an accepted step (the new derivative becomes f0 without a copy)
  let f0 = ws ? ws.f0 : new Float64Array(n);
  let f1 = ws ? ws.f1 : new Float64Array(n);
  const yNew = ws ? ws.yNew : new Float64Array(n);
  const err = ws ? ws.err : new Float64Array(n);
  const yEv = ev ? new Float64Array(n) : err;
  const gOld = ev ? new Float64Array(ev.count) : f0;
  const gNew = ev ? new Float64Array(ev.count) : f0;
  const gMid = ev ? new Float64Array(ev.count) : f0;
  stepper.prepare(sys, stats, atol, rtol);

  let t = t0;
  if (!(span >= 0) || !Number.isFinite(span)) return finish(obs, y, stats, t, 'non-finite', `time span [${t0}, ${t1}] is not a finite, non-negative interval`);
  for (let i = 0; i < n; i++) if (!Number.isFinite(y[i])) return finish(obs, y, stats, t, 'non-finite', `initial state component ${i} is ${y[i]}`);

  let nextBp = bp ? bp.next(t) : Infinity;
  let segStart = t;
  while (nextBp <= t) nextBp = bp!.next(nextBp);
  sys.setInterval?.(t, Math.min(t1, nextBp));
  sys.rhs(t, y, f0);
  stats.nfev++;
  if (ev) ev.evaluate(t, y, gOld);
  if (obs) obs(t, y, 'init');
  if (span === 0) return finish(obs, y, stats, t, 'ok', 'empty interval');

  let h = opts.h0 ?? initialStep(sys, t, y, f0, atol, rtol, stepper.order, Math.min(hMax, Math.min(t1, nextBp) - t), stats, yNew, f1);
  let hFree = h;

  while (t < t1) {
    if (stats.nsteps >= maxSteps) return finish(obs, y, stats, t, 'max-steps', `step limit ${maxSteps} reached at t = ${t} s; raise maxSteps or loosen rtol`);
    const tEnd = nextBp < t1 ? nextBp : t1;
    let hTry = h < hMax ? h : hMax;
    const mps = stepper.minStepsPerSegment;
    if (mps !== undefined && bp && nextBp < Infinity) {
      const cap = (nextBp - segStart) / mps;
      if (hTry > cap) hTry = cap;
    }
    let landing = false;
    if (t + hTry * (1 + LANDING_SLACK) >= tEnd) {
      hTry = tEnd - t;
      landing = true;
    }
    if (hTry <= hMin || t + hTry === t) return finish(obs, y, stats, t, 'step-too-small', `step size ${hTry} s at t = ${t} s is below the smallest representable step; the problem may be too stiff for ${stepper.name} or discontinuous`);
    const tNew = landing ? tEnd : t + hTry;
    sys.setInterval?.(t, tNew);
    stats.nsteps++;
    const code = stepper.step(t, hTry, y, f0, yNew, f1, err);
    expo = -1 / (Math.min(stepper.order, stepper.errorOrder) + 1);
    let errNorm = 0;
    if (code === 0) {
      let bad = false;
      for (let i = 0; i < n; i++) {
        const ai = Math.abs(y[i]);
        const bi = Math.abs(yNew[i]);
        const sc = atol[i] + rtol * (ai > bi ? ai : bi);
        const e = Math.abs(err[i]) / sc;
        if (e > errNorm) errNorm = e;
        // a NaN or infinite state or error rejects the step (an infinite state would make sc
        // infinite and e zero; a NaN must not be overwritten by a later finite component)
        if (!(bi < Infinity) || !(e < Infinity)) bad = true;
      }
      if (bad) errNorm = NaN;
    } else errNorm = NaN;
    if (!(errNorm <= 1)) {
      stats.nreject++;
      if (code === 1 && stats.nreject > 50 && hTry < 1e-300) return finish(obs, y, stats, t, 'singular-matrix', `singular iteration matrix at t = ${t} s`);
      const fac = Number.isFinite(errNorm) ? Math.max(MIN_FACTOR, SAFETY * Math.pow(errNorm, expo)) : 0.25;
      h = hTry * fac;
      if (!Number.isFinite(errNorm) && h < 1e-300) return finish(obs, y, stats, t, 'non-finite', `non-finite state at t = ${t} s that step refinement cannot avoid`);
      if (t + h === t) {
        return code === 1
          ? finish(obs, y, stats, t, 'singular-matrix', `singular iteration matrix at t = ${t} s (step ${h} s)`)
          : finish(obs, y, stats, t, Number.isFinite(errNorm) ? 'step-too-small' : 'non-finite',
            Number.isFinite(errNorm) ? `step size fell below the time resolution at t = ${t} s` : `non-finite derivative at t = ${t} s; check the model parameters`);
      }
      continue;
    }
    stats.naccept++;
    // events
    let tAcc = tNew;
    let evIdx = -1;
    if (ev) {
      ev.evaluate(tNew, yNew, gNew);
      let tFirst = Infinity;
      for (let k = 0; k < ev.count; k++) {
        const a = gOld[k], b = gNew[k], d = ev.direction[k];
        const crosses = (a < 0 && b >= 0 && d >= 0) || (a > 0 && b <= 0 && d <= 0);
        if (!crosses) continue;
        // bisection on the Hermite interpolant for event k
        let lo = 0, hi = 1;
        for (let it = 0; it < 60; it++) {
          const mid = 0.5 * (lo + hi);
          hermite(mid, hTry, y, f0, yNew, f1, yEv, n);
          ev.evaluate(t + mid * hTry, yEv, gMid);
          const gm = gMid[k];
          if ((a < 0 && gm >= 0) || (a > 0 && gm <= 0)) hi = mid; else lo = mid;
          if ((hi - lo) * hTry <= 1e-15 * Math.max(Math.abs(t), hTry)) break;
        }
        const te = t + hi * hTry;
        if (te < tFirst) { tFirst = te; evIdx = k; }
      }
      if (evIdx >= 0 && tFirst < tNew) {
        const th = (tFirst - t) / hTry;
        hermite(th, hTry, y, f0, yNew, f1, yNew, n);
        tAcc = tFirst;
        landing = false;
      }
    }
    // accept
    const fac = errNorm === 0 ? MAX_FACTOR : Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, SAFETY * Math.pow(errNorm, expo)));
    const hProp = hTry * fac;
    const tPrev = t;
    for (let i = 0; i < n; i++) y[i] = yNew[i]; // plain loops: TypedArray.set costs more than the copy for small n
    t = tAcc;
    let fValid = tAcc === tNew;
    if (fValid) { const f = f0; f0 = f1; f1 = f; }
    // y = yNew passed the finiteness test of the error norm; test it again only when
    // something else may have written it (an interpolated event, a hook, an observer)
    let yTouched = evIdx >= 0 || obs !== undefined;
    if (obs) obs(t, y, 'step');
    if (opts.afterStep && opts.afterStep(tPrev, t, y)) { fValid = false; yTouched = true; }
    if (evIdx >= 0) {
      stats.nevents++;
      const action = ev!.handle(evIdx, t, y);
      if (obs) obs(t, y, 'event');
      if (action === 'stop') return finish(obs, y, stats, t, 'stopped', `event ${evIdx} stopped the integration at t = ${t} s`);
      fValid = false;
    }
    if (landing && t === nextBp) {
      stats.nbreakpoints++;
      const moved = opts.atBreakpoint?.(t, y) === true;
      if (moved) yTouched = true;
      if (moved || !sys.continuousAt?.(t)) fValid = false;
      segStart = t;
      nextBp = bp!.next(t);
      if (obs) obs(t, y, 'breakpoint');
    }
    if (!fValid) {
      sys.setInterval?.(t, Math.min(t1, nextBp));
      sys.rhs(t, y, f0);
      stats.nfev++;
    }
    if (ev) ev.evaluate(t, y, gOld);
    if (yTouched) for (let i = 0; i < n; i++) if (!Number.isFinite(y[i])) return finish(obs, y, stats, t, 'non-finite', `state component ${i} became ${y[i]} at t = ${t} s`);
    if (landing) h = Math.max(hProp, hFree);
    else { h = hProp; hFree = hProp; }
    if (evIdx >= 0) h = Math.max(hTry * 1e-3, h * 0.5);
  }
  return finish(obs, y, stats, t, 'ok', 'reached the end time');
}

/** Cubic Hermite interpolation of a step at theta in [0, 1] into out (may alias y1). */
export function hermite(theta: number, h: number, y0: Float64Array, f0: Float64Array, y1: Float64Array, f1: Float64Array, out: Float64Array, n: number): void {
  const t2 = theta * theta, t3 = t2 * theta;
  const h00 = 2 * t3 - 3 * t2 + 1, h10 = (t3 - 2 * t2 + theta) * h, h01 = -2 * t3 + 3 * t2, h11 = (t3 - t2) * h;
  for (let i = 0; i < n; i++) out[i] = h00 * y0[i] + h10 * f0[i] + h01 * y1[i] + h11 * f1[i];
}

/** Hairer-Norsett-Wanner starting step (Solving ODE I, II.4). */
function initialStep(sys: OdeSystem, t: number, y: Float64Array, f0: Float64Array, atol: Float64Array, rtol: number,
  order: number, hCap: number, stats: SolveStats, y1: Float64Array, f1: Float64Array): number {
  const n = sys.n;
  let d0 = 0, d1 = 0;
  for (let i = 0; i < n; i++) {
    const sc = atol[i] + rtol * Math.abs(y[i]);
    d0 = Math.max(d0, Math.abs(y[i]) / sc);
    d1 = Math.max(d1, Math.abs(f0[i]) / sc);
  }
  let h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 * Math.max(1, hCap) : (0.01 * d0) / d1;
  if (!Number.isFinite(hCap)) hCap = 1e300;
  h0 = Math.min(h0, hCap);
  for (let i = 0; i < n; i++) y1[i] = y[i] + h0 * f0[i];
  sys.rhs(t + h0, y1, f1);
  stats.nfev++;
  let d2 = 0;
  for (let i = 0; i < n; i++) {
    const sc = atol[i] + rtol * Math.abs(y[i]);
    d2 = Math.max(d2, Math.abs(f1[i] - f0[i]) / sc);
  }
  d2 /= h0;
  const m = Math.max(d1, d2);
  const h1 = m <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / m, 1 / (order + 1));
  const h = Math.min(100 * h0, h1, hCap);
  return Number.isFinite(h) && h > 0 ? h : Math.min(hCap, 1e-9);
}
