/**
 * Time driver of the continuum solver: piecewise-linear source waveform with exact
 * breakpoints, adaptive step (limits on the largest density and temperature change per step
 * and on the disagreement of the two coupling passes; a step exceeding one is rejected and
 * shrunk by its error ratio), columns of the I-V record, snapshots of the maps.
 * @module physics/continuum/run
 */
import type { ContinuumSolver, StepReport } from './solver.js';

/** Piecewise-linear source voltage through the points (t[k], v[k]); constant outside. */
export interface PwlWaveform { t: number[]; v: number[] }

/** Value of a piecewise-linear waveform at time t. */
export function pwlValue(w: PwlWaveform, t: number): number {
  const { t: ts, v } = w;
  if (t <= ts[0]) return v[0];
  for (let k = 1; k < ts.length; k++) {
    if (t <= ts[k]) return v[k - 1] + (v[k] - v[k - 1]) * (t - ts[k - 1]) / (ts[k] - ts[k - 1]);
  }
  return v[v.length - 1];
}

/**
 * One saved map (copies of the fields; current density magnitude in A/m^2; o: O-ion density,
 * zero unless generation is on).
 */
export interface Snapshot { t: number; n: Float64Array; T: Float64Array; psi: Float64Array; j: Float64Array; o: Float64Array }

/** Options of {@link runContinuum}. */
export interface ContinuumRunOptions {
  waveform: PwlWaveform;
  /** End time (s). */
  tEnd: number;
  /** Largest step (s); bounds the I-V resolution. */
  dtMax: number;
  /** Largest step as a fraction of the current waveform segment (default 1/200). */
  dtSegment?: number;
  dtMin?: number;
  dtInit?: number;
  /** Largest accepted max|dn|/nMax per step. */
  dnTol?: number;
  /** Largest accepted max|dT| per step (K). */
  dTTol?: number;
  /**
   * Largest accepted relative change of the device conductance per step, |ln(G1/G0)| <=
   * ln(1 + gTol) (default: unlimited). Lets a `stop` on G land near its target when a thin
   * layer empties and G falls by decades within a few steps.
   */
  gTol?: number;
  maxSteps?: number;
  /** Times at which to save snapshots (the step lands on them). */
  snapshotTimes?: number[];
  /** Stop after an accepted step when this returns true. */
  stop?: (s: ContinuumSolver) => boolean;
  /** Called every `progressEvery` accepted steps. */
  onProgress?: (s: ContinuumSolver, steps: number) => void;
  progressEvery?: number;
}

/** Record of a run. */
export interface ContinuumRunResult {
  status: 'ok' | 'stopped' | 'max-steps' | 'step-too-small' | 'linear-solver-failed';
  message: string;
  columns: { t: Float64Array; vs: Float64Array; v: Float64Array; i: Float64Array; g: Float64Array; tMax: Float64Array; ions: Float64Array };
  snapshots: Snapshot[];
  steps: number;
  rejected: number;
  /** Linear-solver iterations summed over all steps. */
  iterations: number;
}

/** Current-density magnitude per cell from the potential (cell-centred differences). */
export function currentDensity(s: ContinuumSolver, out: Float64Array): Float64Array {
  const { nx, nz, dx, psi, sigma, zc } = s;
  for (let j = 0; j < nz; j++) for (let i = 0; i < nx; i++) {
    const k = j * nx + i;
    const ex = i === 0 ? (psi[k + 1] - psi[k]) / dx : i === nx - 1 ? (psi[k] - psi[k - 1]) / dx : (psi[k + 1] - psi[k - 1]) / (2 * dx);
    const top = j === nz - 1 ? s.vDev : psi[k + nx];
    const bot = j === 0 ? 0 : psi[k - nx];
    const ez = (top - bot) / ((j === nz - 1 ? s.p.thickness : zc[k + nx]) - (j === 0 ? 0 : zc[k - nx]));
    out[k] = sigma[k] * Math.sqrt(ex * ex + ez * ez);
  }
  return out;
}

