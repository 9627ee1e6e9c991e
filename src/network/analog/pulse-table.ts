/**
 * Pulse tables: the conductance change one programming pulse gives, as a function of the
 * conductance, simulated from a catalogue device model (the NeuroSim / aihwkit "jump table"
 * idea, built from the model instead of measured data).
 *
 * The device is driven as the `pulse-response` protocol drives it (protocols/pulse-response:
 * trapezoidal pulses with edges of min(2 % of the width, 1 us), a read after half the interval,
 * the next pulse after the full interval): potentiating pulses (SET polarity) from the initial
 * state, then depressing pulses from where they ended. The states are integrated by the shared
 * engine (solve/driver `integrate` through network/device-batch ProgramTerm, DOPRI5, or
 * DOPRI5 / RODAS3 switching for stiff models, as device synapses and the protocols do), all
 * device variants at once as one batch. Reads G_0, G_1, ... of each branch give the nodes
 * (G_k, G_{k+1} - G_k); the table is their piecewise-linear interpolation, resampled on a
 * uniform grid of `grid` points over the conductances the device reached [G_lo, G_hi]:
 *
 *   dG_P(G), dG_D(G):  G -> G + dG(G) per pulse, clamped to [G_lo, G_hi]
 *
 * Below the first node / above the last the end value is held. With `pulses: 'auto'` a branch
 * stops when every variant's step has stayed below 1e-3 of its largest step for 3 pulses (or at
 * `maxPulses`). "Levels" of a branch = its pulses whose step is at least 1 % of its largest
 * step (NeuroSim's maxNumLevel for curves that end at G_max).
 *
 * Device-to-device spread: variant 0 is the nominal device; variants 1..K-1 draw every
 * `<param>Dtod` of the resolved parameters (devices/group, stream "pulse-table:variability"),
 * so each variant has its own table. Stated approximations: (1) one state variable maps to G
 * one-to-one, so for single-state models (data-driven, linear-drift, ...) the table is the
 * model's map G -> G' up to interpolation; for models with hidden states (wox-du: two states)
 * the hidden states are assumed to sit where the pulse train put them at that G; (2) the
 * model's own `<param>C2c` redraws are not tabulated (cycle-to-cycle noise is added per pulse
 * by the device array instead, NeuroSim's form); (3) relaxation longer than one interval
 * (retention loss between updates) is not included.
 * @module network/analog/pulse-table
 */
import type { DeviceModel } from '../../devices/contract.js';
import { DeviceGroup } from '../../devices/group.js';
import type { ResolvedParams } from '../../devices/params.js';
import { Rng } from '../../rng/rng.js';
import { integrate, type Stepper } from '../../solve/driver.js';
import { ExplicitRK } from '../../solve/explicit-rk.js';
import { AutoStepper } from '../../solve/auto.js';
import { DOPRI5 } from '../../solve/tableaus/dopri5.js';
import { RODAS3 } from '../../solve/tableaus/rosenbrock.js';
import { Pwl } from '../../stimulus/waveform.js';
import { SpecError } from '../../units/parse.js';
import { Batch, ProgramTerm } from '../device-batch.js';

/** The programming pulses (SI, magnitudes; the model's SET polarity potentiates). */
export interface PulseScheme {
  amplitude: number;
  depressAmplitude: number;
  width: number;
  /** Gap between the end of one pulse and the start of the next (the read sits in its middle). */
  interval: number;
  vRead: number;
}

/** Tabulation options. */
export interface PulseTableOptions {
  /** Pulses per branch, or 'auto' (until saturation, at most maxPulses). */
  pulses: number | 'auto';
  maxPulses: number;
  /** Device variants (1 = nominal only; more draw the <param>Dtod spreads). */
  variants: number;
  /** Grid points of each table. */
  grid: number;
  /** Integrator relative tolerance (the protocols use 1e-6). */
  rtol: number;
  seed: number;
}

export const PULSE_TABLE_DEFAULTS: Omit<PulseTableOptions, 'seed'> = { pulses: 'auto', maxPulses: 1000, variants: 32, grid: 512, rtol: 1e-6 };

/** Tables of all variants (variant v, grid point q at v * grid + q). */
export interface PulseTables {
  variants: number;
  grid: number;
  gLo: Float64Array;
  gHi: Float64Array;
  dP: Float64Array;
  dD: Float64Array;
  levelsP: Int32Array;
  levelsD: Int32Array;
  /** The reads of each variant's branches (pulse-response curves), variant-major. */
  curveP: Float64Array[];
  curveD: Float64Array[];
  /** Pulses simulated per branch. */
  pulsesP: number;
  pulsesD: number;
  status: 'ok' | 'failed';
  message: string;
  /** Device-model evaluations spent (work counter). */
  deviceEvals: number;
}

