/**
 * Linearly implicit Rosenbrock methods for stiff terms (electro-thermal models whose thermal
 * time constants are nanoseconds while pulses are milliseconds apart). The Jacobian is formed
 * by finite differences once per step; for block-structured terms (N independent devices of
 * S states each) all N blocks cost S + 1 evaluations and the iteration matrix is N small LU
 * factorisations, so the work stays linear in N.
 *
 * Form (Hairer & Wanner, Solving ODE II, IV.7, with the Kaps-Rentrop transformation):
 *   (1/(gamma h) I - J) K_i = f(t + alpha_i h, y + sum_j a_ij K_j) + sum_j (c_ij / h) K_j + h gammaSum_i df/dt
 *   y+ = y + sum m_i K_i,  err = sum e_i K_i
 * @module solve/rosenbrock
 */
import type { OdeSystem, SolveOptions, SolveResult, SolveStats } from './types.js';
import { integrate, type Stepper } from './driver.js';
import { luFactor, luSolve } from '../math/dense.js';

/** Coefficients of a Rosenbrock method in the transformed (Kaps-Rentrop) form above. */
export interface RosenbrockTableau {
  readonly name: string;
  readonly order: number;
  readonly errorOrder: number;
  readonly gamma: number;
  readonly a: readonly (readonly number[])[];
  readonly c: readonly (readonly number[])[];
  readonly m: readonly number[];
  readonly e: readonly number[];
  readonly alpha: readonly number[];
  readonly gammaSum: readonly number[];
}

const SQRT_EPS = Math.sqrt(Number.EPSILON);

/** Rosenbrock stepper (block-diagonal or dense finite-difference Jacobian). */
export class Rosenbrock implements Stepper {
  readonly name: string;
  readonly order: number;
  readonly errorOrder: number;
  private readonly tab: RosenbrockTableau;
  private readonly s: number;
  private sys!: OdeSystem;
  private stats!: SolveStats;
  private atol!: Float64Array;
  private rtol = 1e-6;
  private K: Float64Array[] = [];
  private yS = new Float64Array(0);
  private fS = new Float64Array(0);
  private fT = new Float64Array(0);
  private yP = new Float64Array(0);
  private fP = new Float64Array(0);
  private mat = new Float64Array(0);
  private piv = new Int32Array(0);
  private blocks = 1;
  private size = 1;
  private dense = true;
  /** Rosenbrock stages sample only t and t + h: at least 4 steps per stimulus segment. */
  readonly minStepsPerSegment = 4;
  /** Treat the term as autonomous (skip the df/dt evaluation). */
  autonomous = false;
  /** Largest row sum of |df/dy| at the last step (an upper bound of the spectral radius). */
  lastNormJ = NaN;

  constructor(tab: RosenbrockTableau) {
    this.tab = tab;
    this.name = tab.name;
    this.order = tab.order;
    this.errorOrder = tab.errorOrder;
    this.s = tab.m.length;
  }

  prepare(sys: OdeSystem, stats: SolveStats, atol: Float64Array, rtol: number): void {
    this.sys = sys;
    this.stats = stats;
    this.atol = atol;
    this.rtol = rtol;
    const n = sys.n;
    const st = sys.structure;
    if (st && st.kind === 'block') {
      this.dense = false;
      this.blocks = st.blocks;
      this.size = st.size;
      if (st.blocks * st.size !== n) throw new RangeError(`structure: blocks ${st.blocks} x size ${st.size} != n ${n}`);
    } else {
      this.dense = true;
      this.blocks = 1;
      this.size = n;
    }
    // buffers grow to the largest system seen and are reused (no allocation per solve);
    // every loop runs over n, never over a buffer's length
    if (this.yS.length < n) {
      this.K = Array.from({ length: this.s }, () => new Float64Array(n));
      this.yS = new Float64Array(n);
      this.fS = new Float64Array(n);
      this.fT = new Float64Array(n);
      this.yP = new Float64Array(n);
      this.fP = new Float64Array(n);
    }
    const nm = this.blocks * this.size * this.size;
    if (this.mat.length < nm) this.mat = new Float64Array(nm);
    if (this.piv.length < n) this.piv = new Int32Array(n);
  }

