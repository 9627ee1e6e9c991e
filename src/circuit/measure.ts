/**
 * The measurement circuit around a device: an ideal voltage source, a series resistance, a
 * current compliance (the source-measure unit switches to current-source mode when the
 * current would exceed it, as a parameter analyzer or a 1T1R transistor does) and optionally
 * a second device in series (selector + memory, diffusive + drift), with the shared node
 * solved at every evaluation. This is the OdeSystem the integrators see.
 *
 *   source v_s(t) -- R_s -- device A -- node u -- device B -- ground
 *
 * Voltages across the devices are found by bracketed Newton iterations on monotone scalar
 * equations (each device's instantaneous I(V) at fixed state is increasing), warm-started
 * from the previous solution. No allocation per evaluation.
 * @module circuit/measure
 */
import type { OdeSystem, JacobianStructure } from '../solve/types.js';
import type { DeviceGroup } from '../devices/group.js';
import type { Waveform } from '../stimulus/waveform.js';

/** Series elements of the measurement set-up (SI). */
export interface Circuit {
  /** Series resistance (Ohm), >= 0. */
  series: number;
  /** Current compliance (A), Infinity for none. */
  compliance: number;
}

const VTOL_ABS = 1e-13;
const VTOL_REL = 1e-11;
const MAX_IT = 200;

/** Vectorised inverse I -> V of one device group at fixed state, bracketed Newton. */
class Inverter {
  private readonly i: Float64Array;
  /** dI/dV of each device at the last iterate of solve() (close to the solution on return). */
  readonly g: Float64Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly done: Uint8Array;
  constructor(private readonly grp: DeviceGroup) {
    const n = grp.n;
    this.i = new Float64Array(n);
    this.g = new Float64Array(n);
    this.lo = new Float64Array(n);
    this.hi = new Float64Array(n);
    this.done = new Uint8Array(n);
  }
  /** v[j] such that I_j(v) = target[j] within [-vmax_j, vmax_j]; v holds the warm start. */
  solve(x: Float64Array, target: Float64Array, vmax: Float64Array, v: Float64Array): void {
    const n = this.grp.n, m = this.grp.model, p = this.grp.p, i = this.i, g = this.g, lo = this.lo, hi = this.hi, done = this.done;
    for (let j = 0; j < n; j++) {
      lo[j] = -vmax[j];
      hi[j] = vmax[j];
      done[j] = 0;
      if (!(v[j] > lo[j] && v[j] < hi[j])) v[j] = 0;
    }
    for (let it = 0; it < MAX_IT; it++) {
      m.current(v, x, p, i, g, n);
      let open = 0;
      for (let j = 0; j < n; j++) {
        if (done[j]) continue;
        const f = i[j] - target[j];
        if (f === 0) { done[j] = 1; continue; }
        if (f > 0) hi[j] = v[j]; else lo[j] = v[j];
        let vn = g[j] > 0 ? v[j] - f / g[j] : NaN;
        if (!(vn > lo[j] && vn < hi[j])) vn = 0.5 * (lo[j] + hi[j]);
        const dv = Math.abs(vn - v[j]);
        v[j] = vn;
        if (dv <= VTOL_ABS + VTOL_REL * Math.abs(vn) || hi[j] - lo[j] <= VTOL_ABS + VTOL_REL * Math.abs(vn)) done[j] = 1;
        else open++;
      }
      if (open === 0) return;
    }
  }
}

/** The device(s) in the measurement circuit as an ODE term over all device states. */
export class MeasurementTerm implements OdeSystem {
  readonly n: number;
  readonly structure: JacobianStructure;
  readonly nDev: number;
  /** Source voltage at the last evaluation. */
  readonly vs: Float64Array;
  /** Voltage across device A (and B) at the last evaluation. */
  readonly vA: Float64Array;
  readonly vB: Float64Array;
  /** Current through the stack at the last evaluation. */
  readonly cur: Float64Array;
  /** 1 where the compliance limited the current at the last evaluation. */
  readonly limited: Uint8Array;
  private readonly a: DeviceGroup;
  private readonly b: DeviceGroup | undefined;
  private readonly sA: number;
  private readonly sB: number;
  private readonly xA: Float64Array;
  private readonly xB: Float64Array;
  private readonly dA: Float64Array;
  private readonly dB: Float64Array;
  private readonly invA: Inverter;
  private readonly invB: Inverter | undefined;
  private readonly target: Float64Array;
  private readonly vmax: Float64Array;
  private readonly iA: Float64Array;
  private readonly gA: Float64Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly done: Uint8Array;
  private readonly gB: Float64Array;
  private readonly fLo: Float64Array;
  private readonly fHi: Float64Array;
  private readonly side: Int8Array;
  /** Outer iterations of the series-pair solve, summed over calls (work counter). */
  pairIterations = 0;
  /** Calls of the series-pair solve (work counter). */
  pairSolves = 0;
  private tEnd = Infinity;
  private readonly direct: boolean;

