/**
 * `device` synapses: every synapse is one device of a catalogue model (any preset, with
 * `<param>Dtod` / `<param>C2c` variability), and plasticity is the device's own dynamics
 * integrated under the voltage the spikes put across it (network/spike-waveform): nothing
 * here knows about STDP. The weight is the device's read conductance mapped linearly onto a
 * weight range:
 *
 *   g = I(x, V_read) / V_read,  w = w_lo + (w_hi - w_lo) (g - g_lo) / (g_hi - g_lo)  (clipped)
 *
 * Event-driven and lazy. A synapse is integrated only when one of its two neurons spikes (and
 * when its weight is asked for): it is then brought from its last time t_l to now, t, through
 * (1) the rest of whatever waveform program was running at t_l (the device's response to the
 * overlapping pre / post spikes: STDP, or a lone spike's effect), then (2) zero bias for the
 * remainder (the relaxation of volatile devices, integrated in one go). Between spikes of
 * its own two neurons the voltage across a synapse is zero, so this is exact, not an
 * approximation: catching up at every spike of either neuron keeps the last pre and post
 * spike times valid over [t_l, t].
 *
 * Batching. The synapses touched in one step are grouped by their program (offsets a, b of
 * the last pre / post spikes and whether the program finishes before t); each group is
 * integrated as one block system (N-device model functions, the solve driver with its
 * breakpoints on every spike edge); the zero-bias remainders of all of them are integrated
 * together with time rescaled per device (device-batch RelaxTerm).
 *
 * Approximations (stated, tested against the protocol engine in test/network-device.test.ts):
 *  - the weight a presynaptic spike delivers is the conductance read (virtual read at V_read,
 *    non-perturbing, as the protocols' `g` column) at the spike time, before its waveform;
 *  - spike times sit on the network grid (t = n dt) and a neuron's new spike restarts its
 *    waveform (see spike-waveform); the device sees the ideal electrode voltages (no series
 *    resistance, no wire or neighbour currents);
 *  - cycle-to-cycle spreads are redrawn when a spike reverses the polarity the synapse last
 *    saw (pre spikes RESET, post spikes SET), as experiment/run redraws them on a sign change.
 * @module network/device-synapses
 */
import type { DeviceModel } from '../devices/contract.js';
import { DeviceGroup } from '../devices/group.js';
import type { ResolvedParams } from '../devices/params.js';
import type { Rng } from '../rng/rng.js';
import { integrate, SolveWorkspace, type Stepper } from '../solve/driver.js';
import type { SolveOptions } from '../solve/types.js';
import { ExplicitRK } from '../solve/explicit-rk.js';
import { Rosenbrock } from '../solve/rosenbrock.js';
import { AutoStepper } from '../solve/auto.js';
import { DOPRI5 } from '../solve/tableaus/dopri5.js';
import { RODAS3 } from '../solve/tableaus/rosenbrock.js';
import type { Connectivity } from './connectivity.js';
import { Batch, ProgramTerm, RelaxTerm } from './device-batch.js';
import { ProgramCache, spikePoints, type SpikeShape } from './spike-waveform.js';
import { ProgramGroups, REST_BINS } from './program-groups.js';
import type { SpikingGroup, SynapseGroup } from './types.js';

/** Resolved (SI) options of device synapses. */
export interface DeviceSynapseOptions {
  model: DeviceModel;
  resolved: ResolvedParams;
  /** Preset id, for provenance. */
  preset?: string;
  /** Spike waveforms of the pre- and postsynaptic neurons (magnitudes). */
  pre: SpikeShape;
  post: SpikeShape;
  /** Read voltage (V) of the weight read. */
  vRead: number;
  /** Weights at g_lo and g_hi. */
  weightRange: [number, number];
  /** Conductances (S) mapped onto weightRange[0] and [1]. */
  conductanceRange: [number, number];
  /** Integrator relative tolerance (the protocols use 1e-6). */
  rtol: number;
  /** Integrator: auto (DOPRI5, switching to RODAS3 for models flagged stiff), dopri5 or rodas3. */
  method: 'auto' | 'dopri5' | 'rodas3';
}

