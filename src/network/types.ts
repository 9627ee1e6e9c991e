/**
 * Contracts of the network layer (Brian2's pipeline: groups -> synapses -> monitors ->
 * network). A group is N copies of one unit with vectorised, struct-of-arrays state; a
 * synapse group connects two groups; monitors record columns. Everything is SI inside and
 * works on a fixed clock dt; the network calls the phases of one time step in the order
 * written down in network.ts.
 * @module network/types
 */

/** A population of N spiking units (neurons, Poisson sources, spike generators). */
export interface SpikingGroup {
  readonly name: string;
  readonly n: number;
  /** Indices of the units that spiked in the current step: the first `spikeCount` entries. */
  readonly spikes: Int32Array;
  /** Number of valid entries in `spikes` for the current step. */
  readonly spikeCount: number;
  /** Names of the input variables synapses may add weights to (ge, gi, I); empty for sources. */
  readonly inputNames: readonly string[];
  /** Names of the recordable state variables. */
  readonly stateNames: readonly string[];
  /** Bind to the clock: precompute propagators for the step dt (s). Called once by the network. */
  prepare(dt: number): void;
  /** Phase 1 ("groups"): advance the state over [t, t + dt] of step `step`. */
  update(step: number): void;
  /** Phase 2 ("thresholds"): fill `spikes` with this step's spikes. */
  threshold(step: number): void;
  /** Phase 5 ("resets"): reset the units that spiked in this step. */
  reset(step: number): void;
  /** The array of an input variable (one value per unit), or undefined. */
  input(name: string): Float64Array | undefined;
  /** The array of a state variable (one value per unit), or undefined. */
  state(name: string): Float64Array | undefined;
}

/**
 * A set of synapses from `pre` to `post` (both kinds, `rule` and `device`, implement it).
 * Synapse k connects pre neuron preIndex[k] to post neuron postIndex[k].
 */
export interface SynapseGroup {
  readonly name: string;
  readonly kind: 'rule' | 'device';
  readonly pre: SpikingGroup;
  readonly post: SpikingGroup;
  /** Number of synapses. */
  readonly n: number;
  readonly preIndex: Int32Array;
  readonly postIndex: Int32Array;
  /** Bind to the clock (dt, s). */
  prepare(dt: number): void;
  /** Phase 4a ("synapses", pre pathway): react to this step's presynaptic spikes. */
  onPre(step: number): void;
  /** Phase 4b ("synapses", post pathway, after every pre pathway): react to postsynaptic spikes. */
  onPost(step: number): void;
  /** Current weights of all synapses into out (length n), brought up to time step·dt. */
  weights(step: number, out: Float64Array): void;
  /** Outcome so far: 'ok', or 'failed' with the reason (device integration trouble). */
  readonly status: 'ok' | 'failed';
  readonly message: string;
}

/** Something that records during the run (monitors). */
export interface Recorder {
  readonly name: string;
  /** Bind to the clock (dt, s). */
  prepare?(dt: number): void;
  /** Called at the start of every step, before phase 1 (Brian2's `when = 'start'`). */
  atStart?(step: number): void;
  /** Called right after the thresholds (phase 3, Brian2's SpikeMonitor slot). */
  afterThreshold?(step: number): void;
  /** Called once when a run() ends, at the step reached. */
  atEnd?(step: number): void;
}
