/**
 * Cell elements of a crossbar: what sits between word-line node W and bit-line node B of each
 * cell. Every element maps the voltage across it to a current and its derivative for all
 * M x N cells at once (struct-of-arrays, no allocation per evaluation):
 *
 *  - DeviceElement: any catalogue DeviceModel through its `current` (1R, or the memory of a
 *    1S1R / 1T1R cell); the state array is owned here and evolved by the write operations;
 *  - ConductanceElement: a fixed linear conductance per cell (VMM weights, benchmarks);
 *  - SinhSelector: I = Is sinh(V / Vs), the generic MIEC / tunnel selector of models.md 11.3,
 *    a clearly labelled stand-in until the selector presets are used (option `selector: sinh`);
 *  - Transistor: the access transistor of a 1T1R cell, I = Isat tanh(gon V / Isat) with
 *    Isat = k Vov^2 / 2 and gon = k Vov (square law, Vov = softplus(Vg - Vt)): linear with
 *    conductance gon at small V, saturating at Isat (the compliance) at large V, odd in V;
 *  - SeriesCell: two elements in series (selector or transistor on the word-line side, memory
 *    on the bit-line side) with the internal node solved per cell by bracketed Newton:
 *    I_top(v - u) = I_mem(u), u in [min(0, v), max(0, v)]; I' = g_top g_mem / (g_top + g_mem);
 *    Newton runs on asinh(I_mem / 1 pA) - asinh(I_top / 1 pA), which has the same root.
 * @module circuit/crossbar-cells
 */
import type { DeviceGroup } from '../devices/group.js';
import { softplus } from '../math/smooth.js';

/** Voltage -> current map of one element for every cell. */
export interface CellElement {
  readonly n: number;
  /** True when I is linear in V (a single Newton step is exact). */
  readonly linear: boolean;
  /** Writes i = I(v) and g = dI/dV for every cell. */
  eval(v: Float64Array, i: Float64Array, g: Float64Array): void;
}

/** A catalogue device per cell; x is its state (S * n). */
export class DeviceElement implements CellElement {
  readonly n: number;
  readonly linear = false;
  x: Float64Array;
  constructor(readonly group: DeviceGroup, x?: Float64Array) {
    this.n = group.n;
    this.x = x ?? group.initialState();
  }
  eval(v: Float64Array, i: Float64Array, g: Float64Array): void {
    this.group.model.current(v, this.x, this.group.p, i, g, this.n);
  }
}

/** Fixed linear conductances (S), one per cell, row-major. */
export class ConductanceElement implements CellElement {
  readonly linear = true;
  constructor(readonly g: Float64Array) {}
  get n(): number { return this.g.length; }
  eval(v: Float64Array, i: Float64Array, g: Float64Array): void {
    const G = this.g;
    for (let c = 0; c < G.length; c++) { i[c] = G[c] * v[c]; g[c] = G[c]; }
  }
}

/** Generic sinh selector I = Is sinh(V / Vs) (models.md 11.3). */
export class SinhSelector implements CellElement {
  readonly linear = false;
  /**
   * @param is scale current (A), > 0
   * @param vs voltage scale (V), > 0: the nonlinearity I(V)/I(V/2) = 2 cosh(V / (2 Vs))
   */
  constructor(readonly n: number, readonly is: number, readonly vs: number) {}
  eval(v: Float64Array, i: Float64Array, g: Float64Array): void {
    const is = this.is, inv = 1 / this.vs;
    for (let c = 0; c < this.n; c++) {
      const a = Math.min(Math.max(v[c] * inv, -700), 700);
      i[c] = is * Math.sinh(a);
      g[c] = is * inv * Math.cosh(a);
    }
  }
}

/** Access transistor of a 1T1R cell; gate voltage per cell (set per row by the operations). */
export class Transistor implements CellElement {
  readonly linear = false;
  readonly vg: Float64Array;
  /**
   * @param k transconductance parameter (A/V^2)
   * @param vt threshold voltage (V)
   */
  constructor(readonly n: number, readonly k: number, readonly vt: number, vg: number) {
    this.vg = new Float64Array(n).fill(vg);
  }
  /** Saturation current (the compliance) at gate voltage vg. */
  isat(vg: number): number { const ov = softplus(vg - this.vt, 0.02); return Math.max(0.5 * this.k * ov * ov, 1e-30); }
  eval(v: Float64Array, i: Float64Array, g: Float64Array): void {
    const k = this.k, vt = this.vt;
    for (let c = 0; c < this.n; c++) {
      const ov = softplus(this.vg[c] - vt, 0.02);
      const isat = Math.max(0.5 * k * ov * ov, 1e-30), gon = Math.max(k * ov, 1e-30);
      const th = Math.tanh(gon * v[c] / isat);
      i[c] = isat * th;
      g[c] = gon * (1 - th * th) + 1e-15; // 1 fS floor keeps the Jacobian SPD deep in saturation
    }
  }
}

