/**
 * Running a physical reservoir: streams of bits drive devices of one catalogue model through
 * the shared integration engine (solve/driver `integrate` with DOPRI5, or DOPRI5 / RODAS3
 * switching for stiff models, as the protocols and network/device-batch do), and the device
 * states are read as conductances.
 *
 * Streams are ordered sample-major: stream s belongs to sample floor(s / C) and channel
 * c = s mod C. Channel c is one physical device, the same for every sample: its parameters
 * are drawn once from the `<param>Dtod` spreads (devices/group, stream
 * "reservoir:variability" of the seed), so device-to-device variability is fixed across the
 * data set as in a hardware array. Every stream starts from the device's initial state (the
 * device relaxed fully between two inputs; in Du 2017 the inputs were separated in time for
 * that). `<param>C2c` spreads are not redrawn inside a stream (no switching events here).
 *
 * Streams with the same device and the same bits are integrated once (`dedupe`, exact); up
 * to `batch` streams are integrated at once as one ODE system of S nb unknowns (all share
 * the FrameClock's breakpoints); between reads the run integrates to the read time, then reads
 * G_j = I_j(V_read) / V_read from the model's current (protocols/plan's two read modes).
 * @module network/reservoir/run
 */
import type { DeviceModel } from '../../devices/contract.js';
import { DeviceGroup } from '../../devices/group.js';
import type { ResolvedParams } from '../../devices/params.js';
import { Rng } from '../../rng/rng.js';
import { integrate, type Stepper } from '../../solve/driver.js';
import { ExplicitRK } from '../../solve/explicit-rk.js';
import { AutoStepper } from '../../solve/auto.js';
import { DOPRI5 } from '../../solve/tableaus/dopri5.js';
import { RODAS3 } from '../../solve/tableaus/rosenbrock.js';
import { SpecError } from '../../units/parse.js';
import { Batch } from '../device-batch.js';
import type { StreamScheme } from './encoding.js';
import { FrameClock, type ReadScheme } from './frame-clock.js';
import { StreamTerm } from './stream-term.js';

/** The device of a reservoir: a model with resolved parameters (and spreads). */
export interface ReservoirDevice {
  model: DeviceModel;
  resolved: ResolvedParams;
  /** Preset id or model id, for results. */
  label: string;
}

/** Options of one reservoir run. */
export interface ReservoirRunOptions {
  scheme: StreamScheme;
  read: ReadScheme;
  /** Frames after which the states are read (default: the last frame only). */
  reads?: ArrayLike<number>;
  /** Physical devices (channels); stream s uses device s mod channels. */
  channels: number;
  seed: number;
  /** Integrator relative tolerance (default 1e-6, as the protocols). */
  rtol?: number;
  /** Streams integrated together (default 2048). */
  batch?: number;
  /**
   * Integrate each distinct (device, bit pattern) once and copy its states to every stream
   * with that pair (default true; exact, since a stream starts from its device's initial
   * state and the integration is deterministic). Off for models with stochastic jumps.
   */
  dedupe?: boolean;
}

/** Read states and work counters. */
export interface ReservoirStates {
  /** Conductance of stream s at read r at s * reads + r (S). */
  g: Float64Array;
  streams: number;
  reads: number;
  /** Read times within a stream (s). */
  readTimes: Float64Array;
  status: 'ok' | 'failed';
  message: string;
  /** Work counters; `unique` = streams actually integrated (after dedupe). */
  stats: { solves: number; steps: number; nfev: number; deviceEvals: number; unique: number };
}

/** The read settings of the protocols' defaults: virtual read at 0.1 V. */
export const DEFAULT_READ: Readonly<ReadScheme> = Object.freeze({ mode: 'virtual', vRead: 0.1, width: 1e-6 });

/**
 * Drive `streams` bit streams of `frames` bits each (bits of stream s at s * frames) through
 * the devices and read them. Bad options throw SpecError naming the field; numerical failure
 * is a status.
 */
