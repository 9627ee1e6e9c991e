/**
 * Batched ODE terms for device synapses: a batch is nb synapses gathered from the synapse
 * group's struct-of-arrays storage into contiguous buffers (state s of batch device j at
 * s nb + j, parameter k at k nb + j: the device-model layout with N = nb), integrated by the
 * shared engine (solve/driver `integrate` with the DOPRI5 / auto-switching steppers, as the
 * protocols integrate through experiment/run), and scattered back.
 *
 *  - ProgramTerm: every device of the batch sees the same voltage program v(u) (a Pwl whose
 *    points are breakpoints the driver lands on), dx/du = f(x, v(u)).
 *  - RelaxTerm: zero bias, each device over its own span L_j: with s = u / L_j in [0, 1],
 *    dx/ds = L_j f(x, 0). The rescaling lets devices with different rest intervals share one
 *    integration; it needs f not to depend on t explicitly at zero bias (true of every
 *    catalogue model: their rhs ignore t). Stochastic jumps (model.jump) are drawn per
 *    device over its own physical interval [s0 L_j, s1 L_j].
 * Buffers grow (doubling) to the largest batch seen; nothing is allocated per evaluation.
 * @module network/device-batch
 */
import type { DeviceModel } from '../devices/contract.js';
import type { OdeSystem } from '../solve/types.js';
import type { Waveform } from '../stimulus/waveform.js';
import type { Rng } from '../rng/rng.js';

/** Gathered state and parameters of up to `cap` devices. */
export class Batch {
  x = new Float64Array(0);
  p = new Float64Array(0);
  atol = new Float64Array(0);
  v = new Float64Array(0);
  i = new Float64Array(0);
  span = new Float64Array(0);
  cap = 0;
  nb = 0;
  private readonly S: number;
  private readonly P: number;
  /** Parameters with one value on every device (1) are filled, not gathered (see setUniform). */
  private readonly uniform: Uint8Array;
  private readonly uniformValue: Float64Array;
  constructor(readonly model: DeviceModel) {
    this.S = model.states.length;
    this.P = model.params.length;
    this.uniform = new Uint8Array(this.P);
    this.uniformValue = new Float64Array(this.P);
  }
  /**
   * Mark the parameters that hold one value on all N devices (the same bits: Object.is) and
   * that cannot change during the run (`varying[k]` false: no cycle-to-cycle redraws), so that
   * gather() writes the value instead of reading N-strided memory at random device ids. The
   * batch holds the same numbers either way.
   */
  setUniform(Pm: Float64Array, N: number, varying: (k: number) => boolean): void {
    for (let k = 0; k < this.P; k++) {
      this.uniform[k] = 0;
      if (N === 0 || varying(k)) continue;
      const v = Pm[k * N];
      let same = true;
      for (let j = 1; j < N && same; j++) same = Object.is(Pm[k * N + j], v);
      if (same) { this.uniform[k] = 1; this.uniformValue[k] = v; }
    }
  }
  /** Make room for n devices (amortised: capacity doubles). */
  reserve(n: number): void {
    if (n <= this.cap) return;
    let c = Math.max(16, this.cap);
    while (c < n) c *= 2;
    this.cap = c;
    this.x = new Float64Array(this.S * c);
    this.p = new Float64Array(this.P * c);
    this.atol = new Float64Array(this.S * c);
    this.v = new Float64Array(c);
    this.i = new Float64Array(c);
    this.span = new Float64Array(c);
  }
  /**
   * Gather devices ids[off .. off + nb) from the full arrays (state X of length S N, parameters
   * Pm of length P N) into the batch, with per-state absolute tolerances.
   */
  gather(ids: Int32Array, off: number, nb: number, X: Float64Array, Pm: Float64Array, N: number): void {
    this.reserve(nb);
    this.nb = nb;
    const S = this.S, P = this.P, x = this.x, p = this.p, at = this.atol, st = this.model.states;
    for (let s = 0; s < S; s++) {
      const o = s * nb, O = s * N, a = st[s].atol;
      for (let j = 0; j < nb; j++) { x[o + j] = X[O + ids[off + j]]; at[o + j] = a; }
    }
    const uni = this.uniform, uv = this.uniformValue;
    for (let k = 0; k < P; k++) {
      const o = k * nb, O = k * N;
      if (uni[k] === 1) { const v = uv[k]; for (let j = 0; j < nb; j++) p[o + j] = v; }
      else for (let j = 0; j < nb; j++) p[o + j] = Pm[O + ids[off + j]];
    }
  }
  /** Scatter the batch state back. */
  scatter(ids: Int32Array, off: number, X: Float64Array, N: number): void {
    const S = this.S, nb = this.nb, x = this.x;
    for (let s = 0; s < S; s++) {
      const o = s * nb, O = s * N;
      for (let j = 0; j < nb; j++) X[O + ids[off + j]] = x[o + j];
    }
  }
}

