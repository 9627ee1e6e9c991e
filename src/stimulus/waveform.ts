/**
 * The stimulus contract: a waveform knows its value at t and its breakpoints (every edge),
 * so that integrators never step over a pulse. Waveforms are right-continuous; `valueLeft`
 * gives the left limit for the step that ends on a discontinuity. Nothing here allocates per
 * pulse: a train of 10^6 pulses is one object.
 * @module stimulus/waveform
 */

/** A voltage (or current) waveform. */
export interface Waveform {
  /** Value at t (right limit at a discontinuity). */
  value(t: number): number;
  /** Left limit at t. */
  valueLeft(t: number): number;
  /** The smallest breakpoint strictly greater than t, or Infinity. */
  nextBreakpoint(t: number): number;
  /** End of the waveform (s); after it the value stays at its last level. */
  readonly duration: number;
  /** Largest sensible integration step inside smooth parts (sine: a fraction of the period). */
  readonly maxStep: number;
  /**
   * Optional: when the waveform is affine on [t0, t1] (no breakpoint strictly inside), write
   * out[0] = right-limit value at t0 and out[1] = slope (V/s) and return true, so that a
   * caller evaluating it many times inside one step can skip the lookup. The left limit at
   * t1 is out[0] + out[1] (t1 - t0).
   */
  affine?(t0: number, t1: number, out: Float64Array): boolean;
  /** Optional: true when the waveform has no jumps at all (value equals left limit everywhere). */
  readonly continuous?: boolean;
}

/** Constant level. */
export class Dc implements Waveform {
  readonly maxStep = Infinity;
  constructor(readonly level: number, readonly duration: number) {}
  value(): number { return this.level; }
  valueLeft(): number { return this.level; }
  nextBreakpoint(t: number): number { return t < this.duration ? this.duration : Infinity; }
  affine(_t0: number, _t1: number, out: Float64Array): boolean { out[0] = this.level; out[1] = 0; return true; }
}

/** Trapezoidal pulse shape parameters (SPICE PULSE semantics: width is the flat top). */
export interface PulseShape {
  /** Base level (V). */
  base: number;
  /** Pulse level (V). */
  amplitude: number;
  /** Delay before the first rising edge (s). */
  delay: number;
  rise: number;
  /** Flat-top duration (s). */
  width: number;
  fall: number;
}

/**
 * Periodic train of `count` identical trapezoidal pulses: value and breakpoints are computed
 * arithmetically from (t - delay) mod period.
 */
export class PulseTrain implements Waveform {
  readonly maxStep = Infinity;
  readonly duration: number;
  private readonly edges: Float64Array;
  constructor(readonly shape: PulseShape, readonly period: number, readonly count: number, tail = 0) {
    const { rise, width, fall } = shape;
    if (!(period >= rise + width + fall)) throw new RangeError(`pulse period ${period} s is shorter than rise + width + fall = ${rise + width + fall} s`);
    this.duration = shape.delay + period * (count - 1) + rise + width + fall + tail;
    // breakpoints within one period relative to its start (duplicates removed for zero edges)
    const e = [0, rise, rise + width, rise + width + fall].filter((v, k, a) => k === 0 || v > a[k - 1]);
    this.edges = Float64Array.from(e);
  }
  /** Pulse index and time within its period written by local() (fields, so that no tuple is allocated per call). */
  private lk = 0;
  private ltau = 0;
  /**
   * Pulse index and time within its period, written to lk / ltau (lk = -1 before the first
   * pulse). Times computed as delay + k period + edge carry round-off of order k ulp; tau is
   * snapped to the nearest edge within SNAP * period so that breakpoints produced here map
   * back to exactly the same edge.
   */
  private local(t: number): void {
    const s = t - this.shape.delay;
    const P = this.period;
    if (s < -SNAP * P) { this.lk = -1; this.ltau = s; return; }
    let k = Math.floor(s / P);
    let tau = s - k * P;
    if (tau > P * (1 - SNAP)) { k++; tau = 0; }
    if (k < 0) { k = 0; tau = 0; }
    if (k >= this.count) { k = this.count - 1; tau = s - k * P; }
    const e = this.edges;
    for (let m = 0; m < e.length; m++) if (Math.abs(tau - e[m]) <= SNAP * P) { tau = e[m]; break; }
    this.lk = k;
    this.ltau = tau;
  }
  private shapeAt(tau: number, left: boolean): number {
    const { base, amplitude, rise, width, fall } = this.shape;
    if (tau < 0 || (left && tau === 0)) return base;
    if (tau < rise || (left && tau === rise)) return rise > 0 ? base + ((amplitude - base) * tau) / rise : amplitude;
    if (tau < rise + width || (left && tau === rise + width)) return amplitude;
    if (tau < rise + width + fall || (left && tau === rise + width + fall)) return fall > 0 ? amplitude - ((amplitude - base) * (tau - rise - width)) / fall : base;
    return base;
  }
  value(t: number): number { this.local(t); return this.lk < 0 ? this.shape.base : this.shapeAt(this.ltau, false); }
  valueLeft(t: number): number {
    this.local(t);
    const k = this.lk, tau = this.ltau;
    if (k < 0) return this.shape.base;
    // at an exact period boundary the left limit belongs to the previous period's tail
    if (tau === 0 && k > 0) return this.shapeAt(this.period, true);
    return this.shapeAt(tau, true);
  }
  affine(t0: number, t1: number, out: Float64Array): boolean {
    this.local(t0);
    const { base, amplitude, rise, width, fall } = this.shape;
    const tau = this.ltau;
    let end: number, v0: number, slope: number;
    if (this.lk < 0) { end = 0; v0 = base; slope = 0; } // before the delay: tau < 0 counts up to 0
    else if (tau < rise) { slope = (amplitude - base) / rise; v0 = base + slope * tau; end = rise; }
    else if (tau < rise + width) { slope = 0; v0 = amplitude; end = rise + width; }
    else if (tau < rise + width + fall) { slope = (base - amplitude) / fall; v0 = amplitude + slope * (tau - rise - width); end = rise + width + fall; }
    else { slope = 0; v0 = base; end = this.lk < this.count - 1 ? this.period : Infinity; }
    // the piece must cover [t0, t1] (up to the snapping tolerance of the edges)
    if (!(t1 - t0 <= end - tau + SNAP * this.period)) return false;
    out[0] = v0;
    out[1] = slope;
    return true;
  }
  /** Continuous everywhere when both edges have a finite duration. */
  get continuous(): boolean { return this.shape.rise > 0 && this.shape.fall > 0; }
  nextBreakpoint(t: number): number {
    const d = this.shape.delay, P = this.period, e = this.edges;
    if (t < d - SNAP * P) return d;
    const k0 = Math.max(0, Math.floor((t - d) / P) - 1);
    for (let k = k0; k < this.count && k <= k0 + 3; k++) {
      for (let m = 0; m < e.length; m++) {
        const bp = d + k * P + e[m];
        if (bp > t && bp - t > SNAP * P * 1e-3) return bp;
      }
    }
    return t < this.duration && this.duration - t > SNAP * P * 1e-3 ? this.duration : Infinity;
  }
}

