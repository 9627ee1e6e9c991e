/**
 * Spike sources: Poisson groups and spike generators (no state update, no input).
 *
 * A Poisson unit of rate r spikes in each step independently with probability p = r dt, as
 * Brian2's PoissonGroup (`rand() < rates * dt`). Instead of one uniform draw per unit and
 * step, the gap to the next spike is drawn from the same law: the number of steps K until the
 * next spike is geometric, P(K = k) = (1 - p)^{k - 1} p, K = 1 + floor(ln U / ln(1 - p)) with
 * U uniform in (0, 1]. The spike trains have exactly the per-step Bernoulli statistics, and
 * the work is one draw per spike instead of one per unit and step.
 * @module network/sources
 */
import type { Rng } from '../rng/rng.js';
import type { SpikingGroup } from './types.js';

const NO_INPUT: readonly string[] = [];

/** Steps to the next spike (>= 1) for per-step probability p (lnq = ln(1 - p)). */
function gap(rng: Rng, p: number, lnq: number): number {
  if (p >= 1) return 1;
  if (!(p > 0)) return Infinity;
  return 1 + Math.floor(Math.log(rng.nextOpen()) / lnq);
}

/** N independent Poisson spike trains with per-unit rates (Hz), from a seeded stream. */
export class PoissonGroup implements SpikingGroup {
  readonly n: number;
  readonly spikes: Int32Array;
  spikeCount = 0;
  readonly inputNames = NO_INPUT;
  readonly stateNames: readonly string[] = ['rate'];
  /** Rate of each unit (Hz). */
  readonly rates: Float64Array;
  private readonly p: Float64Array;
  private readonly lnq: Float64Array;
  /** Step of each unit's next spike (Infinity for rate 0). */
  private readonly next: Float64Array;

  /**
   * @param rates one rate per unit (Hz), >= 0
   * @param rng the group's own stream (e.g. network rng.stream('group:input'))
   */
  constructor(readonly name: string, rates: ArrayLike<number>, private readonly rng: Rng) {
    this.n = rates.length;
    this.rates = Float64Array.from(rates);
    this.spikes = new Int32Array(this.n);
    this.p = new Float64Array(this.n);
    this.lnq = new Float64Array(this.n);
    this.next = new Float64Array(this.n);
  }

  prepare(dt: number): void {
    for (let j = 0; j < this.n; j++) {
      const p = this.rates[j] * dt;
      if (!(p >= 0 && p <= 1)) throw new RangeError(`${this.name}.rate[${j}]: rate ${this.rates[j]} Hz times dt ${dt} s is ${p}, expected a probability in [0, 1] (lower the rate or dt)`);
      this.p[j] = p;
      this.lnq[j] = Math.log1p(-p);
      // first spike in step K - 1 (steps count from 0)
      this.next[j] = gap(this.rng, p, this.lnq[j]) - 1;
    }
  }

  update(): void { /* no state */ }

  threshold(step: number): void {
    const n = this.n, next = this.next, s = this.spikes;
    let c = 0;
    for (let j = 0; j < n; j++) {
      if (next[j] === step) {
        s[c++] = j;
        next[j] = step + gap(this.rng, this.p[j], this.lnq[j]);
      }
    }
    this.spikeCount = c;
  }

  reset(): void { /* nothing to reset */ }
  input(): Float64Array | undefined { return undefined; }
  state(name: string): Float64Array | undefined { return name === 'rate' ? this.rates : undefined; }
}

/**
 * Spikes at given times (Brian2's SpikeGeneratorGroup): unit `indices[k]` spikes in the step
 * round(times[k] / dt). Two spikes of one unit in the same step are an error.
 */
export class SpikeGeneratorGroup implements SpikingGroup {
  readonly spikes: Int32Array;
  spikeCount = 0;
  readonly inputNames = NO_INPUT;
  readonly stateNames: readonly string[] = [];
  private steps = new Float64Array(0);
  private order = new Int32Array(0);
  private ptr = 0;

  constructor(readonly name: string, readonly n: number, readonly indices: ArrayLike<number>, readonly times: ArrayLike<number>) {
    if (indices.length !== times.length) throw new RangeError(`${name}: ${indices.length} indices but ${times.length} times`);
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k];
      if (!(Number.isInteger(i) && i >= 0 && i < n)) throw new RangeError(`${name}.indices[${k}]: got ${i}, expected an integer in [0, ${n - 1}]`);
      if (!(times[k] >= 0 && Number.isFinite(times[k]))) throw new RangeError(`${name}.times[${k}]: got ${times[k]}, expected a time >= 0`);
    }
    this.spikes = new Int32Array(n);
  }

  prepare(dt: number): void {
    const m = this.indices.length;
    const steps = new Float64Array(m);
    for (let k = 0; k < m; k++) steps[k] = Math.round(this.times[k] / dt);
    const order = Array.from({ length: m }, (_, k) => k).sort((a, b) => steps[a] - steps[b] || this.indices[a] - this.indices[b]);
    for (let k = 1; k < m; k++) {
      const a = order[k - 1], b = order[k];
      if (steps[a] === steps[b] && this.indices[a] === this.indices[b]) throw new RangeError(`${this.name}: unit ${this.indices[b]} spikes twice in step ${steps[b]} (times ${this.times[a]} and ${this.times[b]} s)`);
    }
    this.steps = steps;
    this.order = Int32Array.from(order);
    this.ptr = 0;
  }

  update(): void { /* no state */ }

  threshold(step: number): void {
    let c = 0;
    const st = this.steps, ord = this.order, m = ord.length;
    while (this.ptr < m && st[ord[this.ptr]] < step) this.ptr++;
    while (this.ptr < m && st[ord[this.ptr]] === step) this.spikes[c++] = this.indices[ord[this.ptr++]];
    this.spikeCount = c;
  }

  reset(): void { /* nothing to reset */ }
  input(): Float64Array | undefined { return undefined; }
  state(): Float64Array | undefined { return undefined; }
}