  constructor(readonly source: Waveform, readonly circuit: Circuit, a: DeviceGroup, b?: DeviceGroup) {
    if (b && b.n !== a.n) throw new RangeError(`series device count ${b.n} differs from ${a.n}`);
    if (!(circuit.series >= 0)) throw new RangeError(`circuit.series: got ${circuit.series}, expected a resistance >= 0`);
    if (!(circuit.compliance > 0)) throw new RangeError(`circuit.compliance: got ${circuit.compliance}, expected a positive current`);
    this.a = a;
    this.b = b;
    const N = a.n;
    this.nDev = N;
    this.sA = a.model.states.length;
    this.sB = b ? b.model.states.length : 0;
    this.n = (this.sA + this.sB) * N;
    this.structure = { kind: 'block', blocks: N, size: this.sA + this.sB };
    this.xA = new Float64Array(this.sA * N);
    this.xB = new Float64Array(this.sB * N);
    this.dA = new Float64Array(this.sA * N);
    this.dB = new Float64Array(this.sB * N);
    this.vs = new Float64Array(N);
    this.vA = new Float64Array(N);
    this.vB = new Float64Array(N);
    this.cur = new Float64Array(N);
    this.limited = new Uint8Array(N);
    this.invA = new Inverter(a);
    this.invB = b ? new Inverter(b) : undefined;
    this.target = new Float64Array(N);
    this.vmax = new Float64Array(N);
    this.iA = new Float64Array(N);
    this.gA = new Float64Array(N);
    this.lo = new Float64Array(N);
    this.hi = new Float64Array(N);
    this.done = new Uint8Array(N);
    this.gB = new Float64Array(b ? N : 0);
    this.fLo = new Float64Array(b ? N : 0);
    this.fHi = new Float64Array(b ? N : 0);
    this.side = new Int8Array(b ? N : 0);
    this.direct = !b && circuit.series === 0 && circuit.compliance === Infinity;
    this.contSource = source.continuous === true;
  }

  /** Start, value and slope of the source on the current step when it is affine there. */
  private t0 = 0;
  private readonly lin = new Float64Array(2);
  private affine = false;

  setInterval(t0: number, t1: number): void {
    this.tEnd = t1;
    this.t0 = t0;
    this.affine = this.source.affine !== undefined && this.source.affine(t0, t1, this.lin);
  }

  /** The source is continuous at t, so f(t, y) at a breakpoint equals the step's last stage. */
  continuousAt(t: number): boolean { return this.contSource || this.source.value(t) === this.source.valueLeft(t); }
  private readonly contSource: boolean;

  /** Source value seen by a step that ends at tEnd (left limit there). */
  sourceAt(t: number): number {
    return t >= this.tEnd ? this.source.valueLeft(t) : this.source.value(t);
  }

  rhs(t: number, y: Float64Array, dydt: Float64Array): void {
    const vsrc = this.affine && t <= this.tEnd && t >= this.t0 ? this.lin[0] + this.lin[1] * (t - this.t0)
      : t >= this.tEnd ? this.source.valueLeft(t) : this.source.value(t);
    if (this.direct) {
      // fast path (source straight across one device): the rates need only the voltage, so
      // neither the current nor the other outputs of solve() are computed here; evaluate()
      // fills them for recording
      const vA = this.vA, N = this.nDev;
      for (let j = 0; j < N; j++) vA[j] = vsrc;
      this.a.model.rhs(t, vA, y, this.a.p, dydt, N);
      return;
    }
    this.solve(vsrc, y);
    if (!this.b) {
      this.a.model.rhs(t, this.vA, y, this.a.p, dydt, this.nDev);
      return;
    }
    this.a.model.rhs(t, this.vA, this.xA, this.a.p, this.dA, this.nDev);
    this.b.model.rhs(t, this.vB, this.xB, this.b.p, this.dB, this.nDev);
    dydt.set(this.dA, 0);
    dydt.set(this.dB, this.dA.length);
  }

