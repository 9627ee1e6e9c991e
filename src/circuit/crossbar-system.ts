/**
 * Nodal solver of a crossbar (models.md 11.1): damped Newton on Kirchhoff's current law at
 * every free node,
 *
 *   F_k(x) = sum_wires g (x_k - x_nb) + g_drv,k (x_k - V_drv,k) +/- sum_cells I_c(x_W - x_B) = 0,
 *
 * with the Jacobian J = (wire + driver Laplacian) + (cell small-signal conductances). For cells
 * whose I(V) is increasing, J is symmetric positive definite, so each Newton step is solved by
 * conjugate gradients preconditioned with the line (tridiagonal) part of J (every word line and
 * bit line solved exactly; matrix-free, O(MN) memory), or, for small arrays, by a banded
 * Cholesky factorisation in the cell-interleaved node order (half bandwidth 2 min(M, N)).
 * Ideal sources fix their node: the row becomes the identity and its couplings move to the
 * right-hand side, which keeps J symmetric.
 *
 * The node voltages persist between solves (warm start across operations and time steps).
 * Damping: the update is scaled so that no node moves by more than `dvMax` times the drive scale,
 * then halved until ||F||_2 decreases (at most 8 times).
 * @module circuit/crossbar-system
 */
import { ConductanceElement, type CellElement } from './crossbar-cells.js';
import { CrossbarDrive, CrossbarNodes, type CrossbarLayout } from './crossbar-geometry.js';
import { tridiagFactor, tridiagSolveInterleaved } from '../math/tridiag.js';
import { pcg, PcgWork, type LinearOperator } from '../math/pcg.js';
import { bandCholesky, bandSolve } from '../math/banded.js';
import { GridSchur } from '../math/grid-schur.js';
import * as K from './crossbar-kernels.js';

const TILE = K.TILE;

/** Steps below this fraction of the drive scale that stop reducing ||F|| mean convergence. */
const STAGNATION = 1e-7;

/** Cell count from which the first large Schur system of a process warms the kernels up. */
const WARM_CELLS = 65536;
let warmed = false;

/**
 * JIT warm-up. V8 runs a function first in its interpreter and optimises a long loop only while
 * it runs (on-stack replacement), so the first pass of each of the solver's ~25 kernels over a
 * large array runs mostly unoptimised. Solving a small 8 x 8 array 100 times first lets V8
 * optimise them all before the large passes. Measured on the 1 Ohm benchmark array: +35-45 ms
 * of build time; solve time 0.20 -> 0.11 s at N = 512, 0.10 -> 0.03 s at N = 256,
 * 0.66 -> 0.57 s at N = 1024. The small systems are separate objects: results are unchanged.
 */
function warmKernels(): void {
  for (let r = 0; r < 100; r++) {
    const n = 8, g = new Float64Array(n * n).fill(1e-5);
    const sys = new CrossbarSystem({ rows: n, cols: n, rWord: 1, rBit: 1 }, new ConductanceElement(g), { linear: 'cg-schur', rtol: 1e-12 });
    const d = new CrossbarDrive(n, n);
    for (let i = 0; i < n; i++) d.word(i, 0, 0.1);
    for (let j = 0; j < n; j++) d.bit(j, 1, 0);
    sys.setDrive(d);
    sys.solve();
  }
}

/** Solver options. */
export interface CrossbarSolveOptions {
  /**
   * Linear solver: CG with the line preconditioner (the SciPy baseline's method), CG with the
   * block symmetric Gauss-Seidel preconditioner (half the iterations), CG on the Schur
   * complement of the bit-line block preconditioned by the word lines (math/grid-schur; half
   * the iterations on half-length vectors), banded Cholesky, or auto (banded when cheap, else
   * cg-schur; cg-sgs when a line has zero wire resistance and collapses to one node).
   */
  linear?: 'auto' | 'cg-line' | 'cg-sgs' | 'cg-schur' | 'banded';
  /** CG stopping rule: relative residual (default 1e-10, as the SciPy baseline). */
  rtol?: number;
  /** Newton iteration limit (default 60). */
  maxNewton?: number;
  /** Newton converges when the last full step moved no node by more than vtol * scale (default 1e-10). */
  vtol?: number;
  /** Largest node update per Newton step as a fraction of the drive scale (default 0.5). */
  dvMax?: number;
}