/** Work counters of device synapses. */
export interface DeviceSynapseStats {
  /** Synapse catch-ups (one synapse brought up to date once). */
  catchUps: number;
  /** Synapse-programs integrated (a synapse under a non-zero voltage program). */
  programs: number;
  /** Synapse zero-bias rests integrated. */
  rests: number;
  /** integrate() calls, accepted + rejected steps, rhs evaluations (each over a whole batch). */
  solves: number;
  steps: number;
  nfev: number;
  /** Device-model evaluations (rhs calls times batch size), all and in zero-bias rests. */
  deviceEvals: number;
  restEvals: number;
  /** Weight reads. */
  reads: number;
}

const NEVER = -2147483648;

/** Synapses made of devices (see module doc). */
export class DeviceSynapses implements SynapseGroup {
  readonly kind = 'device' as const;
  readonly n: number;
  readonly preIndex: Int32Array;
  readonly postIndex: Int32Array;
  /** The devices: model, parameters with device-to-device spread. */
  readonly devices: DeviceGroup;
  /** Device states, S x n (state s of synapse k at s n + k). */
  readonly x: Float64Array;
  /** Weight at the last read of each synapse. */
  readonly w: Float64Array;
  readonly stats: DeviceSynapseStats = { catchUps: 0, programs: 0, rests: 0, solves: 0, steps: 0, nfev: 0, deviceEvals: 0, restEvals: 0, reads: 0 };
  status: 'ok' | 'failed' = 'ok';
  message = 'ok';
  private readonly tl: Int32Array;
  private readonly preLast: Int32Array;
  private readonly postLast: Int32Array;
  private readonly lastSign: Int8Array;
  private readonly stamp: Int32Array;
  private stampNow = 0;
  private readonly touched: Int32Array;
  private readonly reads: Int32Array;
  private readonly batch: Batch;
  private readonly prog: ProgramTerm;
  private readonly relax: RelaxTerm;
  private readonly stepper: Stepper;
  private groups!: ProgramGroups;
  private cache!: ProgramCache;
  private target: Float64Array | undefined;
  private dt = NaN;
  private readonly progJump: ((a: number, b: number, y: Float64Array) => boolean) | undefined;
  private readonly relaxJump: ((a: number, b: number, y: Float64Array) => boolean) | undefined;
  private readonly sign: number;
  /** Options of the program and rest solves, allocated once (atol follows the batch buffer). */
  private readonly progOpts: SolveOptions;
  private readonly relaxOpts: SolveOptions;

  /**
   * @param rng the network's root stream: sub-streams `synapses:NAME:variability`, `:c2c`
   *   (devices/group) and `:jumps` are used
   */
  constructor(readonly name: string, readonly pre: SpikingGroup, readonly post: SpikingGroup, readonly conn: Connectivity,
    readonly targetName: string | null, readonly opt: DeviceSynapseOptions, rng: Rng) {
    const n = conn.n;
    this.n = n;
    this.preIndex = conn.pre;
    this.postIndex = conn.post;
    this.devices = new DeviceGroup(opt.model, opt.resolved, n, rng, `synapses:${name}`);
    this.x = this.devices.initialState();
    this.w = new Float64Array(n);
    this.tl = new Int32Array(n);
    this.preLast = new Int32Array(pre.n).fill(NEVER);
    this.postLast = new Int32Array(post.n).fill(NEVER);
    this.lastSign = new Int8Array(n);
    this.stamp = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.reads = new Int32Array(n);
    this.batch = new Batch(opt.model);
    this.prog = new ProgramTerm(this.batch);
    this.relax = new RelaxTerm(this.batch);
    // one stepper for every batch: the steppers keep no state between solves except the
    // auto stepper's explicit / implicit mode, which carries over (deterministically)
    const stiff = opt.model.stiff;
    this.stepper = opt.method === 'dopri5' ? new ExplicitRK(DOPRI5)
      : opt.method === 'rodas3' ? new Rosenbrock(RODAS3)
        : stiff ? new AutoStepper(DOPRI5, RODAS3) : new ExplicitRK(DOPRI5);
    const jr = opt.model.jump ? rng.stream(`synapses:${name}:jumps`) : undefined;
    this.progJump = jr ? this.prog.jumpHook(jr) : undefined;
    this.relaxJump = jr ? this.relax.jumpHook(jr) : undefined;
    this.sign = opt.model.setPolarity;
    const ws = new SolveWorkspace();
    this.progOpts = { rtol: opt.rtol, breakpoints: this.prog.breakpoints, afterStep: this.progJump, maxSteps: 1e6, workspace: ws };
    this.relaxOpts = { rtol: opt.rtol, afterStep: this.relaxJump, maxSteps: 1e6, workspace: ws };
    const [g0, g1] = opt.conductanceRange;
    if (!(g1 > g0)) throw new RangeError(`${name}.conductanceRange: got [${g0}, ${g1}] S, expected g_lo < g_hi`);
  }

