/**
 * The device-level reservoir experiment of Du et al. 2017 (measurements.md A9): all 2^F
 * patterns of F = 4 frames fed to one device at rate 1 and at rate 2, the state read after
 * every frame (the final read is the reservoir state), and the quantities A9 asks about:
 *
 *  - distinct:  the 16 final states differ pairwise by more than the numerical resolution
 *               res = 10 rtol G_max (anything closer is below the integrator's tolerance);
 *               `minGap` = smallest gap between sorted states / (G_max - G_min);
 *  - recency:   G("0001") > G("1000") + res (a later pulse weighs more);
 *  - ordering by recency-weighted count: a state that is any recency-weighted count
 *               s = sum_k b_k w_k with 0 < w_0 < ... < w_{F-1} can be rewritten
 *               s = sum_k (w_k - w_{k-1}) n_k(b), n_k = pulses in frames >= k (w_{-1} = 0), so
 *               pattern a lies above b for every such weighting iff n_k(a) >= n_k(b) for all k.
 *               `orderViolations` counts the pairs so ordered whose states are not
 *               G(a) > G(b) + res (0: the device orders the patterns as a recency-weighted count);
 *  - rate:      rate 1 and rate 2 states of the same non-empty pattern differ by more than res;
 *               `rankFlips` counts pattern pairs whose order differs between the rates (a
 *               difference of shape, not only of scale);
 *  - tauEff:    (F - 1) T / ln(dG("0001") / dG("1000")), dG = G - G("0000"): the decay constant
 *               a single-exponential device with G linear in its state would need to give the
 *               observed recency contrast (Infinity when there is none); A9 (c) expects ms to
 *               tens of ms.
 * @module network/reservoir/patterns
 */
import { SpecError } from '../../units/parse.js';
import { allPatterns, type StreamScheme } from './encoding.js';
import type { ReadScheme } from './frame-clock.js';
import { runReservoir, type ReservoirDevice } from './run.js';

/** Metrics of one rate. */
export interface RateMetrics {
  distinct: boolean;
  minGap: number;
  recency: number;
  recencyHolds: boolean;
  comparablePairs: number;
  orderViolations: number;
  tauEff: number;
}

/** Result of the pattern study. */
export interface PatternStudy {
  device: string;
  frames: number;
  patterns: string[];
  schemes: [StreamScheme, StreamScheme];
  /** G of pattern q after frame k at q * F + k, per rate (S). */
  traces: [Float64Array, Float64Array];
  /** Final states per rate (S). */
  final: [Float64Array, Float64Array];
  resolution: number;
  rate: [RateMetrics, RateMetrics];
  /** Smallest |G_1 - G_2| over the non-empty patterns, in units of the resolution. */
  rateDiffMin: number;
  rateDifferent: boolean;
  rankFlips: number;
  status: 'ok' | 'failed';
  message: string;
  deviceEvals: number;
}

/** Suffix counts n_k (pulses in frames >= k) of pattern q. */
function suffix(bits: Uint8Array, q: number, F: number, out: Int32Array): void {
  let n = 0;
  for (let k = F - 1; k >= 0; k--) { n += bits[q * F + k]; out[k] = n; }
}

function rateMetrics(g: Float64Array, bits: Uint8Array, F: number, T: number, res: number): RateMetrics {
  const m = g.length, sorted = Float64Array.from(g).sort();
  let minGap = Infinity;
  for (let q = 1; q < m; q++) minGap = Math.min(minGap, sorted[q] - sorted[q - 1]);
  const span = sorted[m - 1] - sorted[0];
  const last = 1, first = 1 << (F - 1);
  const recency = g[last] - g[first];
  const sa = new Int32Array(F), sb = new Int32Array(F);
  let pairs = 0, viol = 0;
  for (let a = 0; a < m; a++) {
    suffix(bits, a, F, sa);
    for (let b = 0; b < m; b++) {
      if (a === b) continue;
      suffix(bits, b, F, sb);
      let dom = true;
      for (let k = 0; k < F; k++) if (sa[k] < sb[k]) { dom = false; break; }
      if (!dom) continue;
      pairs++;
      if (!(g[a] > g[b] + res)) viol++;
    }
  }
  const r = (g[last] - g[0]) / (g[first] - g[0]);
  return {
    distinct: minGap > res, minGap: span > 0 ? minGap / span : 0, recency, recencyHolds: recency > res,
    comparablePairs: pairs, orderViolations: viol, tauEff: r > 1 ? ((F - 1) * T) / Math.log(r) : Infinity,
  };
}

/**
 * Run the 2^F patterns at two rates on one device (channels = 1: the same device for every
 * pattern, fresh for each) and compute the A9 metrics (module doc).
 */