/** Outcome of one DC solve. */
export interface CrossbarSolveResult {
  status: 'ok' | 'no-convergence' | 'linear-failure' | 'non-finite';
  message: string;
  newton: number;
  /** Total CG iterations over all Newton steps (0 for banded). */
  cgIterations: number;
  linear: 'cg-line' | 'cg-sgs' | 'cg-schur' | 'banded';
}

/** A crossbar with its cell elements, drive and node voltages. */
export class CrossbarSystem {
  readonly nodes: CrossbarNodes;
  readonly m: number;
  /** Node voltages (warm start between solves). */
  readonly x: Float64Array;
  /** Cell voltages, currents and small-signal conductances at the last evaluation. */
  readonly vCell: Float64Array; readonly iCell: Float64Array; readonly gCell: Float64Array;
  /** Net current leaving each node at the last evaluation (0 at free nodes when converged). */
  readonly F: Float64Array;
  private readonly fixed: Uint8Array; private readonly fixedV: Float64Array;
  private readonly gDrv: Float64Array; private readonly gvDrv: Float64Array;
  private readonly diag: Float64Array; private readonly off: Float64Array; private readonly cg: Float64Array;
  private ddBuf: Float64Array | null = null; private llBuf: Float64Array | null = null;
  private workBuf: PcgWork | null = null;
  private schur: GridSchur | null = null;
  private readonly dx: Float64Array; private readonly rhs: Float64Array; private readonly xTry: Float64Array;
  private readonly lineG: Float64Array;
  private band: Float64Array | null = null;
  private perm: Int32Array | null = null;
  private bw = -1;
  drive: CrossbarDrive;
  private readonly op: LinearOperator; private readonly pre: LinearOperator;

  constructor(readonly layout: CrossbarLayout, public cell: CellElement, readonly opts: CrossbarSolveOptions = {}) {
    const nodes = (this.nodes = new CrossbarNodes(layout));
    const nn = nodes.nn, m = (this.m = layout.rows * layout.cols);
    if (cell.n !== m) throw new RangeError(`crossbar: cell element has ${cell.n} cells, expected ${m}`);
    this.x = new Float64Array(nn); this.F = new Float64Array(nn);
    this.vCell = new Float64Array(m); this.iCell = new Float64Array(m); this.gCell = new Float64Array(m);
    this.fixed = new Uint8Array(nn); this.fixedV = new Float64Array(nn);
    this.gDrv = new Float64Array(nn); this.gvDrv = new Float64Array(nn);
    this.diag = new Float64Array(nn); this.off = new Float64Array(nn); this.cg = new Float64Array(m);
    this.dx = new Float64Array(nn); this.rhs = new Float64Array(nn); this.xTry = new Float64Array(nn);
    // conductance of the segment between node k and k+1 (0 at line ends)
    this.lineG = new Float64Array(nn);
    for (let k = 0; k < nodes.nW; k++) if (nodes.lw > 1 && (k % nodes.lw) !== nodes.lw - 1) this.lineG[k] = nodes.gw;
    for (let k = nodes.nW; k < nn; k++) if (nodes.lb > 1 && ((k - nodes.nW) % nodes.lb) !== nodes.lb - 1) this.lineG[k] = nodes.gb;
    this.drive = new CrossbarDrive(layout.rows, layout.cols);
    const self = this;
    this.op = { apply(p, y) { self.applyJ(p, y); } };
    const nW = nodes.nW, lw = nodes.lw, lb = nodes.lb, M = layout.rows, N = layout.cols;
    const line: LinearOperator = { apply(r, z) { z.set(r); tridiagSolveInterleaved(M, lw, self.dd, self.ll, z, 0); tridiagSolveInterleaved(N, lb, self.dd, self.ll, z, nW); } };
    // symmetric block Gauss-Seidel over the word-line and bit-line blocks (each block solved by
    // its lines): M = (D + L) D^-1 (D + L^T); 3 block solves per application instead of 2
    const sgs: LinearOperator = { apply(r, z) {
      z.set(r);
      tridiagSolveInterleaved(M, lw, self.dd, self.ll, z, 0);
      self.couple(z, z, true);
      tridiagSolveInterleaved(N, lb, self.dd, self.ll, z, nW);
      const t = self.xTry; // free during a linear solve
      t.fill(0, 0, nW);
      self.couple(z, t, false);
      tridiagSolveInterleaved(M, lw, self.dd, self.ll, t, 0);
      for (let k = 0; k < nW; k++) z[k] += t[k];
    } };
    this.pre = opts.linear === 'cg-line' ? line : sgs;
    // the Schur solver's factors and vectors belong to the build, not to the first solve
    if (this.linearMethod() === 'cg-schur') {
      this.schur = new GridSchur(M, N);
      if (m >= WARM_CELLS && !warmed) { warmed = true; warmKernels(); }
    }
  }