/** Run the solver from its current state to tEnd under the waveform. */
export function runContinuum(s: ContinuumSolver, o: ContinuumRunOptions): ContinuumRunResult {
  const dnTol = o.dnTol ?? 0.02, dTTol = o.dTTol ?? 50, dtMin = o.dtMin ?? 1e-18, maxSteps = o.maxSteps ?? 200000;
  const breaks = [...o.waveform.t, ...(o.snapshotTimes ?? []), o.tEnd].filter((x) => x > s.t).sort((a, b) => a - b);
  const snapSet = new Set(o.snapshotTimes ?? []);
  const cols: number[][] = [[], [], [], [], [], [], []];
  const snapshots: Snapshot[] = [];
  let dt = Math.min(o.dtInit ?? o.dtMax / 100, o.dtMax);
  let steps = 0, rejected = 0, iterations = 0, bi = 0, lastRejected = false, hPrev = 0, rhoPrev = 0;
  let status: ContinuumRunResult['status'] = 'ok', message = '';
  const record = () => {
    let tm = 0;
    for (let k = 0; k < s.m; k++) if (s.T[k] > tm) tm = s.T[k];
    cols[0].push(s.t); cols[1].push(pwlValue(o.waveform, s.t)); cols[2].push(s.vDev); cols[3].push(s.current); cols[4].push(s.g); cols[5].push(tm); cols[6].push(s.totalIons());
  };
  while (s.t < o.tEnd * (1 - 1e-12)) {
    if (steps >= maxSteps) { status = 'max-steps'; message = `stopped after ${steps} steps at t = ${s.t} s`; break; }
    while (bi < breaks.length && breaks[bi] <= s.t * (1 + 1e-12)) bi++;
    const nextBreak = bi < breaks.length ? breaks[bi] : o.tEnd;
    let seg = o.tEnd;
    for (let k = 1; k < o.waveform.t.length; k++) if (o.waveform.t[k] > s.t) { seg = o.waveform.t[k] - o.waveform.t[k - 1]; break; }
    let h = Math.min(dt, o.dtMax, seg * (o.dtSegment ?? 0.005), nextBreak - s.t);
    const landing = h === nextBreak - s.t;
    s.checkpoint();
    const t0 = s.t, g0 = s.g;
    const r = s.step(pwlValue(o.waveform, s.t + h), h);
    iterations += r.iterations;
    if (r.status !== 'ok') { status = 'linear-solver-failed'; message = r.message; s.rollback(); break; }
    // reject when the change per step is too large, or when the two coupling passes disagree
    // by more than a quarter of the per-step tolerance (the split iteration had not settled)
    // G is limited against the G recorded for the previous step (so a stop on G lands near its
    // target). That G came from the previous step's next-to-last densities; when its passes
    // disagreed, the state this step starts from already conducts r.gStart (its first pass)
    // and no h can bring the recorded G back within the limit: then the step's own change
    // (last pass vs first) is limited instead (before, such runs ended in 'step-too-small')
    const lnTol = o.gTol !== undefined ? Math.log(1 + o.gTol) : Infinity;
    const gRef = g0 > 0 && r.gStart > 0 && Math.abs(Math.log(r.gStart / g0)) > lnTol ? r.gStart : g0;
    const gJump = o.gTol !== undefined && steps > 0 && gRef > 0 && s.g > 0 && Math.abs(Math.log(s.g / gRef)) > lnTol;
    const osc = picardOscillates(r, dnTol);
    if (r.dn > 2 * dnTol || r.dT > 2 * dTTol || r.picard > PICARD_FRACTION * dnTol || r.picardT > PICARD_FRACTION * dTTol || gJump || osc) {
      s.rollback();
      rejected++;
      // shrink by the worst ratio of error estimate to its tolerance (linear in the ratio,
      // which is conservative for the Picard disagreement that falls ~h^2; see acceptFactor)
      dt = h * rejectFactor(r, dnTol, dTTol, gJump || osc || lastRejected);
      lastRejected = true;
      if (dt < dtMin) { status = 'step-too-small'; message = `step below ${dtMin} s at t = ${t0} s`; break; }
      continue;
    }
    if (landing) s.t = nextBreak; // remove round-off drift at breakpoints
    steps++;
    record();
    if (snapSet.has(s.t)) snapshots.push(takeSnapshot(s));
    const rho = Math.max(r.picard / (PICARD_FRACTION * dnTol), r.picardT / (PICARD_FRACTION * dTTol));
    let fac = acceptFactor(r, dnTol, dTTol);
    // predictive (Gustafsson) correction: when the disagreement grows from step to step faster
    // than the step does, propose the smaller step that extrapolates that trend
    if (hPrev > 0 && rhoPrev > 0 && rho > 0) fac = Math.max(0.3, Math.min(fac, 0.9 * (h / hPrev) * Math.sqrt(rhoPrev / (rho * rho))));
    dt = h * fac;
    hPrev = h; rhoPrev = rho;
    lastRejected = false;
    if (landing && h < dt) dt = Math.max(dt, h);
    if (o.onProgress && steps % (o.progressEvery ?? 500) === 0) o.onProgress(s, steps);
    if (o.stop && o.stop(s)) { status = 'stopped'; break; }
  }
  const f = (a: number[]) => Float64Array.from(a);
  return {
    status, message, steps, rejected, iterations, snapshots,
    columns: { t: f(cols[0]), vs: f(cols[1]), v: f(cols[2]), i: f(cols[3]), g: f(cols[4]), tMax: f(cols[5]), ions: f(cols[6]) },
  };
}

