/**
 * A device group: N copies of one model with their own parameter values (device-to-device
 * variability sampled once from the seed) and state arrays. Cycle-to-cycle variability
 * re-draws the <param>C2c spreads around each device's own value at every switching event.
 * @module devices/group
 */
import type { DeviceModel } from './contract.js';
import type { ResolvedParams, Spread } from './params.js';
import type { Rng } from '../rng/rng.js';

/** N devices of one model, struct-of-arrays. */
export class DeviceGroup {
  readonly model: DeviceModel;
  readonly n: number;
  /** Parameters in use, P * N (parameter k of device j at k * n + j). */
  readonly p: Float64Array;
  /** Each device's own value before cycle-to-cycle draws (device-to-device sample). */
  readonly pDevice: Float64Array;
  private readonly spreads: Array<[number, Spread]>;
  private readonly c2cRng: Rng | undefined;

  /**
   * @param rng the experiment's root stream; sub-streams 'variability' and 'c2c' are used
   */
  constructor(model: DeviceModel, resolved: ResolvedParams, n: number, rng: Rng | undefined, label = 'device') {
    this.model = model;
    this.n = n;
    const P = model.params.length;
    this.p = new Float64Array(P * n);
    for (let k = 0; k < P; k++) this.p.fill(resolved.values[k], k * n, (k + 1) * n);
    this.spreads = [...resolved.spreads.entries()];
    const vr = rng?.stream(`${label}:variability`);
    for (const [k, sp] of this.spreads) {
      if (sp.dtod > 0 && vr) for (let j = 0; j < n; j++) this.p[k * n + j] = draw(model, k, this.p[k * n + j], sp.dtod, sp.distribution, vr);
    }
    this.pDevice = Float64Array.from(this.p);
    this.c2cRng = this.spreads.some(([, s]) => s.c2c > 0) ? rng?.stream(`${label}:c2c`) : undefined;
  }

  /** True when parameter k is redrawn cycle to cycle (its values change during a run). */
  varies(k: number): boolean {
    for (const [i, sp] of this.spreads) if (i === k && sp.c2c > 0) return true;
    return false;
  }

  /** True when some parameter has cycle-to-cycle spread. */
  get hasC2c(): boolean { return this.c2cRng !== undefined; }

  /** Re-draw cycle-to-cycle parameters of device j (or all when j < 0). */
  resampleC2c(j = -1): void {
    const rng = this.c2cRng;
    if (!rng) return;
    const n = this.n;
    for (const [k, sp] of this.spreads) {
      if (sp.c2c <= 0) continue;
      const lo = j < 0 ? 0 : j, hi = j < 0 ? n : j + 1;
      for (let d = lo; d < hi; d++) this.p[k * n + d] = draw(this.model, k, this.pDevice[k * n + d], sp.c2c, sp.distribution, rng);
    }
  }

  /** Initial state for all devices (S * N). */
  initialState(): Float64Array {
    const m = this.model, n = this.n;
    const x = new Float64Array(m.states.length * n);
    m.states.forEach((s, k) => {
      if (typeof s.init === 'number') x.fill(s.init, k * n, (k + 1) * n);
      else {
        const pk = m.params.findIndex((p) => p.name === s.init);
        if (pk < 0) throw new Error(`model ${m.id}: state ${s.name} initialises from unknown parameter ${s.init}`);
        for (let j = 0; j < n; j++) x[k * n + j] = this.p[pk * n + j];
      }
    });
    m.init?.(this.p, x, n);
    return x;
  }

  /** Value of parameter `name` for device j. */
  get(name: string, j = 0): number {
    const k = this.model.params.findIndex((p) => p.name === name);
    if (k < 0) throw new RangeError(`model ${this.model.id} has no parameter ${name}`);
    return this.p[k * this.n + j];
  }
}

/** One draw around a nominal value, kept inside the parameter's range (resampled, then clamped). */
function draw(model: DeviceModel, k: number, nominal: number, s: number, dist: 'normal' | 'lognormal', rng: Rng): number {
  const def = model.params[k];
  for (let tries = 0; tries < 20; tries++) {
    const v = dist === 'lognormal' ? nominal * Math.exp(s * rng.normal()) : nominal * (1 + s * rng.normal());
    if (v >= def.min && v <= def.max && (!def.integer || true)) return def.integer ? Math.round(v) : v;
  }
  return Math.min(def.max, Math.max(def.min, nominal));
}