  // line factors and CG vectors of the full-system solvers, allocated on first use (the Schur
  // solver does not need them: at N = 1024 they are 96 MB)
  private get dd(): Float64Array { return (this.ddBuf ??= new Float64Array(this.nodes.nn)); }
  private get ll(): Float64Array { return (this.llBuf ??= new Float64Array(this.nodes.nn)); }
  private get work(): PcgWork { return (this.workBuf ??= new PcgWork(this.nodes.nn)); }

  /** Install a drive (line-end sources); node voltages are kept as the warm start. */
  setDrive(drive: CrossbarDrive): void {
    const nd = this.nodes;
    this.drive = drive;
    this.fixed.fill(0); this.gDrv.fill(0); this.gvDrv.fill(0);
    const put = (k: number, g: number, v: number, what: string): void => {
      if (g === Infinity) {
        if (this.fixed[k] && this.fixedV[k] !== v) throw new RangeError(`crossbar: ${what} drives a node already fixed at ${this.fixedV[k]} V with ${v} V`);
        this.fixed[k] = 1; this.fixedV[k] = v;
      } else if (g > 0) { this.gDrv[k] += g; this.gvDrv[k] += g * v; }
    };
    for (let i = 0; i < nd.rows; i++) for (const e of [0, 1] as const) put(nd.wordEnd(i, e), drive.wlG[2 * i + e], drive.wlV[2 * i + e], `word line ${i} end ${e}`);
    for (let j = 0; j < nd.cols; j++) for (const e of [0, 1] as const) put(nd.bitEnd(j, e), drive.blG[2 * j + e], drive.blV[2 * j + e], `bit line ${j} end ${e}`);
    for (let k = 0; k < nd.nn; k++) if (this.fixed[k]) this.x[k] = this.fixedV[k];
  }

  /** Evaluate the cells at x and the net current F leaving every node (free or fixed). */
  evaluate(x: Float64Array = this.x): number {
    const nd = this.nodes, nn = nd.nn, m = this.m, F = this.F, v = this.vCell, i = this.iCell;
    if (this.fullGrid) K.cellVoltagesGrid(nd.rows, nd.cols, nd.nW, x, v);
    else K.cellVoltagesMapped(m, nd.cellW, nd.cellB, x, v);
    this.cell.eval(v, i, this.gCell);
    K.driverCurrents(nn, this.gDrv, this.gvDrv, x, F);
    K.wireCurrents(nn, this.lineG, x, F);
    if (this.fullGrid) { K.cellCurrentsWord(m, i, F); K.cellCurrentsBit(nd.rows, nd.cols, nd.nW, i, F); }
    else K.cellCurrentsMapped(m, nd.cellW, nd.cellB, i, F);
    return Math.sqrt(K.freeNorm2(nn, this.fixed, F));
  }

  /** Jacobian pieces at the last evaluation (diag, masked off-diagonals, masked cell couplings). */
  private assemble(): void {
    const nd = this.nodes, nn = nd.nn, m = this.m, fx = this.fixed, d = this.diag;
    K.assembleLines(nn, this.gDrv, this.lineG, fx, d, this.off);
    if (this.fullGrid) {
      K.assembleCellsWord(m, this.gCell, fx, d, this.cg);
      K.assembleCellsBit(nd.rows, nd.cols, nd.nW, this.gCell, fx, d, this.cg);
    } else K.assembleCellsMapped(m, nd.cellW, nd.cellB, this.gCell, fx, d, this.cg);
    K.unitFixedDiagonal(nn, fx, d);
  }

