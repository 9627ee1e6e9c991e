/**
 * Explicit embedded Runge-Kutta: a tableau of numbers plus one shared engine.
 * @module solve/explicit-rk
 */
import type { OdeSystem, SolveOptions, SolveResult, SolveStats } from './types.js';
import { integrate, type Stepper } from './driver.js';
import { combine } from './lincomb.js';

/** Butcher tableau of an embedded explicit pair. */
export interface ExplicitTableau {
  readonly name: string;
  readonly order: number;
  readonly errorOrder: number;
  /** The last stage is evaluated at the new solution (first same as last). */
  readonly fsal: boolean;
  readonly c: readonly number[];
  readonly a: readonly (readonly number[])[];
  readonly b: readonly number[];
  readonly bHat: readonly number[];
}

/** Stepper for any explicit tableau; stage buffers are allocated in prepare() and reused by later solves of systems no larger. */
export class ExplicitRK implements Stepper {
  readonly name: string;
  readonly order: number;
  readonly errorOrder: number;
  private readonly tab: ExplicitTableau;
  private readonly s: number;
  private readonly e: Float64Array;
  private readonly bFlat: Float64Array;
  private readonly aFlat: Float64Array;
  private k: Float64Array[] = [];
  private yS = new Float64Array(0);
  private yPrev = new Float64Array(0);
  /** Terms of the current linear combination (stage vectors and their coefficients). */
  private readonly kTerms: Float64Array[];
  private readonly cTerms: Float64Array;
  private readonly eTerms: Float64Array;
  /** Explicit stages sample the inside of a step: no cap per stimulus segment. */
  readonly minStepsPerSegment: number | undefined = undefined;
  private sys!: OdeSystem;
  /**
   * Estimate h * rho (rho: dominant eigenvalue magnitude of df/dy) after every step from the
   * last two stages of an FSAL pair (Hairer & Wanner's dopri5 test): used by AutoStepper to
   * detect stiffness. Off by default (it costs one vector copy per step).
   */
  detectStiffness = false;
  /** h * rho of the last step (NaN when not measured). */
  lastHRho = NaN;
  private stats!: SolveStats;

  constructor(tab: ExplicitTableau) {
    this.tab = tab;
    this.name = tab.name;
    this.order = tab.order;
    this.errorOrder = tab.errorOrder;
    this.s = tab.c.length;
    this.e = Float64Array.from(tab.b.map((b, i) => b - tab.bHat[i]));
    this.bFlat = Float64Array.from(tab.b);
    this.aFlat = new Float64Array(this.s * this.s);
    tab.a.forEach((row, i) => row.forEach((v, j) => { this.aFlat[i * this.s + j] = v; }));
    this.kTerms = new Array<Float64Array>(this.s).fill(this.e);
    this.cTerms = new Float64Array(this.s);
    this.eTerms = new Float64Array(this.s);
  }

  prepare(sys: OdeSystem, stats: SolveStats): void {
    this.sys = sys;
    this.stats = stats;
    // stage buffers grow to the largest system seen and are reused (no allocation per
    // solve); every loop runs over sys.n, never over a buffer's length
    const n = sys.n;
    if (this.yS.length < n) {
      this.k = Array.from({ length: this.s }, () => new Float64Array(n));
      this.yS = new Float64Array(n);
    }
    if (this.detectStiffness && this.yPrev.length < n) this.yPrev = new Float64Array(this.yS.length);
  }

  step(t: number, h: number, y: Float64Array, f0: Float64Array, yNew: Float64Array, f1: Float64Array, err: Float64Array): number {
    const n = this.sys.n, s = this.s, k = this.k, yS = this.yS, A = this.aFlat, c = this.tab.c, b = this.bFlat, e = this.e;
    k[0] = f0; // stage 0 is f0 itself (a reference; nothing copied)
    // stage sums y + h a_st,0 f0 + sum_j h a_st,j k_j over the non-zero coefficients, in one
    // fused pass over the unknowns (solve/lincomb: the roundings of the running sum)
    const kt = this.kTerms, ct = this.cTerms, et = this.eTerms;
    for (let st = 1; st < s; st++) {
      let m = 0;
      kt[m] = f0; ct[m++] = h * A[st * s];
      for (let j = 1; j < st; j++) {
        const cj = h * A[st * s + j];
        if (cj === 0) continue;
        kt[m] = k[j]; ct[m++] = cj;
      }
      combine(yS, y, kt, ct, m, n);
      if (this.detectStiffness && st === s - 2) { const yp = this.yPrev; for (let i = 0; i < n; i++) yp[i] = yS[i]; }
      this.sys.rhs(t + c[st] * h, yS, k[st]);
      this.stats.nfev++;
    }
    if (this.detectStiffness && this.tab.fsal && s >= 3) {
      const ka = k[s - 1], kb = k[s - 2], yp = this.yPrev;
      let num = 0, den = 0;
      for (let i = 0; i < n; i++) {
        const dk = ka[i] - kb[i], dy = yS[i] - yp[i];
        num += dk * dk;
        den += dy * dy;
      }
      this.lastHRho = den > 0 ? h * Math.sqrt(num / den) : 0;
    }
    let m = 0;
    kt[m] = f0; ct[m] = h * b[0]; et[m++] = h * e[0];
    for (let j = 1; j < s; j++) {
      const bj = h * b[j], ej = h * e[j];
      if (bj === 0 && ej === 0) continue;
      kt[m] = k[j]; ct[m] = bj; et[m++] = ej;
    }
    combine(yNew, y, kt, ct, m, n);
    combine(err, null, kt, et, m, n);
    if (this.tab.fsal) { const kl = k[s - 1]; for (let i = 0; i < n; i++) f1[i] = kl[i]; }
    else {
      this.sys.rhs(t + h, yNew, f1);
      this.stats.nfev++;
    }
    return 0;
  }
}

/** Convenience: integrate with an explicit tableau. */
export function solveExplicit(sys: OdeSystem, tab: ExplicitTableau, t0: number, t1: number, y: Float64Array, opts?: SolveOptions): SolveResult {
  return integrate(sys, new ExplicitRK(tab), t0, t1, y, opts);
}