/** The voltage program of one period: [rest lead], pulse, half-interval rest (read at its end). */
function program(amp: number, s: PulseScheme, lead: number): Pwl {
  const e = Math.min(s.width * 0.02, 1e-6), half = s.interval / 2;
  const t = [0], v = [0];
  if (lead > 0) { t.push(lead); v.push(0); }
  const t0 = lead;
  t.push(t0 + e, t0 + e + s.width, t0 + 2 * e + s.width); v.push(amp, amp, 0);
  if (half > 0) { t.push(t0 + 2 * e + s.width + half); v.push(0); }
  return new Pwl(t, v);
}

function checkScheme(s: PulseScheme): void {
  for (const k of ['amplitude', 'depressAmplitude', 'width', 'vRead'] as const) if (!(s[k] > 0 && Number.isFinite(s[k]))) throw new SpecError(`pulse.${k}`, s[k], 'a positive number (SI)');
  if (!(s.interval >= 0 && Number.isFinite(s.interval))) throw new SpecError('pulse.interval', s.interval, 'a non-negative time (s)');
}

/** Simulate the pulse responses of `variants` devices and build their tables (see module doc). */
export function tabulatePulses(model: DeviceModel, resolved: ResolvedParams, scheme: PulseScheme, opt: PulseTableOptions): PulseTables {
  checkScheme(scheme);
  const auto = opt.pulses === 'auto';
  if (!auto && !(Number.isInteger(opt.pulses) && (opt.pulses as number) >= 2)) throw new SpecError('pulses', opt.pulses, 'an integer >= 2 or "auto"');
  if (!(Number.isInteger(opt.variants) && opt.variants >= 1 && opt.variants <= 4096)) throw new SpecError('variants', opt.variants, 'an integer in [1, 4096]');
  if (!(Number.isInteger(opt.grid) && opt.grid >= 8)) throw new SpecError('grid', opt.grid, 'an integer >= 8');
  const hasDtod = [...resolved.spreads.values()].some((s) => s.dtod > 0);
  const K = hasDtod ? opt.variants : 1;
  const root = new Rng(opt.seed);
  const group = new DeviceGroup(model, resolved, K, root, 'pulse-table');
  // variant 0 is the nominal device
  for (let k = 0; k < model.params.length; k++) group.p[k * K] = resolved.values[k];
  const X = group.initialState();
  const ids = Int32Array.from({ length: K }, (_, j) => j);
  const batch = new Batch(model);
  batch.gather(ids, 0, K, X, group.p, K);
  const term = new ProgramTerm(batch);
  const stepper: Stepper = model.stiff ? new AutoStepper(DOPRI5, RODAS3) : new ExplicitRK(DOPRI5);
  const jump = model.jump ? term.jumpHook(root.stream('pulse-table:jumps')) : undefined;
  const sgn = model.setPolarity;
  const firstP = program(sgn * scheme.amplitude, scheme, 0);
  const nextP = program(sgn * scheme.amplitude, scheme, scheme.interval / 2);
  const nextD = program(-sgn * scheme.depressAmplitude, scheme, scheme.interval / 2);
  const vr = new Float64Array(K).fill(scheme.vRead), cur = new Float64Array(K);
  let status: 'ok' | 'failed' = 'ok', message = 'ok', evals = 0;
  const read = (out: number[][]) => {
    model.current(vr, batch.x, batch.p, cur, null, K);
    for (let j = 0; j < K; j++) out[j].push(cur[j] / scheme.vRead);
  };
  const runBranch = (first: Pwl, next: Pwl): number[][] => {
    const g: number[][] = Array.from({ length: K }, () => []);
    read(g);
    const maxStep = new Float64Array(K), quiet = new Int32Array(K);
    const limit = auto ? opt.maxPulses : (opt.pulses as number);
    for (let n = 0; n < limit && status === 'ok'; n++) {
      const w = n === 0 ? first : next;
      term.bind(w);
      const r = integrate(term, stepper, 0, w.duration, batch.x.subarray(0, term.n), {
        rtol: opt.rtol, atol: batch.atol.subarray(0, term.n), breakpoints: term.breakpoints, afterStep: jump, maxSteps: 1e6,
      });
      evals += r.stats.nfev * K;
      if (r.status !== 'ok') { status = 'failed'; message = `pulse ${n + 1}: ${r.status}: ${r.message}`; break; }
      read(g);
      if (!auto) continue;
      let done = true;
      for (let j = 0; j < K; j++) {
        const gj = g[j], d = Math.abs(gj[gj.length - 1] - gj[gj.length - 2]);
        if (!Number.isFinite(d)) { status = 'failed'; message = `pulse ${n + 1}: non-finite conductance`; }
        maxStep[j] = Math.max(maxStep[j], d);
        quiet[j] = d <= 1e-3 * maxStep[j] ? quiet[j] + 1 : 0;
        if (quiet[j] < 3) done = false;
      }
      if (done) break;
    }
    return g;
  };
  const pot = runBranch(firstP, nextP);
  const dep = status === 'ok' ? runBranch(nextD, nextD) : pot.map((c) => [c[c.length - 1]]);
  const G = opt.grid;
  const gLo = new Float64Array(K), gHi = new Float64Array(K), dP = new Float64Array(K * G), dD = new Float64Array(K * G);
  const levelsP = new Int32Array(K), levelsD = new Int32Array(K);
  for (let j = 0; j < K; j++) {
    let lo = Infinity, hi = -Infinity;
    for (const c of [pot[j], dep[j]]) for (const g of c) { lo = Math.min(lo, g); hi = Math.max(hi, g); }
    if (!(hi > lo) && status === 'ok') { status = 'failed'; message = `variant ${j}: the pulses do not change the conductance (${lo} S): no table`; }
    gLo[j] = lo; gHi[j] = hi;
    levelsP[j] = resample(pot[j], lo, hi, dP, j * G, G);
    levelsD[j] = resample(dep[j], lo, hi, dD, j * G, G);
  }
  return {
    variants: K, grid: G, gLo, gHi, dP, dD, levelsP, levelsD,
    curveP: pot.map((c) => Float64Array.from(c)), curveD: dep.map((c) => Float64Array.from(c)),
    pulsesP: pot[0].length - 1, pulsesD: dep[0].length - 1, status, message, deviceEvals: evals,
  };
}

