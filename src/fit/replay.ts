/**
 * Replaying a measured data set through the simulator: the measured times and voltages
 * become a PWL stimulus (every row a breakpoint, so the integrator lands on every data time),
 * the spec goes through `resolveSpec` once, and each evaluation swaps the parameter vector
 * and calls `simulate`, recording at breakpoints only. Times are shifted so that the first
 * row is t = 0: the model's initial state is the state at the first measured row.
 *
 * The simulated quantity at row k is the device current (target 'i') or the conductance of a
 * non-perturbing virtual read at `vRead` (target 'g'), taken at exactly t_k.
 * @module fit/replay
 */
import type { DeviceModel, Preset } from '../devices/contract.js';
import { resolveSpec, type ResolvedSpec } from '../experiment/spec.js';
import { simulate } from '../experiment/run.js';
import type { DataSet } from './import.js';

/** The device the fit starts from: a model, an optional preset, fixed overrides. */
export interface BaseDevice {
  model: DeviceModel;
  preset?: Preset;
  /** Fixed parameter overrides (not fitted). */
  set?: Record<string, unknown>;
  /** The device spec a model built from data came from (`{ model: equation, equations }`). */
  spec?: Record<string, unknown>;
}

/** Settings of the replay. */
export interface ReplaySettings {
  /** Read voltage for conductance targets (V). */
  vRead: number;
  /** Relative tolerance of the integrator during fitting (tighter than the default 1e-6 so that finite-difference Jacobians are not dominated by solver noise). */
  rtol: number;
  /** Series resistance of the measurement set-up (Ohm). */
  series: number;
  /** Current compliance (A), Infinity for none. */
  compliance: number;
  /**
   * Step budget per replay: `maxStepsPerRow` times the number of rows plus 5000. Parameter
   * sets that drive a model into stiff saturation can need 10^5-10^6 explicit steps for a
   * 200-row sweep; they are far from any data and are rejected as failures instead.
   */
  maxStepsPerRow: number;
}

/** A data set bound to a resolved spec, evaluated for any parameter vector. */
export class Replay {
  readonly spec: ResolvedSpec;
  private readonly tData: Float64Array;
  constructor(readonly base: BaseDevice, readonly data: DataSet, settings: ReplaySettings) {
    const t0 = data.t[0];
    this.tData = Float64Array.from(data.t, (t) => t - t0);
    const points: Array<[number, number]> = [];
    for (let k = 0; k < data.t.length; k++) points.push([this.tData[k], data.v[k]]);
    if (points.length === 1 || this.tData[this.tData.length - 1] === 0) points.push([1e-12, data.v[data.v.length - 1]]);
    // the preset's values go in as overrides so that presets read from files need no loader
    const set = { ...(base.preset?.params ?? {}), ...((base.spec?.set as Record<string, unknown> | undefined) ?? {}), ...(base.set ?? {}) };
    const device = base.spec ? { ...base.spec, set, preset: undefined, count: undefined } : { model: base.model.id, set };
    const raw = {
      device,
      circuit: { series: settings.series, compliance: Number.isFinite(settings.compliance) ? settings.compliance : 'none' },
      stimulus: { type: 'pwl', points },
      record: { every: 'breakpoint', vRead: settings.vRead },
      solver: { rtol: settings.rtol, maxSteps: 5000 + settings.maxStepsPerRow * data.t.length },
    };
    const spec = resolveSpec(raw);
    spec.device = { ...spec.device, model: base.model };
    this.spec = spec;
  }

  /** Start values of every model parameter (model defaults, preset, fixed overrides). */
  get startValues(): Float64Array { return Float64Array.from(this.spec.device.resolved.values); }

  /**
   * Simulate with the full parameter vector `values` and write the model's value at every
   * data row into `out`. Returns null on success or the solver's message on failure.
   */
  evaluate(values: Float64Array, out: Float64Array): string | null {
    const spec: ResolvedSpec = { ...this.spec, device: { ...this.spec.device, resolved: { values, spreads: new Map() } } };
    const res = simulate(spec);
    if (res.status !== 'ok') return `${res.status}: ${res.message}`;
    const t = res.columns.t, y = this.data.target === 'i' ? res.columns.i : res.columns.g;
    const td = this.tData;
    let j = 0;
    for (let k = 0; k < td.length; k++) {
      // data times are breakpoints, so an exact match exists; step to the last row at that time
      while (j + 1 < t.length && t[j + 1] <= td[k] * (1 + 1e-12) + 1e-300) j++;
      if (Math.abs(t[j] - td[k]) > 1e-9 * Math.max(Math.abs(td[k]), 1e-12) && j + 1 < t.length) {
        const w = (td[k] - t[j]) / (t[j + 1] - t[j]);
        out[k] = y[j] + w * (y[j + 1] - y[j]);
      } else out[k] = y[j];
      if (!Number.isFinite(out[k])) return `non-finite model value at data row ${k} (line ${this.data.line[k]})`;
    }
    return null;
  }
}