  /** Split y into the groups' state arrays (pair) — a view for a single device. */
  private split(y: Float64Array): void {
    if (!this.b) return;
    const la = this.xA.length;
    for (let k = 0; k < la; k++) this.xA[k] = y[k];
    for (let k = 0; k < this.xB.length; k++) this.xB[k] = y[la + k];
  }

  /**
   * Solve the circuit at source voltage vsrc (same for every device) and state y.
   * Fills vs, vA, vB, cur, limited.
   */
  solve(vsrc: number, y: Float64Array): void {
    const N = this.nDev, R = this.circuit.series, Icc = this.circuit.compliance;
    this.vs.fill(vsrc);
    this.split(y);
    const xA = this.b ? this.xA : y;
    if (this.direct) {
      this.vA.fill(vsrc);
      this.a.model.current(this.vA, xA, this.a.p, this.cur, null, N);
      return;
    }
    this.limited.fill(0);
    if (!this.b) this.solveSingle(vsrc, xA, R);
    else this.solvePair(vsrc, R);
    if (Icc < Infinity) {
      let any = false;
      for (let j = 0; j < N; j++) if (Math.abs(this.cur[j]) > Icc) { any = true; break; }
      if (any) {
        // current-source mode: I = +-Icc for the limited devices; others keep their solution
        for (let j = 0; j < N; j++) {
          const lim = Math.abs(this.cur[j]) > Icc;
          this.limited[j] = lim ? 1 : 0;
          this.target[j] = lim ? Math.sign(this.cur[j]) * Icc : this.cur[j];
          this.vmax[j] = Math.abs(vsrc) + 1;
        }
        const keepA = Float64Array.from(this.vA); // rare path (compliance engaged): allocation acceptable
        this.invA.solve(xA, this.target, this.vmax, this.vA);
        if (this.b) {
          const keepB = Float64Array.from(this.vB);
          this.invB!.solve(this.xB, this.target, this.vmax, this.vB);
          for (let j = 0; j < N; j++) if (!this.limited[j]) { this.vA[j] = keepA[j]; this.vB[j] = keepB[j]; }
        } else for (let j = 0; j < N; j++) if (!this.limited[j]) this.vA[j] = keepA[j];
        for (let j = 0; j < N; j++) if (this.limited[j]) this.cur[j] = this.target[j];
      }
    }
  }

  /** One device behind R: I(v) = (vs - v) / R, bracketed Newton on v in [min(0,vs), max(0,vs)]. */
  private solveSingle(vsrc: number, x: Float64Array, R: number): void {
    const N = this.nDev, m = this.a.model, p = this.a.p, v = this.vA, i = this.iA, g = this.gA, lo = this.lo, hi = this.hi, done = this.done;
    if (R === 0) {
      v.fill(vsrc);
      m.current(v, x, p, this.cur, null, N);
      return;
    }
    const G = 1 / R;
    let a = Math.min(0, vsrc), b = Math.max(0, vsrc);
    // widen for devices with an emf (non-zero-crossing)
    if (!m.zeroCrossing) { a -= 2; b += 2; }
    for (let j = 0; j < N; j++) {
      lo[j] = a; hi[j] = b; done[j] = 0;
      if (!(v[j] >= a && v[j] <= b)) v[j] = 0.5 * (a + b);
    }
    for (let it = 0; it < MAX_IT; it++) {
      m.current(v, x, p, i, g, N);
      let open = 0;
      for (let j = 0; j < N; j++) {
        if (done[j]) continue;
        const f = i[j] - (vsrc - v[j]) * G;
        if (f === 0) { done[j] = 1; continue; }
        if (f > 0) hi[j] = v[j]; else lo[j] = v[j];
        let vn = v[j] - f / (g[j] + G);
        if (!(vn > lo[j] && vn < hi[j])) vn = 0.5 * (lo[j] + hi[j]);
        const dv = Math.abs(vn - v[j]);
        v[j] = vn;
        if (dv <= VTOL_ABS + VTOL_REL * Math.abs(vn) || hi[j] - lo[j] <= VTOL_ABS) done[j] = 1; else open++;
      }
      if (open === 0) break;
    }
    m.current(v, x, p, this.cur, null, N);
  }

