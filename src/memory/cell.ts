/**
 * A memory cell under test: N devices of one model in the measurement circuit, kept in a
 * persistent state between stimuli so that protocols can program, bake, cycle and read the
 * same devices. Each `apply` integrates one waveform from the current state with the shared
 * driver, integrates the energy as an extra ODE unknown (E' = (v_A + R_s I) I per device, so the
 * energy has the solver's accuracy rather than a trapezoid over saved steps) and can stop at
 * the first time the read conductance of device 0 crosses a threshold (an event on
 * ln G_read - ln G_th, located on the dense output).
 * @module memory/cell
 */
import { DeviceGroup } from '../devices/group.js';
import { MeasurementTerm, type Circuit } from '../circuit/measure.js';
import { integrate } from '../solve/driver.js';
import type { OdeSystem, EventSet, SolveStatus, JacobianStructure } from '../solve/types.js';
import type { Method } from '../experiment/spec.js';
import type { Waveform } from '../stimulus/waveform.js';
import { Dc } from '../stimulus/waveform.js';
import { Rng } from '../rng/rng.js';
import { makeStepper } from '../experiment/run.js';
import type { DeviceRef } from '../experiment/device-spec.js';

/** Integration settings of a cell. */
export interface CellOptions {
  circuit?: Circuit;
  seed?: number;
  rtol?: number;
  /** Number of devices (variability from the device's Dtod / C2c spreads). */
  count?: number;
  /** Multiplies every state's absolute tolerance (default 1). */
  atolScale?: number;
}

/** Outcome of one applied waveform. */
export interface ApplyResult {
  status: SolveStatus;
  message: string;
  /** Time reached (the crossing time when the threshold stopped the run). */
  t: number;
  /** True when the read-conductance threshold was crossed. */
  crossed: boolean;
  /** Energy delivered by the source per device over the run, J. */
  energy: Float64Array;
  /** Accepted steps. */
  steps: number;
}

/** Stop condition on device 0's read conductance. */
export interface Threshold {
  g: number;
  /** +1: stop when G rises through g; -1: when it falls through g. */
  direction: 1 | -1;
}

/**
 * Ties a MeasurementTerm to an extra energy unknown per device, without allocation:
 * E' = (v_A + R_s I) I, the power dissipated in the device and its series resistance (the
 * source power whenever the compliance is not limiting). The current is evaluated here
 * because the term's fast path (source straight across the device) does not compute it.
 */
class EnergyTerm implements OdeSystem {
  readonly n: number;
  /** The energy of device j is element S of block j (the device layout), so the blocks stay independent. */
  readonly structure: JacobianStructure;
  private readonly buf: Float64Array;
  private readonly dbuf: Float64Array;
  private readonly cur: Float64Array;
  constructor(readonly term: MeasurementTerm, private readonly group: DeviceGroup, private readonly rs: number) {
    this.n = term.n + term.nDev;
    this.structure = { kind: 'block', blocks: term.nDev, size: term.n / term.nDev + 1 };
    this.buf = new Float64Array(term.n);
    this.dbuf = new Float64Array(term.n);
    this.cur = new Float64Array(term.nDev);
  }
  setInterval(t0: number, t1: number): void { this.term.setInterval(t0, t1); }
  rhs(t: number, y: Float64Array, dydt: Float64Array): void {
    const m = this.term.n, b = this.buf, d = this.dbuf, N = this.term.nDev;
    for (let k = 0; k < m; k++) b[k] = y[k];
    this.term.rhs(t, b, d);
    for (let k = 0; k < m; k++) dydt[k] = d[k];
    const vA = this.term.vA, cur = this.cur;
    this.group.model.current(vA, b, this.group.p, cur, null, N);
    for (let j = 0; j < N; j++) dydt[m + j] = (vA[j] + this.rs * cur[j]) * cur[j];
  }
}

/** N devices of one model with persistent state. */
export class Cell {
  readonly group: DeviceGroup;
  readonly n: number;
  readonly circuit: Circuit;
  /** Device states, S * N. */
  readonly x: Float64Array;
  readonly rtol: number;
  readonly atolScale: number;
  private readonly gBuf: Float64Array;
  private readonly iBuf: Float64Array;
  private readonly vBuf: Float64Array;