  prepare(dt: number): void {
    this.dt = dt;
    this.target = this.targetName === null ? undefined : this.post.input(this.targetName);
    if (this.targetName !== null && !this.target) throw new RangeError(`${this.name}.target: ${this.targetName} is not an input of group ${this.post.name} (${this.post.inputNames.join(', ') || 'none'})`);
    this.cache = new ProgramCache(spikePoints(this.opt.pre), spikePoints(this.opt.post), this.sign, dt);
    this.groups = new ProgramGroups(this.n, this.cache);
    this.batch.setUniform(this.devices.p, this.n, (k) => this.devices.varies(k));
    // weights at t = 0
    this.readAll(this.touchAll());
  }

  /** Distinct voltage programs built so far (work indicator). */
  get programsBuilt(): number { return this.cache ? this.cache.size : 0; }

  onPre(step: number): void {
    const pg = this.pre, qg = this.post, np = pg.spikeCount, nq = qg.spikeCount;
    if ((np === 0 && nq === 0) || this.status !== 'ok') return;
    const c = this.conn, stamp = this.stamp, touched = this.touched;
    const cur = ++this.stampNow;
    let m = 0;
    for (let s = 0; s < np; s++) {
      const i = pg.spikes[s];
      for (let q = c.outStart[i], e = c.outStart[i + 1]; q < e; q++) { const k = c.outSyn[q]; if (stamp[k] !== cur) { stamp[k] = cur; touched[m++] = k; } }
    }
    for (let s = 0; s < nq; s++) {
      const j = qg.spikes[s];
      for (let q = c.inStart[j], e = c.inStart[j + 1]; q < e; q++) { const k = c.inSyn[q]; if (stamp[k] !== cur) { stamp[k] = cur; touched[m++] = k; } }
    }
    this.catchUp(touched, m, step);
    if (this.status !== 'ok') return;
    // weights delivered by the presynaptic spikes: read at the spike time, before its waveform
    if (np > 0) {
      const reads = this.reads;
      let r = 0;
      for (let s = 0; s < np; s++) {
        const i = pg.spikes[s];
        for (let q = c.outStart[i], e = c.outStart[i + 1]; q < e; q++) reads[r++] = c.outSyn[q];
      }
      this.read(reads, r);
      const tg = this.target, w = this.w, post = c.post;
      if (tg) for (let q = 0; q < r; q++) tg[post[reads[q]]] += w[reads[q]];
    }
    // the new waveforms start now
    const c2c = this.devices.hasC2c, sg = this.lastSign, s0 = this.sign;
    for (let s = 0; s < np; s++) {
      const i = pg.spikes[s];
      this.preLast[i] = step;
      if (c2c) for (let q = c.outStart[i], e = c.outStart[i + 1]; q < e; q++) this.polarity(c.outSyn[q], -s0, sg);
    }
    for (let s = 0; s < nq; s++) {
      const j = qg.spikes[s];
      this.postLast[j] = step;
      if (c2c) for (let q = c.inStart[j], e = c.inStart[j + 1]; q < e; q++) this.polarity(c.inSyn[q], s0, sg);
    }
  }

  /** Post pathway: nothing left to do (the pre pathway caught up and registered both sides). */
  onPost(): void { /* see onPre */ }

  weights(step: number, out: Float64Array): void {
    if (this.status === 'ok') this.catchUp(this.touched, this.touchAll(), step);
    this.readAll(this.n);
    out.set(this.w);
  }

  private touchAll(): number {
    for (let k = 0; k < this.n; k++) this.touched[k] = k;
    return this.n;
  }

  private readAll(m: number): void { this.read(this.touched, m); }

  /** Redraw cycle-to-cycle parameters of synapse k when the polarity it sees reverses. */
  private polarity(k: number, sign: number, sg: Int8Array): void {
    if (sg[k] !== 0 && sg[k] !== sign) this.devices.resampleC2c(k);
    sg[k] = sign;
  }