const U_ABS = 1e-14;
const U_REL = 1e-12;
const MAX_IT = 100;
/** Current scale of the compressed residual (A): below it the residual is linear in I. */
const S_INV = 1 / 1e-12;

/** Two elements in series with the internal node solved per cell. */
export class SeriesCell implements CellElement {
  readonly n: number;
  readonly linear = false;
  /** Voltage across the memory (bit-line side) at the last evaluation. */
  readonly u: Float64Array;
  private readonly vt: Float64Array; private readonly it: Float64Array; private readonly gt: Float64Array;
  private readonly im: Float64Array; private readonly gm: Float64Array;
  private readonly lo: Float64Array; private readonly hi: Float64Array;
  /** Largest internal-node iteration count of the last evaluation (diagnostics). */
  lastIterations = 0;
  constructor(readonly top: CellElement, readonly mem: CellElement) {
    if (top.n !== mem.n) throw new RangeError(`series cell: element sizes ${top.n} and ${mem.n} differ`);
    const n = (this.n = mem.n);
    this.u = new Float64Array(n); this.vt = new Float64Array(n); this.it = new Float64Array(n); this.gt = new Float64Array(n);
    this.im = new Float64Array(n); this.gm = new Float64Array(n); this.lo = new Float64Array(n); this.hi = new Float64Array(n);
  }
  eval(v: Float64Array, i: Float64Array, g: Float64Array): void {
    const n = this.n, u = this.u, vt = this.vt, it = this.it, gt = this.gt, im = this.im, gm = this.gm, lo = this.lo, hi = this.hi;
    for (let c = 0; c < n; c++) {
      const a = v[c] < 0 ? v[c] : 0, b = v[c] < 0 ? 0 : v[c];
      lo[c] = a; hi[c] = b;
      if (!(u[c] >= a && u[c] <= b)) u[c] = 0.5 * (a + b); // warm start from the last solution when inside
    }
    let it_ = 0;
    for (; it_ < MAX_IT; it_++) {
      for (let c = 0; c < n; c++) vt[c] = v[c] - u[c];
      this.top.eval(vt, it, gt);
      this.mem.eval(u, im, gm);
      let open = 0;
      for (let c = 0; c < n; c++) {
        if (hi[c] - lo[c] <= 0) continue;
        // Newton on asinh(I_mem / s) - asinh(I_top / s): same root and bracket, but exponential
        // branches (selectors, tunnelling) become nearly linear, so Newton does not creep down
        // an exponential by one voltage scale per step (SPICE limits junction steps for the
        // same reason)
        const a = im[c] * S_INV, b = it[c] * S_INV;
        const f = Math.asinh(a) - Math.asinh(b);
        if (f > 0) hi[c] = u[c]; else if (f < 0) lo[c] = u[c]; else { lo[c] = hi[c] = u[c]; continue; }
        const d = S_INV * (gm[c] / Math.sqrt(1 + a * a) + gt[c] / Math.sqrt(1 + b * b));
        let un = d > 0 ? u[c] - f / d : NaN;
        if (!(un > lo[c] && un < hi[c])) un = 0.5 * (lo[c] + hi[c]);
        const du = Math.abs(un - u[c]);
        u[c] = un;
        if (du <= U_ABS + U_REL * Math.abs(v[c]) || hi[c] - lo[c] <= U_ABS + U_REL * Math.abs(v[c])) { lo[c] = hi[c] = un; } else open++;
      }
      if (open === 0) break;
    }
    this.lastIterations = it_;
    for (let c = 0; c < n; c++) vt[c] = v[c] - u[c];
    this.top.eval(vt, it, gt);
    this.mem.eval(u, im, gm);
    for (let c = 0; c < n; c++) {
      i[c] = 0.5 * (im[c] + it[c]);
      const s = gt[c] + gm[c];
      g[c] = s > 0 ? gt[c] * gm[c] / s : 0;
    }
  }
}