  private applyJ(p: Float64Array, y: Float64Array): void {
    const nn = this.nodes.nn, d = this.diag, off = this.off, cg = this.cg, W = this.nodes.cellW, B = this.nodes.cellB;
    y[0] = d[0] * p[0] + (nn > 1 ? off[0] * p[1] : 0);
    for (let k = 1; k < nn - 1; k++) y[k] = d[k] * p[k] + off[k] * p[k + 1] + off[k - 1] * p[k - 1];
    if (nn > 1) y[nn - 1] = d[nn - 1] * p[nn - 1] + off[nn - 2] * p[nn - 2];
    // cells in tiles of TILE x TILE so that the word-line (row-major) and bit-line
    // (column-major) nodes touched both stay in cache
    const M = this.nodes.rows, N = this.nodes.cols, nW = this.nodes.nW;
    const full = this.nodes.lw === N && this.nodes.lb === M; // no collapsed lines: W = c, B = nW + j M + i
    for (let i0 = 0; i0 < M; i0 += TILE) for (let j0 = 0; j0 < N; j0 += TILE) {
      const i1 = Math.min(M, i0 + TILE), j1 = Math.min(N, j0 + TILE);
      if (full) {
        for (let i = i0; i < i1; i++) {
          for (let j = j0, c = i * N + j0, b = nW + j0 * M + i; j < j1; j++, c++, b += M) {
            const g = cg[c];
            y[c] -= g * p[b]; y[b] -= g * p[c];
          }
        }
      } else {
        for (let i = i0; i < i1; i++) for (let c = i * N + j0, ce = i * N + j1; c < ce; c++) {
          const g = cg[c], w = W[c], b = B[c];
          y[w] -= g * p[b]; y[b] -= g * p[w];
        }
      }
    }
  }

  /**
   * Cell coupling of one block into the other, cache-tiled: dst[B] += g src[W] (wToB) or
   * dst[W] += g src[B], with the masked small-signal conductances of the last assembly.
   */
  couple(src: Float64Array, dst: Float64Array, wToB: boolean): void {
    const M = this.nodes.rows, N = this.nodes.cols, cg = this.cg, W = this.nodes.cellW, B = this.nodes.cellB, nW = this.nodes.nW;
    const full = this.nodes.lw === N && this.nodes.lb === M;
    for (let i0 = 0; i0 < M; i0 += TILE) for (let j0 = 0; j0 < N; j0 += TILE) {
      const i1 = Math.min(M, i0 + TILE), j1 = Math.min(N, j0 + TILE);
      if (full && wToB) for (let i = i0; i < i1; i++) for (let j = j0, c = i * N + j0, b = nW + j0 * M + i; j < j1; j++, c++, b += M) dst[b] += cg[c] * src[c];
      else if (full) for (let i = i0; i < i1; i++) for (let j = j0, c = i * N + j0, b = nW + j0 * M + i; j < j1; j++, c++, b += M) dst[c] += cg[c] * src[b];
      else if (wToB) for (let i = i0; i < i1; i++) for (let c = i * N + j0, ce = i * N + j1; c < ce; c++) dst[B[c]] += cg[c] * src[W[c]];
      else for (let i = i0; i < i1; i++) for (let c = i * N + j0, ce = i * N + j1; c < ce; c++) dst[W[c]] += cg[c] * src[B[c]];
    }
  }

  /** Half bandwidth and permutation of the cell-interleaved order (computed once). */
  private bandSetup(): number {
    if (this.bw >= 0) return this.bw;
    const nd = this.nodes, M = nd.rows, N = nd.cols, nn = nd.nn;
    const perm = new Int32Array(nn).fill(-1);
    let next = 0;
    const colMajor = M < N;
    for (let a = 0; a < (colMajor ? N : M); a++) for (let b = 0; b < (colMajor ? M : N); b++) {
      const c = colMajor ? b * N + a : a * N + b;
      if (perm[nd.cellW[c]] < 0) perm[nd.cellW[c]] = next++;
      if (perm[nd.cellB[c]] < 0) perm[nd.cellB[c]] = next++;
    }
    let bw = 0;
    for (let k = 0; k < nn - 1; k++) if (this.lineG[k] > 0) bw = Math.max(bw, Math.abs(perm[k] - perm[k + 1]));
    for (let c = 0; c < this.m; c++) bw = Math.max(bw, Math.abs(perm[nd.cellW[c]] - perm[nd.cellB[c]]));
    this.perm = perm;
    this.bw = bw;
    return bw;
  }