export function patternStudy(dev: ReservoirDevice, schemes: [StreamScheme, StreamScheme], read: ReadScheme, o: { frames?: number; rtol?: number; seed: number }): PatternStudy {
  const F = o.frames ?? 4, rtol = o.rtol ?? 1e-7;
  if (!(Number.isInteger(F) && F >= 2 && F <= 10)) throw new SpecError('frames', F, 'an integer in [2, 10]');
  const bits = allPatterns(F), m = 1 << F;
  const reads = Array.from({ length: F }, (_, k) => k);
  const traces: Float64Array[] = [], final: Float64Array[] = [];
  let status: 'ok' | 'failed' = 'ok', message = 'ok', evals = 0;
  for (let r = 0; r < 2; r++) {
    const st = runReservoir(dev, bits, m, F, { scheme: schemes[r], read, reads, channels: 1, seed: o.seed, rtol });
    evals += st.stats.deviceEvals;
    if (st.status !== 'ok') { status = 'failed'; message = `rate ${r + 1}: ${st.message}`; }
    traces.push(st.g);
    final.push(Float64Array.from({ length: m }, (_, q) => st.g[q * F + F - 1]));
  }
  let gMax = 0;
  for (const f of final) for (const g of f) gMax = Math.max(gMax, Math.abs(g));
  const res = 10 * rtol * gMax;
  const rate = [0, 1].map((r) => rateMetrics(final[r], bits, F, schemes[r].frame, res)) as [RateMetrics, RateMetrics];
  let rateDiffMin = Infinity, flips = 0;
  for (let q = 1; q < m; q++) rateDiffMin = Math.min(rateDiffMin, Math.abs(final[0][q] - final[1][q]) / res);
  for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) if (Math.sign(final[0][a] - final[0][b]) !== Math.sign(final[1][a] - final[1][b])) flips++;
  const patterns = Array.from({ length: m }, (_, q) => q.toString(2).padStart(F, '0'));
  return {
    device: dev.label, frames: F, patterns, schemes, traces: traces as [Float64Array, Float64Array], final: final as [Float64Array, Float64Array],
    resolution: res, rate, rateDiffMin, rateDifferent: rateDiffMin > 1, rankFlips: flips, status, message, deviceEvals: evals,
  };
}

/** Names, units and meanings of the pattern study's scalar results (patternMetrics). */
export const PATTERN_METRICS: Readonly<Record<string, readonly [string, string]>> = Object.freeze({
  distinctRate1: ['1', '1 when the 16 final states at rate 1 are pairwise apart by more than the resolution'],
  distinctRate2: ['1', '1 when the 16 final states at rate 2 are pairwise apart by more than the resolution'],
  minGapRate1: ['1', 'smallest gap between sorted final states / their span, rate 1'],
  minGapRate2: ['1', 'smallest gap between sorted final states / their span, rate 2'],
  recencyRate1: ['S', 'G("0001") - G("1000") at rate 1'],
  recencyRate2: ['S', 'G("0001") - G("1000") at rate 2'],
  recency: ['1', '1 when G("0001") > G("1000") + resolution at both rates'],
  orderViolations: ['1', 'pattern pairs ordered by every recency-weighted count whose states are not (both rates)'],
  comparablePairs: ['1', 'pattern pairs ordered by every recency-weighted count (both rates)'],
  rateDifferent: ['1', '1 when rate 1 and rate 2 states differ by more than the resolution for every non-empty pattern'],
  rateDiffMin: ['1', 'smallest |G_rate1 - G_rate2| over the non-empty patterns / resolution'],
  rankFlips: ['1', 'pattern pairs whose order differs between the rates (of 120)'],
  tauEffRate1: ['s', 'decay constant implied by dG("1000") / dG("0001") at rate 1'],
  tauEffRate2: ['s', 'decay constant implied by dG("1000") / dG("0001") at rate 2'],
  resolution: ['S', 'numerical resolution 10 rtol G_max'],
});

/** The study's scalar results by name (PATTERN_METRICS gives units and meanings). */
export function patternMetrics(s: PatternStudy): Record<string, number> {
  const [a, b] = s.rate;
  return {
    distinctRate1: a.distinct ? 1 : 0, distinctRate2: b.distinct ? 1 : 0, minGapRate1: a.minGap, minGapRate2: b.minGap,
    recencyRate1: a.recency, recencyRate2: b.recency, recency: a.recencyHolds && b.recencyHolds ? 1 : 0,
    orderViolations: a.orderViolations + b.orderViolations, comparablePairs: a.comparablePairs + b.comparablePairs,
    rateDifferent: s.rateDifferent ? 1 : 0, rateDiffMin: s.rateDiffMin, rankFlips: s.rankFlips,
    tauEffRate1: a.tauEff, tauEffRate2: b.tauEff, resolution: s.resolution,
  };
}