/** Every device of the batch under the same voltage program. */
export class ProgramTerm implements OdeSystem {
  n = 0;
  readonly structure: { kind: 'block'; blocks: number; size: number };
  wave: Waveform | undefined;
  private tEnd = Infinity;
  private readonly S: number;
  /** Breakpoints of the current program (allocated once). */
  readonly breakpoints = { next: (t: number): number => this.wave!.nextBreakpoint(t) };
  constructor(readonly batch: Batch) {
    this.S = batch.model.states.length;
    this.structure = { kind: 'block', blocks: 0, size: this.S };
  }
  /** Bind the current batch and program. */
  bind(wave: Waveform): void {
    this.wave = wave;
    this.n = this.S * this.batch.nb;
    this.structure.blocks = this.batch.nb;
    this.tEnd = Infinity;
  }
  setInterval(_t0: number, t1: number): void { this.tEnd = t1; }
  continuousAt(t: number): boolean { return this.wave!.value(t) === this.wave!.valueLeft(t); }
  /** Program voltage seen by a step that ends at tEnd (left limit there). */
  voltage(t: number): number { return t >= this.tEnd ? this.wave!.valueLeft(t) : this.wave!.value(t); }
  rhs(t: number, y: Float64Array, dydt: Float64Array): void {
    const b = this.batch, nb = b.nb, v = b.v, u = this.voltage(t);
    for (let j = 0; j < nb; j++) v[j] = u;
    b.model.rhs(t, v, y, b.p, dydt, nb);
  }
  /** afterStep hook for models with stochastic jumps (the same program voltage for all). */
  jumpHook(rng: Rng): (t0: number, t1: number, y: Float64Array) => boolean {
    return (t0, t1, y) => {
      const b = this.batch, nb = b.nb, v = b.v, u = this.wave!.valueLeft(t1);
      for (let j = 0; j < nb; j++) v[j] = u;
      return b.model.jump!(t0, t1, v, y, b.p, rng, nb);
    };
  }
}

/** Zero bias, each device over its own span (time rescaled to s in [0, 1]). */
export class RelaxTerm implements OdeSystem {
  n = 0;
  readonly structure: { kind: 'block'; blocks: number; size: number };
  private readonly S: number;
  private readonly P: number;
  private readonly x1: Float64Array;
  private readonly p1: Float64Array;
  private readonly v1 = new Float64Array(1);
  constructor(readonly batch: Batch) {
    this.S = batch.model.states.length;
    this.P = batch.model.params.length;
    this.structure = { kind: 'block', blocks: 0, size: this.S };
    this.x1 = new Float64Array(this.S);
    this.p1 = new Float64Array(this.P);
  }
  /** Bind the current batch (its `span` holds each device's rest interval, s). */
  bind(): void {
    this.n = this.S * this.batch.nb;
    this.structure.blocks = this.batch.nb;
  }
  rhs(_s: number, y: Float64Array, dydt: Float64Array): void {
    const b = this.batch, nb = b.nb, v = b.v, L = b.span, S = this.S;
    for (let j = 0; j < nb; j++) v[j] = 0;
    b.model.rhs(0, v, y, b.p, dydt, nb);
    for (let s = 0; s < S; s++) {
      const o = s * nb;
      for (let j = 0; j < nb; j++) dydt[o + j] *= L[j];
    }
  }
  /** afterStep hook for models with stochastic jumps: one device at a time, physical interval. */
  jumpHook(rng: Rng): (s0: number, s1: number, y: Float64Array) => boolean {
    return (s0, s1, y) => {
      const b = this.batch, nb = b.nb, S = this.S, P = this.P, x1 = this.x1, p1 = this.p1, L = b.span;
      let changed = false;
      for (let j = 0; j < nb; j++) {
        for (let s = 0; s < S; s++) x1[s] = y[s * nb + j];
        for (let k = 0; k < P; k++) p1[k] = b.p[k * nb + j];
        if (b.model.jump!(s0 * L[j], s1 * L[j], this.v1, x1, p1, rng, 1)) {
          for (let s = 0; s < S; s++) y[s * nb + j] = x1[s];
          changed = true;
        }
      }
      return changed;
    };
  }
}
