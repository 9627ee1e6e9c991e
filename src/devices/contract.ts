/**
 * The device-model contract. A model is data (parameter schema, state variables, citation)
 * plus pure functions over N devices at once with struct-of-arrays storage:
 *
 *  - state x: Float64Array of length S * N, state k of device j at x[k * N + j];
 *  - parameters p: Float64Array of length P * N, parameter k of device j at p[k * N + j]
 *    (every device has its own copy so that device-to-device variability costs nothing);
 *  - voltage v: Float64Array of length N, the voltage across each device (top minus bottom).
 *
 * The model never steps itself (integration belongs to `solve`) and never allocates in
 * rhs/current. A single device is N = 1.
 * @module devices/contract
 */
import type { Dimension } from '../units/parse.js';
import type { Rng } from '../rng/rng.js';

/** One documented parameter: default, unit, range, meaning, source. */
export interface ParamDef {
  readonly name: string;
  readonly default: number;
  /** SI unit symbol for display ("V", "s", "Ohm", "1"). */
  readonly unit: string;
  /** Dimension accepted when parsing "500 ns"-style values. */
  readonly dim: Dimension;
  readonly min: number;
  readonly max: number;
  readonly meaning: string;
  readonly source: string;
  /** Integer-valued (window exponents, channel counts). */
  readonly integer?: boolean;
  /** Named choices; the value stored is the index into this list. */
  readonly choices?: readonly string[];
  /** Parameter cannot vary between devices or cycles (structural switches). */
  readonly fixed?: boolean;
}

/** One state variable with its unit, hard bounds and integration tolerance. */
export interface StateDef {
  readonly name: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly meaning: string;
  /** Absolute tolerance for the integrator, in the state's unit. */
  readonly atol: number;
  /** Initial value: a number or the name of a parameter holding it. */
  readonly init: number | string;
}

/** A compact device model. */
export interface DeviceModel {
  readonly id: string;
  readonly title: string;
  /** Equations in one paragraph (the TSDoc of the file has the full set). */
  readonly summary: string;
  /** The paper(s) the model comes from. */
  readonly citation: string;
  /** Which part of the review (Zhu, Lee, Lu 2019) the model serves. */
  readonly reviewLink: string;
  readonly params: readonly ParamDef[];
  readonly states: readonly StateDef[];
  /** I = 0 whenever V = 0 (pinched hysteresis). */
  readonly zeroCrossing: boolean;
  /** Stiff dynamics (electro-thermal): the runner picks the Rosenbrock method. */
  readonly stiff: boolean;
  /** Voltage that SETs (lowers the resistance of) the device: +1 or -1. */
  readonly setPolarity: 1 | -1;
  /**
   * Optional initial state (default: each state's `init`).
   */
  init?(p: Float64Array, x: Float64Array, n: number): void;
  /** Writes dx/dt for every device. */
  rhs(t: number, v: Float64Array, x: Float64Array, p: Float64Array, dx: Float64Array, n: number): void;
  /** Writes the current through every device and, when didv is given, dI/dV. */
  current(v: Float64Array, x: Float64Array, p: Float64Array, i: Float64Array, didv: Float64Array | null, n: number): void;
  /**
   * Optional stochastic jump after an accepted step [t0, t1] (filament rupture, atom hops),
   * drawn so that the statistics do not depend on the step. Returns true when x changed.
   */
  jump?(t0: number, t1: number, v: Float64Array, x: Float64Array, p: Float64Array, rng: Rng, n: number): boolean;
  /** Optional extra outputs (e.g. local temperature) written per device. */
  readonly outputs?: readonly { name: string; unit: string; meaning: string }[];
  outputsAt?(v: Float64Array, x: Float64Array, p: Float64Array, out: Float64Array, n: number): void;
}

/** A named parameter set for a model, with what it was fitted to. */
export interface Preset {
  readonly id: string;
  readonly model: string;
  readonly title: string;
  /** Values that differ from the model defaults (SI numbers or unit strings). */
  readonly params: Readonly<Record<string, number | string>>;
  /** Where the numbers come from. */
  readonly citation: string;
  /** One line: what these numbers were fitted or calibrated to. */
  readonly fittedTo: string;
  /** What the preset can and cannot predict. */
  readonly notes?: string;
  /** Extra data of presets read from files (fit uncertainties, data hashes, fit settings); kept so that it round-trips. */
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** Default stimulus amplitude scale for standard sweeps (V); protocols may use it. */
  readonly sweep?: { readonly vSet: number; readonly vReset: number; readonly period?: number; readonly compliance?: number; readonly vRead?: number };
}

/** Map of parameter names to their index, built once per model. */
export function paramIndex<const T extends readonly ParamDef[]>(params: T): Record<T[number]['name'], number> {
  const out: Record<string, number> = {};
  params.forEach((p, k) => { out[p.name] = k; });
  return Object.freeze(out) as Record<T[number]['name'], number>;
}

/** Map of state names to their index. */
export function stateIndex<const T extends readonly StateDef[]>(states: T): Record<T[number]['name'], number> {
  const out: Record<string, number> = {};
  states.forEach((s, k) => { out[s.name] = k; });
  return Object.freeze(out) as Record<T[number]['name'], number>;
}

/** Shorthand to declare a parameter. */
export function param(name: string, def: number, unit: string, dim: Dimension, min: number, max: number, meaning: string, source: string, extra: Partial<ParamDef> = {}): ParamDef {
  return { name, default: def, unit, dim, min, max, meaning, source, ...extra };
}
