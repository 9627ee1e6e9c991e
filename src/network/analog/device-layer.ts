/**
 * One weight matrix stored in device conductances, updated by programming pulses.
 *
 * Weight <-> conductance (G_lo, G_hi: the nominal device's range, R = G_hi - G_lo):
 *   'single'        one device per weight and a reference column at G_ref = (G_lo + G_hi) / 2
 *                   (NeuroSim's W_A = 2 W_H - 1 mapping):  w = 2 w_max (G - G_ref) / R
 *   'differential'  a pair G+, G-:                         w = w_max (G+ - G-) / R
 * Update (NeuroSim V3 RealDevice::Write, sign-based pulse count): the desired change dw of
 * back-propagation becomes n = |dw| / dw_1 pulses with dw_1 the nominal weight step of one
 * pulse, 2 w_max / L_P (potentiation) or 2 w_max / L_D (depression) for 'single', and
 * w_max (1 / L_P + 1 / L_D) for a push-pull pair pulse (G+ potentiated and G- depressed
 * together, or the reverse), L the levels of the nominal pulse table. n is rounded to the
 * nearest integer (NeuroSim's truncate with threshold 0.5: numPulse = truncate(dw / (w_max -
 * w_min), L) * L, Cell.cpp / formula.cpp; requests below half a pulse write nothing, which at
 * small learning rates freezes layer 1) or stochastically (floor(n) + 1 with probability
 * n - floor(n): the expected change equals the request), and capped at
 * `maxPulses`. Each pulse moves the device by its own variant's table (network/analog/
 * pulse-table: the device model's response), then adds cycle-to-cycle noise
 * N(0, (c2c R)^2) (NeuroSim: sigma as a fraction of the conductance range, per pulse, so n
 * pulses spread by c2c R sqrt(n)) and clamps to the variant's [G_lo, G_hi].
 * Initial weights are written exactly (write-verify before training), clamped to the range.
 * @module network/analog/device-layer
 */
import type { Rng } from '../../rng/rng.js';
import { type PulseTables, pulseStep } from './pulse-table.js';

export type PairScheme = 'single' | 'differential';
export type Rounding = 'nearest' | 'stochastic';

/** How weights live on devices and how updates become pulses. */
export interface DeviceLayerOptions {
  scheme: PairScheme;
  /** Largest |w| the devices represent. */
  wMax: number;
  /** Cycle-to-cycle sigma per pulse as a fraction of the nominal conductance range. */
  c2c: number;
  rounding: Rounding;
  /** Largest number of pulses one update may apply. */
  maxPulses: number;
}

/** Work counters. */
export interface DeviceLayerStats {
  /** Weight updates requested (calls of update(), including those that round to 0 pulses). */
  updates: number;
  /** Weight updates that applied at least one pulse. */
  writes: number;
  /** Programming pulses applied to devices (a push-pull pair pulse counts two). */
  pulses: number;
}

/** A rows x cols weight matrix on devices (see module doc). */
export class DeviceLayer {
  /** Device conductances: 'single' one per weight, 'differential' G+ at 2k and G- at 2k + 1. */
  readonly g: Float64Array;
  /** Table variant of each device (device-to-device spread). */
  readonly variant: Uint16Array;
  readonly gRef: number;
  readonly range: number;
  readonly stats: DeviceLayerStats = { updates: 0, writes: 0, pulses: 0 };
  private readonly dwP: number;
  private readonly dwD: number;
  private readonly sigma: number;

