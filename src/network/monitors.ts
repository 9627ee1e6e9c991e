/**
 * Monitors record columns during a run (typed arrays that grow by doubling, never per
 * element): spikes (unit index, time), state variables of chosen units every k steps, and
 * synaptic weights (summary statistics and chosen synapses) every k steps. Like Brian2's,
 * a state monitor samples at the start of a step (the value at t = n dt, before the update)
 * and a spike monitor right after the thresholds.
 * @module network/monitors
 */
import type { Recorder, SpikingGroup, SynapseGroup } from './types.js';

/** A growable column of numbers. */
class Column {
  private buf: Float64Array;
  length = 0;
  constructor(cap = 256) { this.buf = new Float64Array(cap); }
  push(x: number): void {
    if (this.length === this.buf.length) {
      const b = new Float64Array(this.buf.length * 2);
      b.set(this.buf);
      this.buf = b;
    }
    this.buf[this.length++] = x;
  }
  /** The recorded values (a copy of exactly `length` entries). */
  values(): Float64Array { return this.buf.slice(0, this.length); }
}

/** Spikes of a group: per-unit counts always; (index, time) pairs when `record`. */
export class SpikeMonitor implements Recorder {
  readonly name: string;
  readonly counts: Int32Array;
  total = 0;
  private readonly idx = new Column();
  private readonly time = new Column();
  private dt = NaN;
  constructor(readonly group: SpikingGroup, readonly record = true) {
    this.name = `spikes:${group.name}`;
    this.counts = new Int32Array(group.n);
  }
  prepare(dt: number): void { this.dt = dt; }
  afterThreshold(step: number): void {
    const g = this.group, c = g.spikeCount;
    if (c === 0) return;
    const t = step * this.dt;
    for (let s = 0; s < c; s++) {
      const i = g.spikes[s];
      this.counts[i]++;
      if (this.record) { this.idx.push(i); this.time.push(t); }
    }
    this.total += c;
  }
  /** Recorded spikes as columns i (unit) and t (s). */
  columns(): { i: Float64Array; t: Float64Array } { return { i: this.idx.values(), t: this.time.values() }; }
}

/** One state variable of chosen units, every `every` steps. */
export class StateMonitor implements Recorder {
  readonly name: string;
  private readonly t = new Column();
  private readonly cols: Column[];
  private readonly arr: Float64Array;
  private dt = NaN;
  constructor(readonly group: SpikingGroup, readonly variable: string, readonly indices: readonly number[], readonly every = 1) {
    const a = group.state(variable);
    if (!a) throw new RangeError(`monitor: ${variable} is not a state variable of group ${group.name} (${group.stateNames.join(', ') || 'none'})`);
    for (const i of indices) if (!(Number.isInteger(i) && i >= 0 && i < group.n)) throw new RangeError(`monitor ${group.name}.${variable}: index ${i} outside [0, ${group.n - 1}]`);
    if (!(Number.isInteger(every) && every >= 1)) throw new RangeError(`monitor ${group.name}.${variable}: every = ${every} steps, expected an integer >= 1`);
    this.arr = a;
    this.cols = indices.map(() => new Column());
    this.name = `state:${group.name}.${variable}`;
  }
  prepare(dt: number): void { this.dt = dt; }
  atStart(step: number): void {
    if (step % this.every !== 0) return;
    this.t.push(step * this.dt);
    for (let c = 0; c < this.indices.length; c++) this.cols[c].push(this.arr[this.indices[c]]);
  }
  /** Columns t and `<variable>[i]` for each recorded unit. */
  columns(): Record<string, Float64Array> {
    const out: Record<string, Float64Array> = { t: this.t.values() };
    this.indices.forEach((i, c) => { out[`${this.variable}[${i}]`] = this.cols[c].values(); });
    return out;
  }
}

/**
 * Weights of a synapse group every `every` steps: mean, standard deviation, min, max, and
 * chosen synapses. For device synapses every sample brings all synapses up to date (exact:
 * the lazy integration is only split, see device-synapses; but it costs a catch-up of every
 * synapse, so sample sparingly in large networks).
 */
export class WeightMonitor implements Recorder {
  readonly name: string;
  private readonly t = new Column();
  private readonly mean = new Column();
  private readonly sd = new Column();
  private readonly min = new Column();
  private readonly max = new Column();
  private readonly cols: Column[];
  private readonly buf: Float64Array;
  /** Weights at the first sample and at the end of the last run. */
  initial: Float64Array | undefined;
  final: Float64Array | undefined;
  private dt = NaN;
  private lastStep = -1;
  constructor(readonly syn: SynapseGroup, readonly every: number, readonly indices: readonly number[] = []) {
    for (const k of indices) if (!(Number.isInteger(k) && k >= 0 && k < syn.n)) throw new RangeError(`monitor weights ${syn.name}: synapse ${k} outside [0, ${syn.n - 1}]`);
    if (!(Number.isInteger(every) && every >= 1)) throw new RangeError(`monitor weights ${syn.name}: every = ${every} steps, expected an integer >= 1`);
    this.name = `weights:${syn.name}`;
    this.buf = new Float64Array(syn.n);
    this.cols = indices.map(() => new Column());
  }
  prepare(dt: number): void { this.dt = dt; }
  private sample(step: number): void {
    const w = this.buf, n = w.length;
    this.syn.weights(step, w);
    this.lastStep = step;
    if (!this.initial) this.initial = Float64Array.from(w);
    let s = 0, s2 = 0, lo = Infinity, hi = -Infinity;
    for (let k = 0; k < n; k++) { const x = w[k]; s += x; if (x < lo) lo = x; if (x > hi) hi = x; }
    const m = n ? s / n : NaN;
    for (let k = 0; k < n; k++) { const d = w[k] - m; s2 += d * d; }
    this.t.push(step * this.dt);
    this.mean.push(m);
    this.sd.push(n > 1 ? Math.sqrt(s2 / (n - 1)) : 0);
    this.min.push(lo);
    this.max.push(hi);
    for (let c = 0; c < this.indices.length; c++) this.cols[c].push(w[this.indices[c]]);
  }
  atStart(step: number): void { if (step % this.every === 0) this.sample(step); }
  /** At the end of a run: a last sample (unless this step was just sampled) and the final weights. */
  atEnd(step: number): void {
    if (this.lastStep !== step) this.sample(step);
    this.final = Float64Array.from(this.buf);
  }
  /** Columns t, mean, sd, min, max and `w[k]` for each chosen synapse. */
  columns(): Record<string, Float64Array> {
    const out: Record<string, Float64Array> = { t: this.t.values(), mean: this.mean.values(), sd: this.sd.values(), min: this.min.values(), max: this.max.values() };
    this.indices.forEach((k, c) => { out[`w[${k}]`] = this.cols[c].values(); });
    return out;
  }
}
