/**
 * Quantized conductance of an atomic-scale constriction (review §5.1, Fig. 13a,b; models.md
 * §8.3 discrete-event form). The narrowest cross-section holds n atoms; each conducting atom
 * opens one channel of the Landauer conductance G0 = 2e^2/h. An imperfect contact makes the last
 * channel partially transmitting (transmission tau, 0.5 by default) with probability pHalf per run.
 *   G_c = G0 (n - 1 + tau) for n >= 1 (tau = 1 for a perfect contact) + G_leak
 * Atoms join / leave the constriction by Poisson events (a birth-death KMC):
 *   k+ = nu exp(-(E_add - alpha z q V_c)/kT),   k- = n nu exp(-(E_rem + alpha z q V_c)/kT)
 * with V_c the voltage across the constriction behind the series resistance R_s. A weak-
 * programming SET ramp (slow, low voltage) grows the constriction atom by atom; the series
 * resistance makes the growth self-limiting, and the run ends at the end of the ramp or when
 * the current reaches the compliance. The integer n is the input of the Landauer formula; what
 * the KMC decides is which n a run stops at, hence the histogram.
 * @module physics/kmc/qpc
 */
import { KB, Q, G0 } from '../../units/constants.js';
import { Rng } from '../../rng/rng.js';

/** Parameters (SI). */
export interface QpcParams {
  nu: number; t: number; eAdd: number; eRem: number; alpha: number; zIon: number;
  rSeries: number; gLeak: number; pHalf: number; tau: number;
  vMax: number; rate: number; compliance: number; nMax: number;
}

/** Defaults: hand-chosen for weak programming (steps within a 1 V/s ramp up to 0.6 V). */
export const QPC_DEFAULTS: QpcParams = {
  nu: 1e13, t: 300, eAdd: 0.95 * Q, eRem: 0.9 * Q, alpha: 0.5, zIon: 1,
  rSeries: 6000, gLeak: 1e-6, pHalf: 0.3, tau: 0.5,
  vMax: 0.8, rate: 1, compliance: 200e-6, nMax: 12,
};

/** One weak-programming run. */
export interface QpcRun { t: Float64Array; v: Float64Array; g: Float64Array; finalG: number; finalN: number; half: boolean }

/** Run one weak-programming SET ramp (seeded). */
export function qpcSet(p: QpcParams, seed: number): QpcRun {
  const rng = new Rng(seed).stream('qpc');
  const half = rng.next() < p.pHalf;
  const kT = KB * p.t;
  const gOf = (n: number) => (n <= 0 ? 0 : G0 * (n - 1 + (half ? p.tau : 1))) + p.gLeak;
  let n = 0, t = 0;
  const tEnd = p.vMax / p.rate;
  const ts: number[] = [0], vs: number[] = [0], gs: number[] = [gOf(0)];
  // time-dependent rates: advance in short windows in which the ramp voltage is held
  const dtw = tEnd / 400;
  while (t < tEnd) {
    const vS = p.rate * (t + dtw);
    const g = gOf(n);
    const vc = vS / (1 + p.rSeries * g);
    if (vc * g >= p.compliance) break;
    const kp = n < p.nMax ? p.nu * Math.exp(-(p.eAdd - p.alpha * p.zIon * Q * vc) / kT) : 0;
    const km = n > 0 ? n * p.nu * Math.exp(-(p.eRem + p.alpha * p.zIon * Q * vc) / kT) : 0;
    const tot = kp + km;
    const w = tot > 0 ? -Math.log(rng.nextOpen()) / tot : Infinity;
    if (w > dtw) { t += dtw; continue; } // memoryless: no event in this window
    t += w;
    n += rng.next() * tot < kp ? 1 : -1;
    ts.push(t); vs.push(p.rate * t); gs.push(gOf(n));
  }
  return { t: Float64Array.from(ts), v: Float64Array.from(vs), g: Float64Array.from(gs), finalG: gOf(n), finalN: n, half };
}

/** Histogram of final conductances (in units of G0) over seeded runs, and its local maxima. */
export function qpcHistogram(p: QpcParams, seeds: number[], bin = 0.1, gMaxG0 = 8) {
  const nb = Math.ceil(gMaxG0 / bin);
  const counts = new Float64Array(nb);
  const finals: number[] = [];
  for (const s of seeds) {
    const r = qpcSet(p, s);
    const x = r.finalG / G0;
    finals.push(x);
    const k = Math.floor(x / bin);
    if (k >= 0 && k < nb) counts[k]++;
  }
  const centers = Float64Array.from({ length: nb }, (_, k) => (k + 0.5) * bin);
  const peaks: number[] = [];
  for (let k = 0; k < nb; k++) {
    const l = k > 0 ? counts[k - 1] : 0, r = k < nb - 1 ? counts[k + 1] : 0;
    if (counts[k] >= 3 && counts[k] >= l && counts[k] > r) peaks.push(centers[k]);
  }
  return { centers, counts, peaks, finals };
}
