/**
 * ODE term of a batch of reservoir devices, each under its own pulse stream: device j sees
 *
 *   v_j(t) = a_{j,k} p(t - k T) + v_read(t),   k = floor(t / T)
 *
 * with a_{j,k} the signed pulse amplitude of its frame k (0 for a 0 bit), p the unit pulse of
 * the shared FrameClock and v_read the read pulses common to all devices. The batch holds the
 * devices' gathered states and parameters (network/device-batch Batch: state s of device j at
 * s nb + j), so dx/dt of all devices is one call of the model's rhs; the FrameClock's
 * breakpoints are the only ones, as every stream shares the frame grid.
 * @module network/reservoir/stream-term
 */
import type { OdeSystem } from '../../solve/types.js';
import type { Rng } from '../../rng/rng.js';
import type { Batch } from '../device-batch.js';
import type { FrameClock } from './frame-clock.js';

/** Batched pulse-stream term. */
export class StreamTerm implements OdeSystem {
  n = 0;
  readonly structure: { kind: 'block'; blocks: number; size: number };
  /** Signed amplitude of device j in frame k at j * F + k (length >= nb F). */
  drive: Float64Array = new Float64Array(0);
  /** Breakpoints of the frame clock. */
  readonly breakpoints: { next: (t: number) => number };
  private readonly S: number;
  private readonly F: number;
  constructor(readonly batch: Batch, readonly clock: FrameClock) {
    this.S = batch.model.states.length;
    this.F = clock.frames;
    this.structure = { kind: 'block', blocks: 0, size: this.S };
    this.breakpoints = { next: (t: number): number => clock.next(t) };
  }
  /** Bind the batch's current devices and their drive table (nb F amplitudes). */
  bind(drive: Float64Array): void {
    this.drive = drive;
    this.n = this.S * this.batch.nb;
    this.structure.blocks = this.batch.nb;
  }
  /**
   * The stream voltages are trapezoids, continuous everywhere (the breakpoints are kinks), so
   * the derivative of a step that lands on a breakpoint can be reused.
   */
  continuousAt(): boolean { return true; }
  /** Voltages of all devices at t into batch.v. */
  voltages(t: number): void {
    const b = this.batch, nb = b.nb, v = b.v, c = this.clock, F = this.F, d = this.drive;
    const k = c.frameAt(t), u = c.unit(t), r = c.readVoltage(t);
    if (u === 0) { for (let j = 0; j < nb; j++) v[j] = r; return; }
    for (let j = 0; j < nb; j++) v[j] = d[j * F + k] * u + r;
  }
  rhs(t: number, y: Float64Array, dydt: Float64Array): void {
    this.voltages(t);
    const b = this.batch;
    b.model.rhs(t, b.v, y, b.p, dydt, b.nb);
  }
  /** afterStep hook for models with stochastic jumps (each device at its own voltage at t1). */
  jumpHook(rng: Rng): (t0: number, t1: number, y: Float64Array) => boolean {
    return (t0, t1, y) => {
      this.voltages(t1);
      const b = this.batch;
      return b.model.jump!(t0, t1, b.v, y, b.p, rng, b.nb);
    };
  }
}
