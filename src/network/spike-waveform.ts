/**
 * Spike waveforms of device synapses and the voltage programs they make across a synapse.
 *
 * A spike is the waveform of the `stdp` protocol (protocols/stdp.ts): a programming pulse of
 * amplitude A_p and flat top w_p, a gap, then a heating (activating) pulse A_h, w_h of the same
 * polarity; each pulse is a trapezoid with edges e = min(0.02 w, 1 us), built exactly as the
 * protocol's Plan.pulse builds it. W(u) >= 0 is its magnitude u seconds after the spike.
 *
 * The presynaptic neuron drives one electrode and the postsynaptic neuron the other, so the
 * voltage across the device is
 *
 *   v(t) = s [ W_post(t - T_post) - W_pre(t - T_pre) ]
 *
 * with s the model's SET polarity (a post spike alone potentiates, a pre spike alone
 * depresses, as in the protocol); T_pre, T_post are the last spikes of the two neurons. A new
 * spike of a neuron restarts its waveform (the rest of the previous one is dropped: the spike
 * generator is re-triggered). Overlapping pre and post waveforms add.
 *
 * A program is v over one catch-up interval that starts a steps after the last pre spike and
 * b steps after the last post spike (a, b = -1: that side's waveform is over or never began):
 * v(u) = s [W_post(u + b dt) - W_pre(u + a dt)], u >= 0, a piecewise-linear Pwl whose points
 * are every edge of either waveform, so the integrator lands on every edge.
 * @module network/spike-waveform
 */
import { Pwl } from '../stimulus/waveform.js';

/** Shape of one spike (magnitudes, SI). */
export interface SpikeShape {
  /** Programming pulse amplitude (V, >= 0). */
  progAmplitude: number;
  /** Programming pulse flat-top width (s, > 0). */
  progWidth: number;
  /** Heating pulse amplitude (V, >= 0; 0 = none). */
  heatAmplitude: number;
  /** Heating pulse width (s). */
  heatWidth: number;
  /** Gap between the two pulses (s, >= 0). */
  gap: number;
}

/** Edge time of a trapezoid of flat top `width` (protocols/plan: 2 % of the width, at most 1 us). */
export const EDGE_FRACTION = 0.02;
export const MAX_EDGE = 1e-6;

/** Points (u_k, W_k) of one spike, starting at (0, 0) and ending at (duration, 0). */
export interface SpikePoints { t: Float64Array; v: Float64Array; duration: number; }

/** The piecewise-linear magnitude of one spike. */
export function spikePoints(s: SpikeShape): SpikePoints {
  const t: number[] = [0], v: number[] = [0];
  const pulse = (a: number, w: number) => {
    const e = Math.min(w * EDGE_FRACTION, MAX_EDGE), t0 = t[t.length - 1];
    t.push(t0 + e, t0 + e + w, t0 + 2 * e + w);
    v.push(a, a, 0);
  };
  pulse(s.progAmplitude, s.progWidth);
  if (s.gap > 0) { t.push(t[t.length - 1] + s.gap); v.push(0); }
  if (s.heatAmplitude > 0) pulse(s.heatAmplitude, s.heatWidth);
  return { t: Float64Array.from(t), v: Float64Array.from(v), duration: t[t.length - 1] };
}

/** W(x) of spike points: linear between points, 0 outside [0, duration]. */
export function spikeValue(p: SpikePoints, x: number): number {
  const T = p.t, V = p.v, m = T.length;
  if (!(x > 0) || x >= p.duration) return 0;
  let lo = 0, hi = m - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (T[mid] <= x) lo = mid; else hi = mid;
  }
  const d = T[hi] - T[lo];
  return d > 0 ? V[lo] + ((V[hi] - V[lo]) * (x - T[lo])) / d : V[hi];
}

/** A program: its waveform and the time after which it is zero (s). */
export interface Program { wave: Pwl; end: number; }

/**
 * Programs by (a, b) offsets in steps, built on first use and kept (a and b are below the
 * spike duration in steps, so there are at most (D/dt + 1)^2 of them).
 */
export class ProgramCache {
  private readonly map = new Map<number, Program>();
  private readonly K: number;
  /** Largest offset (steps) at which a pre / post waveform is still on. */
  readonly maxPre: number;
  readonly maxPost: number;

  constructor(readonly pre: SpikePoints, readonly post: SpikePoints, readonly sign: number, readonly dt: number) {
    this.maxPre = activeSteps(pre.duration, dt);
    this.maxPost = activeSteps(post.duration, dt);
    this.K = Math.max(this.maxPre, this.maxPost) + 2;
  }

  /** The program for offsets a, b (steps, -1 = off); at least one must be >= 0. */
  get(a: number, b: number): Program {
    const key = (a + 1) * this.K + (b + 1);
    let p = this.map.get(key);
    if (!p) { p = this.build(a, b); this.map.set(key, p); }
    return p;
  }

  /** Number of programs built so far. */
  get size(): number { return this.map.size; }

  private build(a: number, b: number): Program {
    const dt = this.dt, pre = this.pre, post = this.post, s = this.sign;
    const offA = a >= 0 ? a * dt : NaN, offB = b >= 0 ? b * dt : NaN;
    const ts: number[] = [0];
    let end = 0;
    if (a >= 0) { end = Math.max(end, pre.duration - offA); for (const x of pre.t) if (x - offA > 0) ts.push(x - offA); }
    if (b >= 0) { end = Math.max(end, post.duration - offB); for (const x of post.t) if (x - offB > 0) ts.push(x - offB); }
    ts.sort((x, y) => x - y);
    const tt: number[] = [], vv: number[] = [];
    const tol = 1e-12 * Math.max(end, dt);
    for (const u of ts) {
      if (tt.length && u - tt[tt.length - 1] <= tol) continue;
      tt.push(u);
      const wPre = a >= 0 ? spikeValue(pre, u + offA) : 0, wPost = b >= 0 ? spikeValue(post, u + offB) : 0;
      vv.push(s * (wPost - wPre));
    }
    return { wave: new Pwl(tt, vv), end };
  }
}

/** Steps after a spike during which its waveform is still on: the largest a with a dt < duration. */
export function activeSteps(duration: number, dt: number): number {
  return Math.max(0, Math.ceil(duration / dt - 1e-9) - 1);
}