  private solveBanded(): boolean {
    const nn = this.nodes.nn, w = this.bandSetup(), perm = this.perm!, W1 = w + 1;
    if (!this.band) this.band = new Float64Array(nn * W1);
    const band = this.band;
    band.fill(0);
    const put = (a: number, b: number, v: number): void => {
      const i = perm[a], j = perm[b];
      if (i >= j) band[i * W1 + (j - i + w)] += v; else band[j * W1 + (i - j + w)] += v;
    };
    for (let k = 0; k < nn; k++) put(k, k, this.diag[k]);
    for (let k = 0; k < nn - 1; k++) if (this.off[k] !== 0) put(k, k + 1, this.off[k]);
    for (let c = 0; c < this.m; c++) if (this.cg[c] !== 0) put(this.nodes.cellW[c], this.nodes.cellB[c], -this.cg[c]);
    if (bandCholesky(nn, w, band) !== 0) return false;
    const y = this.work.z;
    for (let k = 0; k < nn; k++) y[perm[k]] = this.rhs[k];
    bandSolve(nn, w, band, y);
    for (let k = 0; k < nn; k++) this.dx[k] = y[perm[k]];
    return true;
  }

  /** True when no line collapsed (both wire resistances > 0): the grid layout of cg-schur. */
  private get fullGrid(): boolean { return this.nodes.lw === this.nodes.cols && this.nodes.lb === this.nodes.rows; }

  /** Which linear solver `auto` picks: banded when n w^2 <= 2e7 flops, else cg-schur (cg-sgs for collapsed lines). */
  linearMethod(): 'cg-line' | 'cg-sgs' | 'cg-schur' | 'banded' {
    const o = this.opts.linear ?? 'auto';
    if (o === 'cg-schur' && !this.fullGrid) return 'cg-sgs';
    if (o !== 'auto') return o;
    const nn = this.nodes.nn;
    // the cell-interleaved half bandwidth is at least 2 min(M, N) - 1 on a full grid: skip
    // building the permutation when even that bound rules the banded solver out
    if (this.fullGrid && nn * (2 * Math.min(this.nodes.rows, this.nodes.cols) - 1) ** 2 > 2e7) return 'cg-schur';
    const w = this.bandSetup();
    return nn * w * w <= 2e7 ? 'banded' : this.fullGrid ? 'cg-schur' : 'cg-sgs';
  }

  /**
   * Newton step by Schur-complement CG (math/grid-schur): the bit-line block (stored by column
   * here) is transposed to the row-major grid order in cache tiles, solved, and transposed back.
   * @returns null when a line factorisation is not positive definite
   */
  private solveSchur(rtol: number) {
    const M = this.nodes.rows, N = this.nodes.cols, nW = this.nodes.nW, n = M * N;
    const gs = (this.schur ??= new GridSchur(M, N));
    const bi = gs.bitLineInput(), rhs = this.rhs, dx = this.dx;
    // xB: row-major bit-line right-hand side, then solution (xTry is free during a linear solve)
    const xB = this.xTry.subarray(nW, nW + n);
    K.gatherBitLines(M, N, nW, this.diag, this.off, rhs, bi.d, bi.e, xB);
    if (gs.factor(this.diag.subarray(0, nW), this.off.subarray(0, nW), bi.d, bi.e, this.cg) !== 0) return null;
    const r = gs.solve(rhs.subarray(0, nW), xB, dx.subarray(0, nW), xB, rtol, 20000);
    K.scatterBitLines(M, N, nW, xB, dx);
    return r;
  }

