/**
 * The clock-driven network runner: a fixed step dt, and in every step n (t = n dt) the work
 * in this order (Brian2's default schedule start, groups, thresholds, synapses, resets):
 *
 *  0. start:       state and weight monitors sample (values at t);
 *  1. groups:      every group advances its state over [t, t + dt] (LIF propagators;
 *                  refractory neurons keep v);
 *  2. thresholds:  every group finds its spikes (v > threshold and not refractory; Poisson
 *                  and generator spikes due in step n); spikes are stamped t;
 *  3.              spike monitors record;
 *  4. synapses:    every synapse group's pre pathway (weights delivered to the post targets,
 *                  plasticity on pre spikes; device synapses catch up and start waveforms),
 *                  then every synapse group's post pathway (plasticity on post spikes);
 *  5. resets:      neurons that spiked are reset (v = v_reset, last spike = n).
 *
 * A weight added to a conductance in step n therefore acts on v from step n + 1. run() stops
 * early, with status 'failed' and the reason, if a device synapse group cannot integrate.
 * @module network/network
 */
import type { Recorder, SpikingGroup, SynapseGroup } from './types.js';

/** Outcome of run(). */
export interface NetworkRunResult {
  status: 'ok' | 'failed';
  message: string;
  /** Steps done in this call. */
  steps: number;
  /** Time reached (s). */
  t: number;
}

/** Groups, synapses and monitors on one clock. */
export class Network {
  /** Steps done so far (the current time is step dt). */
  step = 0;
  status: 'ok' | 'failed' = 'ok';
  message = 'ok';

  constructor(readonly dt: number, readonly groups: readonly SpikingGroup[], readonly synapses: readonly SynapseGroup[] = [], readonly monitors: readonly Recorder[] = []) {
    if (!(dt > 0 && Number.isFinite(dt))) throw new RangeError(`dt: got ${dt}, expected a positive time step (s)`);
    const names = new Set<string>();
    for (const g of groups) {
      if (names.has(g.name)) throw new RangeError(`group name ${g.name} used twice`);
      names.add(g.name);
    }
    for (const s of synapses) {
      if (!groups.includes(s.pre) || !groups.includes(s.post)) throw new RangeError(`synapses ${s.name}: its groups must be in the network`);
    }
    for (const g of groups) g.prepare(dt);
    for (const s of synapses) s.prepare(dt);
    for (const m of monitors) m.prepare?.(dt);
  }

  /** Current time (s). */
  get t(): number { return this.step * this.dt; }

  /** Advance by `steps` steps (see the module doc for the order of work). */
  runSteps(steps: number, onProgress?: (fraction: number) => void): NetworkRunResult {
    if (!(Number.isInteger(steps) && steps >= 0)) throw new RangeError(`steps: got ${steps}, expected an integer >= 0`);
    const G = this.groups, S = this.synapses, M = this.monitors;
    const starts = M.filter((m) => m.atStart), thr = M.filter((m) => m.afterThreshold);
    const end = this.step + steps;
    const every = Math.max(1, Math.floor(steps / 100));
    let done = 0;
    while (this.step < end && this.status === 'ok') {
      const n = this.step;
      for (let k = 0; k < starts.length; k++) starts[k].atStart!(n);
      for (let k = 0; k < G.length; k++) G[k].update(n);
      for (let k = 0; k < G.length; k++) G[k].threshold(n);
      for (let k = 0; k < thr.length; k++) thr[k].afterThreshold!(n);
      for (let k = 0; k < S.length; k++) S[k].onPre(n);
      for (let k = 0; k < S.length; k++) S[k].onPost(n);
      for (let k = 0; k < G.length; k++) G[k].reset(n);
      for (let k = 0; k < S.length; k++) {
        if (S[k].status !== 'ok') { this.status = 'failed'; this.message = S[k].message; }
      }
      this.step++;
      done++;
      if (onProgress && done % every === 0) onProgress(done / steps);
    }
    for (const m of M) m.atEnd?.(this.step);
    for (const s of S) if (s.status !== 'ok' && this.status === 'ok') { this.status = 'failed'; this.message = s.message; }
    return { status: this.status, message: this.message, steps: done, t: this.t };
  }

  /** Advance by `duration` seconds (rounded to whole steps). */
  run(duration: number, onProgress?: (fraction: number) => void): NetworkRunResult {
    if (!(duration >= 0 && Number.isFinite(duration))) throw new RangeError(`duration: got ${duration}, expected a time >= 0 (s)`);
    return this.runSteps(Math.round(duration / this.dt), onProgress);
  }
}
