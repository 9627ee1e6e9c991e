/**
 * A multi-terminal device driven by one ideal voltage source per terminal: the ODE term the
 * integrators see, its breakpoints (the union of every terminal waveform's edges) and a
 * small runner that records the state, the terminal currents and the channel conductances.
 *
 *   v_k(t) = source_k(t)      (left limit at a step's end, as circuit/measure does)
 *   dx/dt  = model.rhs(t, v(t), x)
 *
 * A terminal without a waveform is held at 0 V (ground). No series resistance: the
 * heterosynaptic systems are driven as in the experiments, by source-measure units.
 * @module circuit/multi-terminal
 */
import type { OdeSystem, Breakpoints, SolveStats, SolveStatus } from '../solve/types.js';
import type { MultiTerminalModel } from '../devices/multi-terminal.js';
import type { Waveform } from '../stimulus/waveform.js';
import { integrate } from '../solve/driver.js';
import { ExplicitRK } from '../solve/explicit-rk.js';
import { Rosenbrock } from '../solve/rosenbrock.js';
import { DOPRI5 } from '../solve/tableaus/dopri5.js';
import { RODAS3 } from '../solve/tableaus/rosenbrock.js';

/** The multi-terminal system as an ODE term. */
export class MultiTerminalTerm implements OdeSystem, Breakpoints {
  readonly n: number;
  readonly terminals: string[];
  readonly channels: string[];
  /** Terminal potentials at the last evaluation (V). */
  readonly v: Float64Array;
  /** Largest step the waveforms allow (sines). */
  readonly maxStep: number;
  /** End of the longest waveform (s). */
  readonly duration: number;
  private readonly src: (Waveform | undefined)[];
  private tEnd = Infinity;

  /**
   * @param sources one waveform per terminal, in the order of model.terminals(p); undefined = 0 V
   */
  constructor(readonly model: MultiTerminalModel, readonly p: Float64Array, sources: readonly (Waveform | undefined)[]) {
    this.terminals = model.terminals(p);
    this.channels = model.channels(p);
    if (sources.length !== this.terminals.length) {
      throw new RangeError(`model ${model.id} has ${this.terminals.length} terminals (${this.terminals.join(', ')}), got ${sources.length} waveforms`);
    }
    this.src = [...sources];
    this.n = model.states(p).length;
    this.v = new Float64Array(this.terminals.length);
    this.maxStep = Math.min(Infinity, ...sources.map((s) => s?.maxStep ?? Infinity));
    this.duration = Math.max(0, ...sources.map((s) => s?.duration ?? 0));
  }

  /** A fresh initial state. */
  initialState(): Float64Array {
    const x = new Float64Array(this.n);
    this.model.init(this.p, x);
    return x;
  }

  setInterval(_t0: number, t1: number): void { this.tEnd = t1; }

  /** Terminal potentials at t; `left` selects the left limit (step ends). */
  potentials(t: number, left: boolean, out: Float64Array = this.v): Float64Array {
    for (let k = 0; k < this.src.length; k++) {
      const s = this.src[k];
      out[k] = s === undefined ? 0 : left ? s.valueLeft(t) : s.value(t);
    }
    return out;
  }

  rhs(t: number, y: Float64Array, dydt: Float64Array): void {
    this.potentials(t, t >= this.tEnd);
    this.model.rhs(t, this.v, y, this.p, dydt);
  }

  next(t: number): number {
    let b = Infinity;
    for (const s of this.src) if (s) { const x = s.nextBreakpoint(t); if (x < b) b = x; }
    return b;
  }
}

/** Options of runMultiTerminal. */
export interface MultiTerminalRunOptions {
  rtol?: number;
  /** Record at every accepted step ('step') or only at breakpoints and the end ('breakpoint'). */
  every?: 'step' | 'breakpoint';
  maxSteps?: number;
}

/** Recorded run of a multi-terminal system. */
export interface MultiTerminalRun {
  status: SolveStatus;
  message: string;
  stats: SolveStats;
  t: Float64Array;
  /** State trajectories by state name. */
  states: Record<string, Float64Array>;
  /** Channel conductances by channel name (S). */
  g: Record<string, Float64Array>;
  /** Terminal currents by terminal name (A), right limits of the sources. */
  i: Record<string, Float64Array>;
  /** Final state (the array passed in, or the initial state, advanced). */
  final: Float64Array;
}

/**
 * Integrate a multi-terminal term from 0 to tEnd (default: the longest waveform) from x0
 * (default: the model's initial state). DOPRI5, or RODAS3 for stiff models; lands on every
 * edge of every terminal waveform.
 */
export function runMultiTerminal(term: MultiTerminalTerm, tEnd = term.duration, x0?: Float64Array, opts: MultiTerminalRunOptions = {}): MultiTerminalRun {
  const m = term.model, p = term.p;
  const y = x0 ? Float64Array.from(x0) : term.initialState();
  const st = m.states(p);
  const atol = Float64Array.from(st, (s) => s.atol);
  const nT = term.terminals.length, nC = term.channels.length;
  const rows: number[][] = [];
  const gBuf = new Float64Array(nC), iBuf = new Float64Array(nT), vBuf = new Float64Array(nT);
  const every = opts.every ?? 'breakpoint';
  const rec = (t: number, yy: Float64Array) => {
    m.conductances(yy, p, gBuf);
    m.currents(term.potentials(t, false, vBuf), yy, p, iBuf);
    const row = [t, ...yy, ...gBuf, ...iBuf];
    if (rows.length && rows[rows.length - 1][0] === t) rows[rows.length - 1] = row; else rows.push(row);
  };
  const stepper = m.stiff ? new Rosenbrock(RODAS3) : new ExplicitRK(DOPRI5);
  const res = integrate(term, stepper, 0, tEnd, y, {
    rtol: opts.rtol ?? 1e-6, atol, breakpoints: term, hMax: term.maxStep, maxSteps: opts.maxSteps ?? 1e7,
    observer: (t, yy, kind) => { if (every === 'step' || kind !== 'step') rec(t, yy); },
  });
  const col = (k: number) => Float64Array.from(rows, (r) => r[k]);
  const states: Record<string, Float64Array> = {}, g: Record<string, Float64Array> = {}, i: Record<string, Float64Array> = {};
  st.forEach((s, k) => { states[s.name] = col(1 + k); });
  term.channels.forEach((c, k) => { g[c] = col(1 + st.length + k); });
  term.terminals.forEach((c, k) => { i[c] = col(1 + st.length + nC + k); });
  return { status: res.status, message: res.message, stats: res.stats, t: col(0), states, g, i, final: y };
}
