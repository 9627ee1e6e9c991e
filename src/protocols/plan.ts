/**
 * Stimulus plans: a piecewise-linear voltage program built pulse by pulse, with marked read
 * times, run through `simulate()` and read back at the marks. Every point of the program is a
 * breakpoint, so the integrator lands on each read time exactly and recording at breakpoints
 * gives the value there.
 * @module protocols/plan
 */
import { Pwl, type Waveform } from '../stimulus/waveform.js';
import { simulate, type RunResult } from '../experiment/run.js';
import type { ResolvedSpec } from '../experiment/spec.js';
import type { ProtocolContext } from './types.js';

/** How conductance is read. */
export type ReadMode = 'virtual' | 'pulse';

/** Read settings shared by the protocols. */
export interface ReadSettings {
  mode: ReadMode;
  /** Read voltage (V). */
  vRead: number;
  /** Width of a real read pulse (s). */
  width: number;
}

/** A voltage program with read marks. */
export class Plan {
  private readonly t: number[] = [0];
  private readonly v: number[] = [0];
  /** Times of the reads, in the order they were requested. */
  readonly marks: number[] = [];
  constructor(readonly read: ReadSettings, readonly edgeFraction = 0.02) {}
  /** Current end time of the program (s). */
  get now(): number { return this.t[this.t.length - 1]; }
  private point(t: number, v: number): void { this.t.push(t); this.v.push(v); }
  /**
   * A trapezoidal pulse of flat-top `width` starting now; edges of edgeFraction * width (at
   * most `maxEdge`) so that a pulse is a pulse and not a step the solver has to resolve.
   */
  pulse(amplitude: number, width: number, maxEdge = 1e-6): this {
    const e = Math.min(width * this.edgeFraction, maxEdge);
    const t0 = this.now;
    this.point(t0 + e, amplitude);
    this.point(t0 + e + width, amplitude);
    this.point(t0 + 2 * e + width, 0);
    return this;
  }
  /** Total duration of pulse(amplitude, width). */
  pulseDuration(width: number, maxEdge = 1e-6): number { return width + 2 * Math.min(width * this.edgeFraction, maxEdge); }
  /** Zero bias for dt (s). */
  wait(dt: number): this {
    if (dt > 0) this.point(this.now + dt, 0);
    return this;
  }
  /** Wait until absolute time t (no-op when already later). */
  until(t: number): this { return t > this.now ? this.wait(t - this.now) : this; }
  /**
   * Read now: a virtual read marks the time; a real read applies a pulse of V_read and marks
   * its middle. Returns the index of the read.
   */
  readNow(): number {
    if (this.read.mode === 'virtual') {
      this.marks.push(this.now);
    } else {
      const t0 = this.now;
      const e = Math.min(this.read.width * this.edgeFraction, 1e-6);
      this.pulse(this.read.vRead, this.read.width);
      this.marks.push(t0 + e + this.read.width / 2);
      // the middle of the flat top must itself be a breakpoint: split the flat part
      this.t.splice(this.t.length - 2, 0, t0 + e + this.read.width / 2);
      this.v.splice(this.v.length - 2, 0, this.read.vRead);
    }
    return this.marks.length - 1;
  }
  /** The program as a waveform. */
  waveform(): Waveform { return new Pwl(this.t, this.v); }
}

/** Result of running a plan: conductance at each read mark, and the raw run. */
export interface PlanRun {
  /** Conductance of the weight device at each read (S). */
  g: number[];
  res: RunResult;
  ok: boolean;
  message: string;
}

function indexAt(t: Float64Array, x: number): number {
  let lo = 0, hi = t.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid] < x) lo = mid + 1; else hi = mid;
  }
  if (lo > 0 && Math.abs(t[lo - 1] - x) < Math.abs(t[lo] - x)) lo--;
  return lo;
}

/** Build the resolved spec that runs a plan on the protocol's device(s). */
export function planSpec(ctx: ProtocolContext, plan: Plan, every: 'breakpoint' | 'step', label: Record<string, unknown>): ResolvedSpec {
  const w = plan.waveform();
  return {
    device: ctx.device, series: ctx.series, circuit: ctx.circuit, stimulus: w, tEnd: w.duration,
    solver: { method: ctx.method ?? 'auto', rtol: 1e-6, atolScale: 1, maxStep: Infinity, maxSteps: 5e6 },
    record: { every, vRead: plan.read.vRead, devices: [0] },
    seed: ctx.seed,
    raw: { device: ctx.device.preset?.id ?? ctx.device.model.id, series: ctx.series?.preset?.id, ...label },
  };
}

/**
 * Run a plan and read the conductance at its marks. With a series device the weight is the
 * series (drift) device: its virtual read `gB`; for real reads, I/V of the whole stack.
 */
export function runPlan(ctx: ProtocolContext, plan: Plan, label: Record<string, unknown> = {}, every: 'breakpoint' | 'step' = 'breakpoint'): PlanRun {
  const res = simulate(planSpec(ctx, plan, every, label));
  const c = res.columns;
  const t = c.t;
  const g: number[] = [];
  for (const m of plan.marks) {
    const k = indexAt(t, m);
    if (plan.read.mode === 'virtual') g.push(ctx.series ? c.gB[k] : c.g[k]);
    else g.push(c.i[k] / c.vs[k]);
  }
  const ok = res.status === 'ok' && g.every(Number.isFinite);
  return { g, res, ok, message: ok ? 'ok' : `${res.status}: ${res.message}` };
}

/** Describe a read mode in one line for results. */
export function describeRead(r: ReadSettings): string {
  return r.mode === 'virtual'
    ? `virtual read: g = I(${r.vRead} V)/${r.vRead} V at the frozen state (recorder g column), non-perturbing`
    : `real read pulses: ${r.vRead} V for ${r.width} s, g = I/V at the middle of each pulse (the pulses act on the device)`;
}