  /** Solve the DC operating point for the installed drive, from the current x. */
  solve(): CrossbarSolveResult {
    const nn = this.nodes.nn, x = this.x, dx = this.dx, fx = this.fixed;
    const rtol = this.opts.rtol ?? 1e-10, maxNewton = this.opts.maxNewton ?? 60;
    // voltage scale: the drive, or the node voltages left by the previous solve (warm start
    // from a larger drive must not be throttled to the new, smaller scale)
    const scale = Math.max(this.drive.scale(), K.maxAbs(nn, x));
    const vtol = (this.opts.vtol ?? 1e-10) * scale, dvMax = (this.opts.dvMax ?? 0.5) * scale;
    const method = this.linearMethod();
    let cgIt = 0;
    let fn = this.evaluate();
    let fPrev = Infinity;
    const out = (status: CrossbarSolveResult['status'], message: string, newton: number): CrossbarSolveResult => ({ status, message, newton, cgIterations: cgIt, linear: method });
    if (!Number.isFinite(fn)) return out('non-finite', 'non-finite cell current at the initial voltages; check the device parameters', 0);
    for (let it = 1; it <= maxNewton; it++) {
      this.assemble();
      K.newtonRhs(nn, fx, this.F, this.rhs);
      if (method === 'banded') {
        if (!this.solveBanded()) return out('linear-failure', 'banded Cholesky found a non-positive pivot: a cell has negative differential conductance (NDR); use a monotone quasi-static cell model', it);
      } else if (method === 'cg-schur') {
        const r = this.solveSchur(rtol);
        if (r === null) return out('linear-failure', 'line factorisation not positive definite: a cell has negative differential conductance', it);
        cgIt += r.iterations;
        if (r.status !== 'ok') return out('linear-failure', `Schur-complement CG: ${r.status} after ${r.iterations} iterations (relative residual ${r.relResidual})`, it);
      } else {
        const dd = this.dd;
        if (tridiagFactor(1, nn, this.diag, this.off, dd, this.ll) !== 0) return out('linear-failure', 'line preconditioner not positive definite: a cell has negative differential conductance', it);
        for (let k = 0; k < nn; k++) dd[k] = 1 / dd[k];
        dx.fill(0);
        const r = pcg(this.op, this.pre, this.rhs, dx, rtol, 20000, this.work);
        cgIt += r.iterations;
        if (r.status !== 'ok') return out('linear-failure', `conjugate gradients: ${r.status} after ${r.iterations} iterations (relative residual ${r.relResidual})`, it);
      }
      const big = K.maxAbs(nn, dx);
      if (this.cell.linear) {
        K.stepTo(nn, x, 1, dx, x);
        this.evaluate();
        return out('ok', 'linear cells: one exact step', it);
      }
      if (big <= vtol) {
        // the Newton step itself is below the tolerance: take it whole (no line search at the
        // round-off floor, where ||F|| is noise)
        K.stepTo(nn, x, 1, dx, x);
        this.evaluate();
        return out('ok', `converged in ${it} Newton steps`, it);
      }
      let alpha = big > dvMax ? dvMax / big : 1;
      let accepted = false;
      for (let h = 0; h <= 8; h++) {
        K.stepTo(nn, x, alpha, dx, this.xTry);
        const f1 = this.evaluate(this.xTry);
        if (Number.isFinite(f1) && (f1 < fn || h === 8 || f1 === 0)) { fn = f1; accepted = true; break; }
        alpha *= 0.5;
      }
      if (!accepted || !Number.isFinite(fn)) return out('non-finite', `non-finite cell currents in Newton step ${it}`, it);
      x.set(this.xTry);
      // stagnation at the floating-point floor: a small step that no longer halves the
      // residual (ill-conditioned floating lines make round-off steps of ~eps * cond volts)
      if (big <= STAGNATION * scale && fn > 0.5 * fPrev) return out('ok', `converged in ${it} Newton steps (residual at round-off)`, it);
      fPrev = fn;
    }
    return out('no-convergence', `Newton did not converge in ${maxNewton} steps (last residual ${fn} A); lower dvMax or check for NDR`, maxNewton);
  }