  /**
   * Two devices in series behind R. Outer iteration on the node voltage u (across B):
   * I = I_B(u); the voltage across A is the inverse v_A(I) (inner bracketed Newton); the KVL
   * residual F(u) = vs - R I - v_A(I) - u is decreasing in u, with
   * F'(u) = -1 - g_B (R + 1 / g_A). Each device iterates from its previous solution (warm
   * start) with Newton steps on F, kept inside a bracket [lo, hi] that always holds the
   * root; a step leaving the bracket is replaced by an Illinois (modified regula falsi) step
   * on the bracket's end values, or by bisection while one end value is still unknown.
   */
  private solvePair(vsrc: number, R: number): void {
    const N = this.nDev, b = this.b!, u = this.vB, lo = this.lo, hi = this.hi, done = this.done, cur = this.cur;
    const gB = this.gB, gA = this.invA.g, fLo = this.fLo, fHi = this.fHi, side = this.side;
    const a0 = Math.min(0, vsrc), b0 = Math.max(0, vsrc);
    const ftol = VTOL_ABS + VTOL_REL * Math.abs(vsrc);
    for (let j = 0; j < N; j++) {
      lo[j] = a0; hi[j] = b0; done[j] = 0; side[j] = 0;
      fLo[j] = NaN; fHi[j] = NaN;
      this.vmax[j] = Math.abs(vsrc) + 1e-9;
      if (!(u[j] >= a0 && u[j] <= b0)) u[j] = 0.5 * (a0 + b0);
    }
    this.pairSolves++;
    for (let it = 0; it < MAX_IT; it++) {
      this.pairIterations++;
      b.model.current(u, this.xB, b.p, cur, gB, N);
      this.target.set(cur);
      this.invA.solve(this.xA, this.target, this.vmax, this.vA);
      let open = 0;
      for (let j = 0; j < N; j++) {
        if (done[j]) continue;
        const uj = u[j];
        const F = vsrc - R * cur[j] - this.vA[j] - uj;
        if (Math.abs(F) <= ftol) { done[j] = 1; continue; }
        if (F > 0) {
          lo[j] = uj; fLo[j] = F;
          if (side[j] === 1) fHi[j] *= 0.5; // Illinois: the same end moved twice, halve the other's weight
          side[j] = 1;
        } else {
          hi[j] = uj; fHi[j] = F;
          if (side[j] === -1) fLo[j] *= 0.5;
          side[j] = -1;
        }
        if (hi[j] - lo[j] <= ftol) { done[j] = 1; u[j] = 0.5 * (lo[j] + hi[j]); continue; }
        // A cannot carry I_B(u) within |v_A| <= |vs| (a near-open A and u too high): its inverse
        // sits at the bracket end and no longer follows u, so F'(u) = -1 - R g_B there. The
        // general slope (through 1/g_A at the clipped end) would be ~1e6 too steep and Newton
        // would creep by ~1e-7 V per iteration, stopping at MAX_IT far from the root.
        const clipped = Math.abs(this.vA[j]) > Math.abs(vsrc);
        const dF = clipped ? -1 - R * gB[j] : -1 - gB[j] * (R + 1 / gA[j]);
        let un = uj - F / dF;
        if (!(un > lo[j] && un < hi[j])) {
          un = fLo[j] > 0 && fHi[j] < 0 ? (lo[j] * fHi[j] - hi[j] * fLo[j]) / (fHi[j] - fLo[j]) : NaN;
          if (!(un > lo[j] && un < hi[j])) un = 0.5 * (lo[j] + hi[j]);
        }
        u[j] = un;
        if (Math.abs(un - uj) <= VTOL_ABS + VTOL_REL * Math.abs(un)) { done[j] = 1; continue; }
        open++;
      }
      if (open === 0) break;
    }
    // current and A's voltage at the final u, so that I_A(v_A) = I_B(u) holds to the inner
    // tolerance even where B is steep (a last Newton update of u moves I_B by g_B du)
    b.model.current(u, this.xB, b.p, cur, null, N);
    this.target.set(cur);
    this.invA.solve(this.xA, this.target, this.vmax, this.vA);
  }

  /** Evaluate the circuit at (t, y) for recording (right limit of the source). */
  evaluate(t: number, y: Float64Array): void {
    this.solve(this.source.value(t), y);
  }

  /** Device groups (A, then B when present). */
  get groups(): DeviceGroup[] { return this.b ? [this.a, this.b] : [this.a]; }
}