  constructor(readonly rows: number, readonly cols: number, readonly tables: PulseTables, readonly opt: DeviceLayerOptions, variantRng: Rng) {
    const nd = (opt.scheme === 'differential' ? 2 : 1) * rows * cols;
    this.g = new Float64Array(nd);
    this.variant = new Uint16Array(nd);
    const K = tables.variants;
    if (K > 1) for (let d = 0; d < nd; d++) this.variant[d] = variantRng.int(K);
    const lo = tables.gLo[0], hi = tables.gHi[0];
    this.range = hi - lo;
    this.gRef = (lo + hi) / 2;
    const LP = Math.max(1, tables.levelsP[0]), LD = Math.max(1, tables.levelsD[0]);
    if (opt.scheme === 'single') { this.dwP = (2 * opt.wMax) / LP; this.dwD = (2 * opt.wMax) / LD; }
    else this.dwP = this.dwD = opt.wMax * (1 / LP + 1 / LD);
    this.sigma = opt.c2c * this.range;
  }

  /** Nominal weight change of one update pulse (potentiating direction, depressing direction). */
  get pulseStep(): [number, number] { return [this.dwP, this.dwD]; }

  /** Write weights w (rows x cols) exactly (clamped to each device's range). */
  program(w: Float64Array): void {
    const t = this.tables, g = this.g, v = this.variant, R = this.range, wm = this.opt.wMax;
    for (let k = 0; k < this.rows * this.cols; k++) {
      if (this.opt.scheme === 'single') g[k] = clamp(this.gRef + (w[k] * R) / (2 * wm), t.gLo[v[k]], t.gHi[v[k]]);
      else {
        const h = (w[k] * R) / (2 * wm);
        g[2 * k] = clamp(this.gRef + h, t.gLo[v[2 * k]], t.gHi[v[2 * k]]);
        g[2 * k + 1] = clamp(this.gRef - h, t.gLo[v[2 * k + 1]], t.gHi[v[2 * k + 1]]);
      }
    }
  }

  /** Weight k as the devices hold it. */
  weight(k: number): number {
    const g = this.g, wm = this.opt.wMax, R = this.range;
    return this.opt.scheme === 'single' ? (2 * wm * (g[k] - this.gRef)) / R : (wm * (g[2 * k] - g[2 * k + 1])) / R;
  }

  /** All weights into out (rows x cols). */
  weights(out: Float64Array): void {
    for (let k = 0; k < this.rows * this.cols; k++) out[k] = this.weight(k);
  }

  /**
   * Apply the desired change dw to weight k with pulses; returns the new weight. `rng` draws
   * the stochastic rounding and the cycle-to-cycle noise.
   */
  update(k: number, dw: number, rng: Rng): number {
    this.stats.updates++;
    const up = dw > 0;
    let n = Math.abs(dw) / (up ? this.dwP : this.dwD);
    if (this.opt.rounding === 'nearest') n = Math.round(n);
    else { const f = Math.floor(n); n = f + (rng.next() < n - f ? 1 : 0); }
    if (n > this.opt.maxPulses) n = this.opt.maxPulses;
    if (n === 0) return this.weight(k);
    const t = this.tables, g = this.g, v = this.variant, s = this.sigma;
    this.stats.writes++;
    if (this.opt.scheme === 'single') {
      const d = v[k], lo = t.gLo[d], hi = t.gHi[d];
      let x = g[k];
      for (let p = 0; p < n; p++) {
        x = pulseStep(t, d, up ? 1 : -1, x);
        if (s > 0) x = clamp(x + s * rng.normal(), lo, hi);
      }
      g[k] = x;
      this.stats.pulses += n;
    } else {
      const a = 2 * k, b = 2 * k + 1, da = v[a], db = v[b];
      let xa = g[a], xb = g[b];
      for (let p = 0; p < n; p++) {
        xa = pulseStep(t, da, up ? 1 : -1, xa);
        xb = pulseStep(t, db, up ? -1 : 1, xb);
        if (s > 0) { xa = clamp(xa + s * rng.normal(), t.gLo[da], t.gHi[da]); xb = clamp(xb + s * rng.normal(), t.gLo[db], t.gHi[db]); }
      }
      g[a] = xa; g[b] = xb;
      this.stats.pulses += 2 * n;
    }
    return this.weight(k);
  }
}

function clamp(x: number, lo: number, hi: number): number { return x < lo ? lo : x > hi ? hi : x; }
