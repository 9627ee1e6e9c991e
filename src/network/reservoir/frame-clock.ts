/**
 * The time structure shared by every stream of a reservoir run: F frames of width T, the
 * programming pulse's trapezoid at the start of each frame (network/reservoir/encoding), and
 * the reads. All streams of one run share these breakpoints; only the amplitude per frame
 * differs between devices (0 for a 0 bit), so N devices integrate as one batch and the
 * integrator lands on every edge (DESIGN.md: breakpoints reach the controller).
 *
 * Reads (the protocols' two modes, protocols/plan):
 *  - virtual: G = I(V_read) / V_read of the frozen state at the end of frame k (non-perturbing);
 *  - pulse:   a real read pulse of V_read and flat-top width w_r at the end of frame k (it ends
 *             at (k + 1) T), applied to every device; G = I / V_read at the middle of its flat
 *             top. The read pulse acts on the device like any voltage.
 * Reading after several frames gives "virtual nodes" (the state sampled at several times).
 * The waveform is continuous (trapezoids), so value and left limit agree everywhere.
 * @module network/reservoir/frame-clock
 */
import { SpecError } from '../../units/parse.js';
import { checkScheme, pulseEdge, type StreamScheme } from './encoding.js';

/** Read settings (SI). */
export interface ReadScheme {
  mode: 'virtual' | 'pulse';
  /** Read voltage, V. */
  vRead: number;
  /** Flat-top width of a real read pulse, s. */
  width: number;
}

/** Frame timing of a batch: breakpoints, the unit pulse shape and the read times. */
export class FrameClock {
  readonly frames: number;
  readonly T: number;
  /** Breakpoint offsets inside a frame without / with a read pulse (sorted, in (0, T]). */
  private readonly offPlain: Float64Array;
  private readonly offRead: Float64Array;
  private readonly isRead: Uint8Array;
  private readonly e: number;
  private readonly w: number;
  private readonly re: number;
  private readonly rw: number;
  private readonly rStart: number;
  /** Read times (s), one per read frame, increasing. */
  readonly readTimes: Float64Array;
  /** Frames after which a read is taken. */
  readonly readFrames: Int32Array;
  readonly end: number;

  constructor(readonly scheme: StreamScheme, frames: number, readonly read: ReadScheme, readFrames?: ArrayLike<number>) {
    checkScheme(scheme);
    if (!(Number.isInteger(frames) && frames >= 1)) throw new SpecError('frames', frames, 'a positive integer');
    if (read.mode !== 'virtual' && read.mode !== 'pulse') throw new SpecError('read.mode', read.mode, 'virtual or pulse');
    if (!(read.vRead > 0 && Number.isFinite(read.vRead))) throw new SpecError('read.vRead', read.vRead, 'a positive voltage (V)');
    this.frames = frames;
    this.T = scheme.frame;
    this.e = pulseEdge(scheme.width);
    this.w = scheme.width;
    const rf = readFrames ? Int32Array.from(readFrames) : Int32Array.of(frames - 1);
    if (!rf.length) throw new SpecError('reads', '[]', 'at least one read frame');
    for (let k = 0; k < rf.length; k++) {
      if (!(Number.isInteger(rf[k]) && rf[k] >= 0 && rf[k] < frames) || (k > 0 && rf[k] <= rf[k - 1])) {
        throw new SpecError(`reads[${k}]`, rf[k], `increasing frame indices in [0, ${frames - 1}]`);
      }
    }
    this.readFrames = rf;
    this.isRead = new Uint8Array(frames);
    for (const k of rf) this.isRead[k] = 1;
    const prog = [this.e, this.e + this.w, 2 * this.e + this.w];
    this.offPlain = Float64Array.from([...prog, this.T]);
    if (read.mode === 'pulse') {
      if (!(read.width > 0 && Number.isFinite(read.width))) throw new SpecError('read.width', read.width, 'a positive time (s)');
      this.re = pulseEdge(read.width);
      this.rw = read.width;
      this.rStart = this.T - (this.rw + 2 * this.re);
      if (this.rStart < prog[2]) throw new SpecError('read.width', read.width, `a read pulse that fits after the programming pulse (${this.T - prog[2]} s free in the frame)`);
      const r0 = this.rStart;
      const rOff = [r0, r0 + this.re, r0 + this.re + this.rw / 2, r0 + this.re + this.rw, this.T].filter((o, k, a) => k === 0 ? o > prog[2] : o > a[k - 1]);
      this.offRead = Float64Array.from([...prog, ...rOff]);
    } else {
      this.re = 0; this.rw = 0; this.rStart = this.T;
      this.offRead = this.offPlain;
    }
    this.readTimes = Float64Array.from(rf, (k) => (read.mode === 'virtual' ? (k + 1) * this.T : k * this.T + this.rStart + this.re + this.rw / 2));
    this.end = frames * this.T;
  }

  /** Frame index of time t, clamped to [0, F - 1]. */
  frameAt(t: number): number {
    const k = Math.floor(t / this.T);
    return k < 0 ? 0 : k >= this.frames ? this.frames - 1 : k;
  }

  /** Unit programming-pulse shape p(t - k T) in [0, 1]. */
  unit(t: number): number {
    const k = this.frameAt(t), s = t - k * this.T, e = this.e, w = this.w;
    if (s <= 0) return 0;
    if (s < e) return s / e;
    if (s <= e + w) return 1;
    if (s < 2 * e + w) return (2 * e + w - s) / e;
    return 0;
  }

  /** Read-pulse voltage at t (0 in virtual mode and outside read frames). */
  readVoltage(t: number): number {
    if (this.rw === 0) return 0;
    const k = this.frameAt(t);
    if (!this.isRead[k]) return 0;
    const s = t - k * this.T - this.rStart, e = this.re, w = this.rw, v = this.read.vRead;
    if (s <= 0) return 0;
    if (s < e) return (v * s) / e;
    if (s <= e + w) return v;
    if (s < 2 * e + w) return (v * (2 * e + w - s)) / e;
    return 0;
  }

  /** The smallest breakpoint strictly after t (Infinity past the last frame). Allocation-free. */
  next(t: number): number {
    const T = this.T;
    let k = Math.floor(t / T) - 1;
    if (k < 0) k = 0;
    for (; k < this.frames; k++) {
      const off = this.isRead[k] ? this.offRead : this.offPlain, base = k * T;
      for (let q = 0; q < off.length; q++) {
        const b = q === off.length - 1 ? (k + 1) * T : base + off[q];
        if (b > t) return b;
      }
    }
    return Infinity;
  }
}