  constructor(readonly ref: DeviceRef, opts: CellOptions = {}) {
    this.n = opts.count ?? ref.count;
    this.group = new DeviceGroup(ref.model, ref.resolved, this.n, new Rng(opts.seed ?? 1), 'device');
    this.circuit = opts.circuit ?? { series: 0, compliance: Infinity };
    this.rtol = opts.rtol ?? 1e-6;
    this.atolScale = opts.atolScale ?? 1;
    this.x = this.group.initialState();
    this.gBuf = new Float64Array(this.n);
    this.iBuf = new Float64Array(this.n);
    this.vBuf = new Float64Array(this.n);
  }

  /** Copy of the state (to restore later). */
  snapshot(): Float64Array { return Float64Array.from(this.x); }
  /** Restore a snapshot. */
  restore(s: Float64Array): void { this.x.set(s); }

  /** Index of parameter `name` or -1. */
  paramIndex(name: string): number { return this.group.model.params.findIndex((p) => p.name === name); }

  /** Set parameter `name` to `value` for every device (e.g. the ambient temperature). */
  setParam(name: string, value: number): void {
    const k = this.paramIndex(name);
    if (k < 0) throw new RangeError(`model ${this.group.model.id} has no parameter ${name}`);
    this.group.p.fill(value, k * this.n, (k + 1) * this.n);
    this.group.pDevice.fill(value, k * this.n, (k + 1) * this.n);
  }

  /** Read conductance I(vRead)/vRead of every device (a non-perturbing virtual read). */
  read(vRead: number, x: Float64Array = this.x): Float64Array {
    this.vBuf.fill(vRead);
    this.group.model.current(this.vBuf, x, this.group.p, this.iBuf, null, this.n);
    for (let j = 0; j < this.n; j++) this.gBuf[j] = this.iBuf[j] / vRead;
    return Float64Array.from(this.gBuf);
  }

  /**
   * Integrate `wave` from the current state (the state is updated in place).
   * @param tEnd end time (default the waveform's duration)
   * @param stop stop at the first crossing of device 0's read conductance through a threshold
   */
  apply(wave: Waveform, opts: { tEnd?: number; stop?: Threshold; vRead?: number; maxSteps?: number; method?: Method } = {}): ApplyResult {
    const term = new MeasurementTerm(wave, this.circuit, this.group);
    const sys = new EnergyTerm(term, this.group, this.circuit.series);
    const m = term.n, N = this.n;
    const y = new Float64Array(sys.n);
    y.set(this.x);
    const atol = new Float64Array(sys.n);
    this.group.model.states.forEach((s, k) => atol.fill(s.atol * this.atolScale, k * N, (k + 1) * N));
    atol.fill(1e-24, m);
    const tEnd = opts.tEnd ?? wave.duration;
    let events: EventSet | undefined;
    let crossed = false;
    if (opts.stop) {
      const st = opts.stop, vr = opts.vRead ?? 0.1, model = this.group.model, p = this.group.p;
      const vb = new Float64Array(N).fill(vr), ib = new Float64Array(N), lg = Math.log(st.g);
      events = {
        count: 1,
        direction: Int8Array.of(st.direction),
        evaluate(_t, yy, out) {
          model.current(vb, yy, p, ib, null, N);
          out[0] = Math.log(Math.max(ib[0] / vr, 1e-300)) - lg;
        },
        handle() { crossed = true; return 'stop'; },
      };
    }
    const res = integrate(sys, makeStepper(opts.method ?? 'auto', this.group.model.stiff), 0, tEnd, y, {
      rtol: this.rtol, atol, hMax: wave.maxStep, maxSteps: opts.maxSteps ?? 2e6,
      breakpoints: { next: (t) => wave.nextBreakpoint(t) },
      events,
    });
    this.x.set(y.subarray(0, m));
    const status: SolveStatus = res.status === 'stopped' && crossed ? 'ok' : res.status;
    return { status, message: res.message, t: res.t, crossed, energy: y.slice(m), steps: res.stats.naccept };
  }

  /**
   * Hold at a constant voltage for `duration` (0 V: a bake or a rest). Long holds relax the
   * state to an equilibrium over many relaxation times, which is stiff for explicit methods
   * (step bounded by the stability limit), so holds use the Rosenbrock RODAS3 method.
   */
  hold(level: number, duration: number, stop?: Threshold, vRead?: number): ApplyResult {
    return this.apply(new Dc(level, duration), { stop, vRead, method: 'rodas3' });
  }
}