/**
 * Nodes (c_k, c_{k+1} - c_k) sorted by c_k, linearly interpolated onto the uniform grid over
 * [lo, hi] into out[off .. off + G). Returns the branch's levels (steps >= 1 % of the largest).
 */
function resample(c: number[], lo: number, hi: number, out: Float64Array, off: number, G: number): number {
  const m = c.length - 1;
  if (m < 1 || !(hi > lo)) { out.fill(0, off, off + G); return 0; }
  const idx = Array.from({ length: m }, (_, k) => k).sort((a, b) => c[a] - c[b]);
  const xs = idx.map((k) => c[k]), ys = idx.map((k) => c[k + 1] - c[k]);
  let big = 0;
  for (const y of ys) big = Math.max(big, Math.abs(y));
  let levels = 0;
  for (const y of ys) if (Math.abs(y) >= 0.01 * big && big > 0) levels++;
  let q = 0;
  for (let p = 0; p < G; p++) {
    const g = lo + ((hi - lo) * p) / (G - 1);
    while (q + 1 < m && xs[q + 1] <= g) q++;
    let y: number;
    if (g <= xs[0]) y = ys[0];
    else if (q + 1 >= m) y = ys[m - 1];
    else {
      const span = xs[q + 1] - xs[q];
      y = span > 0 ? ys[q] + ((ys[q + 1] - ys[q]) * (g - xs[q])) / span : ys[q];
    }
    out[off + p] = y;
  }
  return levels;
}

/**
 * Conductance after one pulse of `branch` (1 potentiating, -1 depressing) on a device of
 * variant v at conductance g, without noise: g + dG(g) interpolated on the grid, clamped to
 * the variant's [G_lo, G_hi].
 */
export function pulseStep(t: PulseTables, v: number, branch: 1 | -1, g: number): number {
  const G = t.grid, lo = t.gLo[v], hi = t.gHi[v], tab = branch > 0 ? t.dP : t.dD;
  let u = ((g - lo) / (hi - lo)) * (G - 1);
  if (u < 0) u = 0; else if (u > G - 1) u = G - 1;
  let q = Math.floor(u);
  if (q >= G - 1) q = G - 2;
  const f = u - q, o = v * G + q;
  const n = g + tab[o] + f * (tab[o + 1] - tab[o]);
  return n < lo ? lo : n > hi ? hi : n;
}
