/**
 * The multi-terminal device contract: one system whose state is shared by several terminals
 * (heterosynaptic devices: synapses sharing a conserved ion pool, a planar device with a
 * modulatory gate). The two-terminal contract (devices/contract) sees one voltage per
 * device; here every terminal has its own potential, the model reads all of them, and it
 * reports the current into each terminal and the conductance of each named channel.
 *
 * This is the smallest extension that covers review Section 3.4 (Fig. 9, 10). It is kept
 * apart from DeviceModel so that nothing that iterates the two-terminal catalogue (sweeps,
 * circuits, crossbars) meets a model it cannot drive. One instance is one system (N = 1); a
 * network of k synapses lives inside it as k channels. Parameters are a flat Float64Array in
 * the order of `params`, resolved by devices/params (the same schema, units, ranges and
 * errors as two-terminal models). The circuit term that drives each terminal with its own
 * waveform is circuit/multi-terminal.
 * @module devices/multi-terminal
 */
import type { DeviceModel, Preset, StateDef } from './contract.js';
import { resolveParams } from './params.js';
import { SpecError } from '../units/parse.js';

/** A device with several terminals and one shared state (identity, schema and stiffness as DeviceModel). */
export interface MultiTerminalModel extends Pick<DeviceModel, 'id' | 'title' | 'summary' | 'citation' | 'reviewLink' | 'params' | 'stiff'> {
  /** Terminal names for a parameter set (the count may depend on a structural parameter). */
  terminals(p: Float64Array): string[];
  /** State variables for a parameter set. */
  states(p: Float64Array): StateDef[];
  /** Names of the channels (synapses) whose conductance `conductances` reports. */
  channels(p: Float64Array): string[];
  /** Writes the initial state. */
  init(p: Float64Array, x: Float64Array): void;
  /** Writes dx/dt given the potential of every terminal (V, against a common reference). Must not allocate. */
  rhs(t: number, vTerminals: Float64Array, x: Float64Array, p: Float64Array, dx: Float64Array): void;
  /** Writes the current flowing into each terminal (A); the currents sum to zero. */
  currents(vTerminals: Float64Array, x: Float64Array, p: Float64Array, out: Float64Array): void;
  /** Writes the small-signal (read) conductance of every channel (S). */
  conductances(x: Float64Array, p: Float64Array, out: Float64Array): void;
  /**
   * Optional linear invariants: each returned vector c satisfies d(c . x)/dt = 0 exactly
   * (e.g. the total ion count of a closed reservoir). Tests and protocols check them.
   */
  invariants?(p: Float64Array): Float64Array[];
}

/** A multi-terminal model with its resolved parameters. */
export interface ResolvedMultiTerminal {
  model: MultiTerminalModel;
  preset?: Preset;
  p: Float64Array;
}

/**
 * Resolve a multi-terminal model: defaults, then the preset, then the user's overrides, all
 * checked against the schema (errors name `path`). Variability keys are not supported here.
 */
export function resolveMultiTerminal(model: MultiTerminalModel, preset: Preset | undefined, set: Record<string, unknown> | undefined, path: string): ResolvedMultiTerminal {
  if (preset && preset.model !== model.id) throw new SpecError(`${path}.preset`, preset.id, `a preset of model ${model.id}`);
  const r = resolveParams(model, preset, set, `${path}.set`);
  if (r.spreads.size) throw new SpecError(`${path}.set`, [...r.spreads.keys()].map((k) => model.params[k].name).join(', '), 'no variability keys: multi-terminal systems are single instances');
  return { model, preset, p: r.values };
}