  /** Read the weights of synapses ids[0 .. m) into w (chunks through the batch buffers). */
  private read(ids: Int32Array, m: number): void {
    const b = this.batch, model = this.opt.model, vr = this.opt.vRead, w = this.w;
    const [g0, g1] = this.opt.conductanceRange, [w0, w1] = this.opt.weightRange;
    const lo = Math.min(w0, w1), hi = Math.max(w0, w1), k = (w1 - w0) / (g1 - g0);
    const CH = 4096;
    for (let off = 0; off < m; off += CH) {
      const nb = Math.min(CH, m - off);
      b.gather(ids, off, nb, this.x, this.devices.p, this.n);
      for (let j = 0; j < nb; j++) b.v[j] = vr;
      model.current(b.v, b.x, b.p, b.i, null, nb);
      for (let j = 0; j < nb; j++) {
        const x = w0 + k * (b.i[j] / vr - g0);
        w[ids[off + j]] = x < lo ? lo : x > hi ? hi : x;
      }
    }
    this.stats.reads += m;
  }

  /** Bring synapses ids[0 .. m) from their last time to step (see module doc). */
  private catchUp(ids: Int32Array, m: number, step: number): void {
    const gr = this.groups;
    gr.classify(ids, m, step, this.tl, this.preLast, this.postLast, this.preIndex, this.postIndex);
    const dt = this.dt, b = this.batch, st = this.stats;
    st.catchUps += gr.count;
    for (let g = 0; g < gr.groupCount; g++) {
      const off = gr.groupStart[g], nb = gr.groupStart[g + 1] - off;
      const pr = gr.program(g);
      const span = gr.groupFull[g] ? pr.end : gr.groupL[g] * dt;
      b.gather(gr.order, off, nb, this.x, this.devices.p, this.n);
      this.prog.bind(pr.wave);
      this.solve(this.prog, span, this.progOpts, step);
      b.scatter(gr.order, off, this.x, this.n);
      st.programs += nb;
    }
    for (let r = 0; r < REST_BINS && this.status === 'ok'; r++) {
      const off = gr.restStart[r], nr = gr.restStart[r + 1] - off;
      if (nr === 0) continue;
      b.gather(gr.restOrder, off, nr, this.x, this.devices.p, this.n);
      for (let j = 0; j < nr; j++) b.span[j] = gr.restSorted[off + j];
      this.relax.bind();
      this.solve(this.relax, 1, this.relaxOpts, step);
      b.scatter(gr.restOrder, off, this.x, this.n);
      st.rests += nr;
    }
    const tl = this.tl;
    for (let q = 0; q < m; q++) tl[ids[q]] = step;
  }

  /** Integrate the bound batch over [0, t1] (the driver uses the first term.n entries of the batch buffers). */
  private solve(term: ProgramTerm | RelaxTerm, t1: number, opts: SolveOptions, step: number): void {
    const b = this.batch;
    opts.atol = b.atol;
    const res = integrate(term, this.stepper, 0, t1, b.x, opts);
    const st = this.stats;
    st.solves++;
    st.steps += res.stats.nsteps;
    st.nfev += res.stats.nfev;
    st.deviceEvals += res.stats.nfev * b.nb;
    if (term === this.relax) st.restEvals += res.stats.nfev * b.nb;
    if (res.status !== 'ok' && this.status === 'ok') {
      this.status = 'failed';
      this.message = `${this.name}: device integration ${res.status} in step ${step} (t = ${step * this.dt} s): ${res.message}`;
    }
  }
}

/**
 * Default conductance range of a model: the read conductance at the corners of its state box
 * (every state at its lower or upper bound), nominal parameters. Undefined when a bound is
 * infinite (the user must then give the range).
 */
export function stateBoxConductance(model: DeviceModel, values: Float64Array, vRead: number): [number, number] | undefined {
  const S = model.states.length;
  if (S > 12 || model.states.some((s) => !Number.isFinite(s.min) || !Number.isFinite(s.max))) return undefined;
  const x = new Float64Array(S), v = Float64Array.of(vRead), i = new Float64Array(1);
  let lo = Infinity, hi = -Infinity;
  for (let c = 0; c < 1 << S; c++) {
    for (let s = 0; s < S; s++) x[s] = (c >> s) & 1 ? model.states[s].max : model.states[s].min;
    model.current(v, x, values, i, null, 1);
    const g = i[0] / vRead;
    if (Number.isFinite(g)) { lo = Math.min(lo, g); hi = Math.max(hi, g); }
  }
  return hi > lo ? [lo, hi] : undefined;
}