export function runReservoir(dev: ReservoirDevice, bits: Uint8Array, streams: number, frames: number, o: ReservoirRunOptions): ReservoirStates {
  if (!(Number.isInteger(streams) && streams >= 1)) throw new SpecError('streams', streams, 'a positive integer');
  if (bits.length !== streams * frames) throw new SpecError('bits', `${bits.length} bits`, `${streams} streams x ${frames} frames = ${streams * frames} bits`);
  const C = o.channels;
  if (!(Number.isInteger(C) && C >= 1)) throw new SpecError('channels', C, 'a positive integer');
  if (streams % C !== 0) throw new SpecError('streams', streams, `a multiple of the ${C} channels (sample-major streams)`);
  const rtol = o.rtol ?? 1e-6;
  if (!(rtol > 0 && rtol < 1)) throw new SpecError('rtol', rtol, 'a number in (0, 1)');
  const B = o.batch ?? 2048;
  if (!(Number.isInteger(B) && B >= 1)) throw new SpecError('batch', B, 'a positive integer');
  const clock = new FrameClock(o.scheme, frames, o.read, o.reads);
  const model = dev.model, R = clock.readFrames.length, F = frames;
  const root = new Rng(o.seed);
  const group = new DeviceGroup(model, dev.resolved, C, root, 'reservoir');
  const jump = model.jump ? root.stream('reservoir:jumps') : undefined;
  const chan = new Int32Array(streams);
  for (let s = 0; s < streams; s++) chan[s] = s % C;
  const g = new Float64Array(streams * R);
  if (!(o.dedupe ?? true) || jump) {
    const r = integrateStreams(dev, group, clock, bits, chan, streams, o, rtol, B, jump);
    return { g: r.g, streams, reads: R, readTimes: Float64Array.from(clock.readTimes), status: r.status, message: r.message, stats: { ...r.stats, unique: streams } };
  }
  // identical (device, pattern) pairs give identical states: integrate each once
  const keyOf = new Map<string, number>(), first: number[] = [], which = new Int32Array(streams);
  for (let s = 0; s < streams; s++) {
    let key = `${chan[s]}:`;
    for (let k = 0; k < F; k++) key += bits[s * F + k] ? '1' : '0';
    let u = keyOf.get(key);
    if (u === undefined) { u = first.length; keyOf.set(key, u); first.push(s); }
    which[s] = u;
  }
  const U = first.length, ub = new Uint8Array(U * F), uc = new Int32Array(U);
  for (let u = 0; u < U; u++) { ub.set(bits.subarray(first[u] * F, first[u] * F + F), u * F); uc[u] = chan[first[u]]; }
  const r = integrateStreams(dev, group, clock, ub, uc, U, o, rtol, B, undefined);
  for (let s = 0; s < streams; s++) for (let q = 0; q < R; q++) g[s * R + q] = r.g[which[s] * R + q];
  return { g, streams, reads: R, readTimes: Float64Array.from(clock.readTimes), status: r.status, message: r.message, stats: { ...r.stats, unique: U } };
}

/** Integrate m streams (stream j on device chan[j] of the group) in batches of B and read them. */
function integrateStreams(dev: ReservoirDevice, group: DeviceGroup, clock: FrameClock, bits: Uint8Array, chan: Int32Array, m: number, o: ReservoirRunOptions, rtol: number, B: number, jumpRng: Rng | undefined) {
  const model = dev.model, R = clock.readFrames.length, F = clock.frames, C = group.n;
  const X0 = group.initialState();
  const batch = new Batch(model);
  const term = new StreamTerm(batch, clock);
  const stepper: Stepper = model.stiff ? new AutoStepper(DOPRI5, RODAS3) : new ExplicitRK(DOPRI5);
  const jump = jumpRng ? term.jumpHook(jumpRng) : undefined;
  const amp = model.setPolarity * o.scheme.amplitude;
  const g = new Float64Array(m * R);
  const nbMax = Math.min(B, m);
  const drive = new Float64Array(nbMax * F);
  const vr = new Float64Array(nbMax).fill(o.read.vRead), cur = new Float64Array(nbMax);
  const stats = { solves: 0, steps: 0, nfev: 0, deviceEvals: 0 };
  let status: 'ok' | 'failed' = 'ok', message = 'ok';
  for (let off = 0; off < m && status === 'ok'; off += nbMax) {
    const nb = Math.min(nbMax, m - off);
    for (let q = 0; q < nb * F; q++) drive[q] = bits[off * F + q] ? amp : 0;
    // stream j of the batch starts from the initial state of its device chan[off + j]
    batch.gather(chan, off, nb, X0, group.p, C);
    term.bind(drive);
    const y = batch.x.subarray(0, term.n), atol = batch.atol.subarray(0, term.n);
    let t = 0;
    for (let r = 0; r < R; r++) {
      const tr = clock.readTimes[r];
      if (tr > t) {
        const res = integrate(term, stepper, t, tr, y, { rtol, atol, breakpoints: term.breakpoints, afterStep: jump, maxSteps: 1e6 });
        stats.solves++; stats.steps += res.stats.naccept; stats.nfev += res.stats.nfev; stats.deviceEvals += res.stats.nfev * nb;
        if (res.status !== 'ok') { status = 'failed'; message = `streams ${off}..${off + nb - 1}, up to read ${r} (t = ${tr} s): ${res.status}: ${res.message}`; break; }
        t = tr;
      }
      model.current(vr, batch.x, batch.p, cur, null, nb);
      for (let j = 0; j < nb; j++) {
        const gj = cur[j] / o.read.vRead;
        if (!Number.isFinite(gj)) { status = 'failed'; message = `stream ${off + j}, read ${r}: non-finite conductance`; break; }
        g[(off + j) * R + r] = gj;
      }
      if (status !== 'ok') break;
    }
  }
  return { g, status, message, stats };
}