/** Fraction of the per-step tolerance the two coupling passes may disagree by (else rejected). */
const PICARD_FRACTION = 0.25;

/**
 * True when the second coupling pass moved the densities by more than the whole step did
 * (max |n_2 - n_1| > max |n_2 - n_0|), above a tenth of the Picard limit.
 * For a Picard iteration with contraction factor L the last pass changes the state by ~|L|
 * times the first, and an alternating iteration (L < 0) ends |1 - |L|| from the start, so this
 * flags |L| > 1/2: the split iteration is not contracting, and its estimate does not shrink with
 * h as the step controller assumes. Seen in a thin depleted cell in series with conducting ones:
 * the first pass fills it at the barrier-free drift rate in its concentrated field, the second
 * sees it conducting and empties it again (a two-cycle of about the same amplitude at any h
 * above the cell's dielectric-like relaxation time); without this test such steps were accepted
 * just below the Picard limit and the run crept on at ~1e-13 s per step.
 * The temperature is not tested: near compliance its two passes differ by a few K at any h
 * (the heat equation relaxes within picoseconds to the power of each pass), which is bounded
 * and already limited by the Picard tolerance.
 */
export function picardOscillates(r: StepReport, dnTol: number): boolean {
  return r.picard > r.dn && r.picard > 0.1 * PICARD_FRACTION * dnTol;
}

/**
 * Ratio of the next step to an accepted step. The change per step (dn, dT) grows
 * linearly with h and is aimed at its tolerance; the disagreement of the two coupling passes
 * (the Picard error estimate, rejected above PICARD_FRACTION of the tolerance) falls as ~h^2
 * for small h (measured on the 24 x 20 SET: x8-9 per x3 in h near the switching), so its
 * ratio enters with exponent 1/2. Safety factor 0.9, growth limited to [0.3, 2].
 */
export function acceptFactor(r: StepReport, dnTol: number, dTTol: number): number {
  let fac = Math.min(r.dn > 0 ? dnTol / r.dn : 4, r.dT > 0 ? dTTol / r.dT : 4);
  if (r.picard > 0) fac = Math.min(fac, Math.sqrt(PICARD_FRACTION * dnTol / r.picard));
  if (r.picardT > 0) fac = Math.min(fac, Math.sqrt(PICARD_FRACTION * dTTol / r.picardT));
  return Math.min(2, Math.max(0.3, 0.9 * fac));
}

/**
 * Step factor after a rejected step: 0.9 times the smallest ratio of tolerance to error
 * estimate over the criteria, taken linearly (a conservative shrink also where an estimate
 * grows faster than h), within [0.1, 0.8]. With `fixed` (a conductance jump, which has no
 * estimate of its order, or a repeated rejection, where the estimate did not fall with h as
 * assumed: near compliance the temperature disagreement has a part that does not vanish with
 * h because the heat equation relaxes within picoseconds) the step shrinks by at least the
 * former fixed factor 1/3.
 */
export function rejectFactor(r: StepReport, dnTol: number, dTTol: number, fixed: boolean): number {
  let fac = Math.min(r.dn > 0 ? dnTol / r.dn : 4, r.dT > 0 ? dTTol / r.dT : 4);
  if (r.picard > 0) fac = Math.min(fac, PICARD_FRACTION * dnTol / r.picard);
  if (r.picardT > 0) fac = Math.min(fac, PICARD_FRACTION * dTTol / r.picardT);
  fac = Math.min(0.8, Math.max(0.1, 0.9 * fac));
  return fixed ? Math.min(fac, 1 / 3) : fac;
}

/** Copy the fields of the solver into a snapshot. */
export function takeSnapshot(s: ContinuumSolver): Snapshot {
  return { t: s.t, n: Float64Array.from(s.n), T: Float64Array.from(s.T), psi: Float64Array.from(s.psi), j: currentDensity(s, new Float64Array(s.m)), o: Float64Array.from(s.o) };
}