  /** Build (1/(gamma h) I - J) for every block and factorise; 0 on success. */
  private buildMatrix(t: number, h: number, y: Float64Array, f0: Float64Array): number {
    const n = this.sys.n, B = this.blocks, S = this.size, mat = this.mat, yP = this.yP, fP = this.fP;
    const diag = 1 / (this.tab.gamma * h);
    this.stats.njev++;
    if (this.dense) {
      // dense: one column per evaluation; mat is row-major n x n
      for (let col = 0; col < n; col++) {
        for (let i = 0; i < n; i++) yP[i] = y[i];
        const d = SQRT_EPS * Math.max(Math.abs(y[col]), this.atol[col] / this.rtol, 1e-300);
        yP[col] = y[col] + d;
        const dd = yP[col] - y[col];
        this.sys.rhs(t, yP, fP);
        this.stats.nfev++;
        for (let row = 0; row < n; row++) mat[row * n + col] = -(fP[row] - f0[row]) / dd;
      }
      let normJ = 0;
      for (let i = 0; i < n; i++) {
        let rs = 0;
        for (let c = 0; c < n; c++) rs += Math.abs(mat[i * n + c]);
        if (rs > normJ) normJ = rs;
      }
      this.lastNormJ = normJ;
      for (let i = 0; i < n; i++) mat[i * n + i] += diag;
      this.stats.nlu++;
      return luFactor(n, mat, 0, this.piv, 0);
    }
    // block: element i of block j at i * B + j; perturb state i of every block at once
    const dvec = this.fT; // scratch for the perturbation sizes
    for (let col = 0; col < S; col++) {
      for (let i = 0; i < n; i++) yP[i] = y[i];
      for (let j = 0; j < B; j++) {
        const idx = col * B + j;
        const d = SQRT_EPS * Math.max(Math.abs(y[idx]), this.atol[idx] / this.rtol, 1e-300);
        yP[idx] = y[idx] + d;
        dvec[j] = yP[idx] - y[idx];
      }
      this.sys.rhs(t, yP, fP);
      this.stats.nfev++;
      for (let j = 0; j < B; j++) {
        const off = j * S * S;
        const dd = dvec[j];
        for (let row = 0; row < S; row++) mat[off + row * S + col] = -(fP[row * B + j] - f0[row * B + j]) / dd;
      }
    }
    this.stats.nlu++;
    let normJ = 0;
    for (let j = 0; j < B; j++) {
      const off = j * S * S;
      for (let i = 0; i < S; i++) {
        let rs = 0;
        for (let c = 0; c < S; c++) rs += Math.abs(mat[off + i * S + c]);
        if (rs > normJ) normJ = rs;
      }
    }
    this.lastNormJ = normJ;
    for (let j = 0; j < B; j++) {
      const off = j * S * S;
      for (let i = 0; i < S; i++) mat[off + i * S + i] += diag;
      const r = luFactor(S, mat, off, this.piv, j * S);
      if (r !== 0) return r;
    }
    return 0;
  }

  private solveInPlace(v: Float64Array): void {
    if (this.dense) {
      luSolve(this.size, this.mat, 0, this.piv, 0, v, 0, 1);
      return;
    }
    const B = this.blocks, S = this.size;
    for (let j = 0; j < B; j++) luSolve(S, this.mat, j * S * S, this.piv, j * S, v, j, B);
  }

  step(t: number, h: number, y: Float64Array, f0: Float64Array, yNew: Float64Array, f1: Float64Array, err: Float64Array): number {
    const n = this.sys.n, s = this.s, tab = this.tab, K = this.K, yS = this.yS, fS = this.fS, fT = this.fT;
    if (this.buildMatrix(t, h, y, f0) !== 0) return 1;
    // df/dt by a forward difference
    const needFt = !this.autonomous;
    if (needFt) {
      const dt = SQRT_EPS * Math.max(Math.abs(t), h);
      this.sys.rhs(t + dt, y, fT);
      this.stats.nfev++;
      for (let i = 0; i < n; i++) fT[i] = (fT[i] - f0[i]) / dt;
    }
    for (let st = 0; st < s; st++) {
      const arow = tab.a[st], crow = tab.c[st];
      let same = tab.alpha[st] === 0;
      for (let j = 0; j < arow.length; j++) if (arow[j] !== 0) same = false;
      if (same) { for (let i = 0; i < n; i++) fS[i] = f0[i]; }
      else {
        for (let i = 0; i < n; i++) {
          let acc = y[i];
          for (let j = 0; j < arow.length; j++) acc += arow[j] * K[j][i];
          yS[i] = acc;
        }
        this.sys.rhs(t + tab.alpha[st] * h, yS, fS);
        this.stats.nfev++;
      }
      const ks = K[st];
      const gs = h * tab.gammaSum[st];
      for (let i = 0; i < n; i++) {
        let acc = fS[i];
        for (let j = 0; j < crow.length; j++) acc += (crow[j] / h) * K[j][i];
        if (needFt) acc += gs * fT[i];
        ks[i] = acc;
      }
      this.solveInPlace(ks);
    }
    for (let i = 0; i < n; i++) {
      let acc = y[i], ea = 0;
      for (let j = 0; j < s; j++) { acc += tab.m[j] * K[j][i]; ea += tab.e[j] * K[j][i]; }
      yNew[i] = acc;
      err[i] = ea;
    }
    this.sys.rhs(t + h, yNew, f1);
    this.stats.nfev++;
    return 0;
  }
}

/** Convenience: integrate with a Rosenbrock tableau. */
export function solveRosenbrock(sys: OdeSystem, tab: RosenbrockTableau, t0: number, t1: number, y: Float64Array, opts?: SolveOptions): SolveResult {
  return integrate(sys, new Rosenbrock(tab), t0, t1, y, opts);
}