/** Relative snapping tolerance (of the period) for pulse-train edges. */
const SNAP = 1e-9;

/**
 * Piecewise-linear waveform through (t_k, v_k); breakpoints at every point. Times must be
 * strictly increasing except that two equal times make a step (discontinuity).
 */
export class Pwl implements Waveform {
  readonly maxStep = Infinity;
  readonly duration: number;
  readonly t: Float64Array;
  readonly v: Float64Array;
  constructor(t: ArrayLike<number>, v: ArrayLike<number>) {
    if (t.length !== v.length || t.length < 1) throw new RangeError('pwl: times and values must be non-empty and of equal length');
    for (let k = 1; k < t.length; k++) if (!(t[k] >= t[k - 1])) throw new RangeError(`pwl: time ${t[k]} at point ${k} is earlier than the previous one (${t[k - 1]})`);
    this.t = Float64Array.from(t);
    this.v = Float64Array.from(v);
    this.duration = this.t[this.t.length - 1];
  }
  /** Index of the last point with t_k <= t (or -1). */
  private find(t: number, left: boolean): number {
    const T = this.t;
    let lo = 0, hi = T.length - 1;
    if (left ? t <= T[0] : t < T[0]) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (left ? T[mid] < t : T[mid] <= t) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
  private interp(k: number, t: number): number {
    const T = this.t, V = this.v;
    if (k < 0) return V[0];
    if (k >= T.length - 1) return V[T.length - 1];
    const dt = T[k + 1] - T[k];
    return dt > 0 ? V[k] + ((V[k + 1] - V[k]) * (t - T[k])) / dt : V[k + 1];
  }
  value(t: number): number { return this.interp(this.find(t, false), t); }
  valueLeft(t: number): number {
    const k = this.find(t, true);
    if (k < 0) return this.v[0];
    return this.interp(k, t);
  }
  nextBreakpoint(t: number): number {
    const k = this.find(t, false);
    const nk = k + 1;
    return nk < this.t.length ? this.t[nk] : Infinity;
  }
}

/** Sine (or cosine-phase) wave, offset + amplitude sin(2 pi f t + phase), for `cycles` periods. */
export class Sine implements Waveform {
  readonly duration: number;
  readonly maxStep: number;
  constructor(readonly amplitude: number, readonly frequency: number, readonly cycles: number, readonly offset = 0, readonly phase = 0) {
    this.duration = cycles / frequency;
    this.maxStep = 1 / (frequency * 40);
  }
  value(t: number): number { return t > this.duration ? this.value(this.duration) : this.offset + this.amplitude * Math.sin(2 * Math.PI * this.frequency * t + this.phase); }
  valueLeft(t: number): number { return this.value(t); }
  nextBreakpoint(t: number): number {
    // quarter periods are breakpoints so that peaks and zero crossings are hit exactly
    const q = 1 / (4 * this.frequency);
    const k = Math.floor(t / q + 1e-9) + 1;
    const bp = k * q;
    return bp <= this.duration * (1 + 1e-12) ? Math.min(bp, this.duration) : Infinity;
  }
}

/**
 * Concatenation of waveforms in time: segment k runs from start_k for its duration, with its
 * own clock starting at 0. The value after the last segment holds the last level.
 */
export class Sequence implements Waveform {
  readonly duration: number;
  readonly maxStep: number;
  readonly starts: Float64Array;
  constructor(readonly parts: readonly Waveform[]) {
    if (!parts.length) throw new RangeError('sequence: at least one segment is needed');
    this.starts = new Float64Array(parts.length);
    let t = 0;
    parts.forEach((p, k) => { this.starts[k] = t; t += p.duration; });
    this.duration = t;
    this.maxStep = Math.min(...parts.map((p) => p.maxStep));
  }
  private seg(t: number, left: boolean): number {
    const s = this.starts;
    let lo = 0, hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (left ? s[mid] < t : s[mid] <= t) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
  value(t: number): number { const k = this.seg(t, false); return this.parts[k].value(t - this.starts[k]); }
  valueLeft(t: number): number { const k = this.seg(t, true); return this.parts[k].valueLeft(t - this.starts[k]); }
  nextBreakpoint(t: number): number {
    const k = this.seg(t, false);
    const inner = this.parts[k].nextBreakpoint(t - this.starts[k]) + this.starts[k];
    const end = k + 1 < this.starts.length ? this.starts[k + 1] : this.duration;
    const bp = Math.min(inner, end);
    if (bp > t) return bp;
    return t < this.duration ? this.duration : Infinity;
  }
}

/** Sum (or difference) of two waveforms: pre - post spikes across one synapse. */
export class Combine implements Waveform {
  readonly duration: number;
  readonly maxStep: number;
  constructor(readonly a: Waveform, readonly b: Waveform, readonly sign: 1 | -1 = 1) {
    this.duration = Math.max(a.duration, b.duration);
    this.maxStep = Math.min(a.maxStep, b.maxStep);
  }
  value(t: number): number { return this.a.value(t) + this.sign * this.b.value(t); }
  valueLeft(t: number): number { return this.a.valueLeft(t) + this.sign * this.b.valueLeft(t); }
  nextBreakpoint(t: number): number { return Math.min(this.a.nextBreakpoint(t), this.b.nextBreakpoint(t)); }
}

/** Shift a waveform in time (value = base before `delay`). */
export class Delayed implements Waveform {
  readonly duration: number;
  readonly maxStep: number;
  constructor(readonly w: Waveform, readonly delay: number) {
    this.duration = w.duration + delay;
    this.maxStep = w.maxStep;
  }
  value(t: number): number { return this.w.value(Math.max(0, t - this.delay)); }
  valueLeft(t: number): number { return t <= this.delay ? this.w.valueLeft(0) : this.w.valueLeft(t - this.delay); }
  nextBreakpoint(t: number): number {
    if (t < this.delay) return this.delay;
    const b = this.w.nextBreakpoint(t - this.delay);
    return b === Infinity ? Infinity : b + this.delay;
  }
}

/**
 * Bipolar triangular sweep: 0 -> vMax -> 0 -> vMin -> 0 per cycle (DC I-V measurement).
 * @param period time of one full cycle
 */
export function triangleSweep(vMax: number, vMin: number, period: number, cycles = 1): Pwl {
  const t: number[] = [], v: number[] = [];
  const q = period / 4;
  for (let c = 0; c < cycles; c++) {
    const t0 = c * period;
    if (c === 0) { t.push(0); v.push(0); }
    t.push(t0 + q, t0 + 2 * q, t0 + 3 * q, t0 + 4 * q);
    v.push(vMax, 0, vMin, 0);
  }
  return new Pwl(t, v);
}

/**
 * A spike of the shape used in memristive STDP experiments: a rectangular (or ramped) main
 * phase of amplitude a1 and width w1 followed by an opposite tail a2 of width w2 (pass a2 = 0
 * for a single-phase spike). Edges of duration `edge`.
 */
export function spike(a1: number, w1: number, a2: number, w2: number, edge: number): Pwl {
  const t = [0, edge, edge + w1, 2 * edge + w1];
  const v = [0, a1, a1, a2 === 0 ? 0 : a2];
  if (a2 !== 0) {
    t.push(2 * edge + w1 + w2, 3 * edge + w1 + w2);
    v.push(a2, 0);
  }
  return new Pwl(t, v);
}
