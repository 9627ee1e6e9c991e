/**
 * Geometry and drive of an M x N crossbar (models.md 11.1, An Chen's nodal formulation).
 *
 * Cell (i, j) joins word-line (row) node W(i, j) and bit-line (column) node B(i, j); neighbouring
 * nodes of a line are joined by a wire segment r_w (word lines) or r_b (bit lines). A line with
 * zero segment resistance collapses to one node. Each line has two ends (end 0: j = 0 for word
 * lines, i = 0 for bit lines; end 1: the far end), and each end has a driver: a voltage source
 * behind a conductance (0: floating, Infinity: ideal source that fixes the end node).
 *
 * Unknown ordering: word-line nodes row after row, then bit-line nodes column after column, so
 * that every line is a contiguous tridiagonal block of the nodal matrix (the line preconditioner).
 * @module circuit/crossbar-geometry
 */

/** Physical layout (SI). */
export interface CrossbarLayout {
  rows: number;
  cols: number;
  /** Word-line segment resistance between neighbouring cells (Ohm), >= 0. */
  rWord: number;
  /** Bit-line segment resistance (Ohm), >= 0. */
  rBit: number;
}

/** Driver conductances and voltages at both ends of every line. */
export class CrossbarDrive {
  /** Word-line drivers: conductance and voltage, index 2 i + end. */
  readonly wlG: Float64Array; readonly wlV: Float64Array;
  /** Bit-line drivers: index 2 j + end. */
  readonly blG: Float64Array; readonly blV: Float64Array;
  constructor(readonly rows: number, readonly cols: number) {
    this.wlG = new Float64Array(2 * rows); this.wlV = new Float64Array(2 * rows);
    this.blG = new Float64Array(2 * cols); this.blV = new Float64Array(2 * cols);
  }
  /** Drive word line i at `end` with v through resistance r (0 = ideal source). */
  word(i: number, end: 0 | 1, v: number, r = 0): this { this.wlG[2 * i + end] = r > 0 ? 1 / r : Infinity; this.wlV[2 * i + end] = v; return this; }
  /** Drive bit line j at `end` with v through resistance r (0 = ideal source). */
  bit(j: number, end: 0 | 1, v: number, r = 0): this { this.blG[2 * j + end] = r > 0 ? 1 / r : Infinity; this.blV[2 * j + end] = v; return this; }
  /** Leave every line end floating. */
  clear(): this { this.wlG.fill(0); this.blG.fill(0); this.wlV.fill(0); this.blV.fill(0); return this; }
  /** Largest |driver voltage| (the voltage scale of the problem, at least 1 mV). */
  scale(): number {
    let s = 1e-3;
    for (let k = 0; k < this.wlV.length; k++) if (this.wlG[k] > 0) s = Math.max(s, Math.abs(this.wlV[k]));
    for (let k = 0; k < this.blV.length; k++) if (this.blG[k] > 0) s = Math.max(s, Math.abs(this.blV[k]));
    return s;
  }
}

/** Node numbering derived from a layout. */
export class CrossbarNodes {
  readonly rows: number; readonly cols: number;
  /** Nodes per word line (cols, or 1 when r_w = 0) and per bit line. */
  readonly lw: number; readonly lb: number;
  /** Word-line node count (rows * lw); bit-line nodes start there. */
  readonly nW: number;
  /** Total node count. */
  readonly nn: number;
  /** Node of each cell on its word line / bit line (row-major cells). */
  readonly cellW: Int32Array; readonly cellB: Int32Array;
  /** Segment conductances (Infinity when collapsed). */
  readonly gw: number; readonly gb: number;
  constructor(readonly layout: CrossbarLayout) {
    const M = (this.rows = layout.rows), N = (this.cols = layout.cols);
    if (!(Number.isInteger(M) && M >= 1 && Number.isInteger(N) && N >= 1)) throw new RangeError(`crossbar: rows ${M} x cols ${N}, expected positive integers`);
    if (!(layout.rWord >= 0 && layout.rBit >= 0)) throw new RangeError(`crossbar: wire resistances ${layout.rWord}, ${layout.rBit}, expected >= 0`);
    this.lw = layout.rWord > 0 ? N : 1;
    this.lb = layout.rBit > 0 ? M : 1;
    this.gw = layout.rWord > 0 ? 1 / layout.rWord : Infinity;
    this.gb = layout.rBit > 0 ? 1 / layout.rBit : Infinity;
    this.nW = M * this.lw;
    this.nn = this.nW + N * this.lb;
    this.cellW = new Int32Array(M * N); this.cellB = new Int32Array(M * N);
    for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) {
      this.cellW[i * N + j] = i * this.lw + (this.lw > 1 ? j : 0);
      this.cellB[i * N + j] = this.nW + j * this.lb + (this.lb > 1 ? i : 0);
    }
  }
  /** Node at `end` of word line i. */
  wordEnd(i: number, end: 0 | 1): number { return i * this.lw + (end === 1 ? this.lw - 1 : 0); }
  /** Node at `end` of bit line j. */
  bitEnd(j: number, end: 0 | 1): number { return this.nW + j * this.lb + (end === 1 ? this.lb - 1 : 0); }
}