  /** Current delivered into the array by every driver (A): word lines [2i + end], bit lines [2j + end]. */
  sourceCurrents(): { wl: Float64Array; bl: Float64Array } {
    const nd = this.nodes, d = this.drive, x = this.x, F = this.F;
    const wl = new Float64Array(2 * nd.rows), bl = new Float64Array(2 * nd.cols);
    const idealCount = new Map<number, number>();
    const mark = (k: number, g: number): void => { if (g === Infinity) idealCount.set(k, (idealCount.get(k) ?? 0) + 1); };
    for (let i = 0; i < nd.rows; i++) for (const e of [0, 1] as const) mark(nd.wordEnd(i, e), d.wlG[2 * i + e]);
    for (let j = 0; j < nd.cols; j++) for (const e of [0, 1] as const) mark(nd.bitEnd(j, e), d.blG[2 * j + e]);
    const cur = (k: number, g: number, v: number): number => g === Infinity ? F[k] / idealCount.get(k)! : g > 0 ? g * (v - x[k]) : 0;
    for (let i = 0; i < nd.rows; i++) for (const e of [0, 1] as const) wl[2 * i + e] = cur(nd.wordEnd(i, e), d.wlG[2 * i + e], d.wlV[2 * i + e]);
    for (let j = 0; j < nd.cols; j++) for (const e of [0, 1] as const) bl[2 * j + e] = cur(nd.bitEnd(j, e), d.blG[2 * j + e], d.blV[2 * j + e]);
    return { wl, bl };
  }

  /** Power balance (W): delivered by the sources, dissipated in cells, wires and driver resistances. */
  power(): { sources: number; cells: number; wires: number; drivers: number } {
    const nd = this.nodes, d = this.drive, x = this.x, s = this.sourceCurrents();
    let sources = 0, cells = 0, wires = 0, drivers = 0;
    for (let k = 0; k < 2 * nd.rows; k++) sources += d.wlV[k] * s.wl[k];
    for (let k = 0; k < 2 * nd.cols; k++) sources += d.blV[k] * s.bl[k];
    for (let c = 0; c < this.m; c++) cells += this.vCell[c] * this.iCell[c];
    for (let k = 0; k < nd.nn - 1; k++) { const g = this.lineG[k]; if (g > 0) { const dv = x[k] - x[k + 1]; wires += g * dv * dv; } }
    const drv = (k: number, g: number, v: number): void => { if (g > 0 && g < Infinity) drivers += g * (v - x[k]) * (v - x[k]); };
    for (let i = 0; i < nd.rows; i++) for (const e of [0, 1] as const) drv(nd.wordEnd(i, e), d.wlG[2 * i + e], d.wlV[2 * i + e]);
    for (let j = 0; j < nd.cols; j++) for (const e of [0, 1] as const) drv(nd.bitEnd(j, e), d.blG[2 * j + e], d.blV[2 * j + e]);
    return { sources, cells, wires, drivers };
  }

  /**
   * Largest KCL residual at a free node relative to the round-off scale of the sum that forms
   * it: sum over branches of g (|x_k| + |x_nb|) (cells: their small-signal conductance, plus
   * |I|), so that a residual at the level of floating-point cancellation reads ~1e-16.
   */
  kclError(): number {
    const nd = this.nodes, nn = nd.nn, x = this.x, abs = new Float64Array(nn);
    for (let k = 0; k < nn; k++) abs[k] = Math.abs(this.gDrv[k] * x[k]) + Math.abs(this.gvDrv[k]);
    for (let k = 0; k < nn - 1; k++) { const a = this.lineG[k] * (Math.abs(x[k]) + Math.abs(x[k + 1])); abs[k] += a; abs[k + 1] += a; }
    for (let c = 0; c < this.m; c++) {
      const w = nd.cellW[c], b = nd.cellB[c];
      const a = Math.abs(this.iCell[c]) + this.gCell[c] * (Math.abs(x[w]) + Math.abs(x[b]));
      abs[w] += a; abs[b] += a;
    }
    let worst = 0;
    for (let k = 0; k < nn; k++) if (!this.fixed[k] && abs[k] > 0) worst = Math.max(worst, Math.abs(this.F[k]) / abs[k]);
    return worst;
  }

  /** True when node k is held by an ideal source. */
  isFixed(k: number): boolean { return this.fixed[k] === 1; }
}
