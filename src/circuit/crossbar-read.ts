/**
 * Read operations on a crossbar and the read margin (models.md 11.2).
 *
 * Bias schemes (selected word line at V_read, selected bit line to ground through the sense
 * resistance R_s at its far end; the sensed voltage is V_out = R_s I_sense):
 *  - v2: every unselected line at V/2 (half-selected cells see V/2, others 0);
 *  - v3: unselected word lines at V/3, unselected bit lines at 2V/3 (every unselected cell +-V/3);
 *  - float: unselected lines open (worst sneak paths);
 *  - ground: unselected word lines at 0, unselected bit lines open — the scheme of the analytic
 *    worst-case bounds of models.md 11.2, reproduced exactly for zero wire resistance.
 * The sneak current is made explicit: I_sneak = I_sense - I_cell(selected), and the sneak
 * fraction is I_sneak / I_sense.
 *
 * Read margin: worst case over uniform backgrounds (all other cells LRS or all HRS) for the cell
 * farthest from the drivers (row 0, last column: the word line is driven at j = 0, the bit line
 * sensed at i = M-1). Voltage sensing (R_s > 0): (min V_out(LRS) - max V_out(HRS)) / V_read, the
 * normalisation of models.md 11.2. Current sensing (R_s = 0, virtual ground):
 * (min I(LRS) - max I(HRS)) / min I(LRS), the fraction of the LRS signal left after the worst
 * sneak current.
 * @module circuit/crossbar-read
 */
import { CrossbarDrive } from './crossbar-geometry.js';
import type { CrossbarSystem, CrossbarSolveResult } from './crossbar-system.js';
import type { BuiltCells } from './crossbar-build.js';
import { extremeStates, setCellState } from './crossbar-build.js';

/** Read bias schemes. */
export type ReadScheme = 'v2' | 'v3' | 'float' | 'ground';
export const READ_SCHEMES: readonly ReadScheme[] = ['v2', 'v3', 'float', 'ground'];

/** Read options (SI). */
export interface ReadOptions {
  row: number;
  col: number;
  vRead: number;
  scheme: ReadScheme;
  /** Sense resistance at the far end of the selected bit line (Ohm); 0 = virtual ground. */
  rSense: number;
  /** Drive the selected and unselected word lines from both ends. */
  bothEnds?: boolean;
}

/** Read outcome. */
export interface ReadResult {
  solve: CrossbarSolveResult;
  /** Sense voltage R_s I_sense (V), or 0 for a virtual ground. */
  vOut: number;
  /** Current into the sense node (A). */
  iSense: number;
  /** Current through the selected cell (A). */
  iCell: number;
  /** I_sense - I_cell (A). */
  iSneak: number;
  sneakFraction: number;
  /** Power delivered by every source (W). */
  power: number;
}

/** The drive of a read. */
export function readDrive(rows: number, cols: number, o: ReadOptions): CrossbarDrive {
  const d = new CrossbarDrive(rows, cols), V = o.vRead;
  const uw = o.scheme === 'v2' ? V / 2 : o.scheme === 'v3' ? V / 3 : o.scheme === 'ground' ? 0 : NaN;
  const ub = o.scheme === 'v2' ? V / 2 : o.scheme === 'v3' ? (2 * V) / 3 : NaN;
  for (let i = 0; i < rows; i++) {
    const v = i === o.row ? V : uw;
    if (Number.isNaN(v)) continue;
    d.word(i, 0, v);
    if (o.bothEnds) d.word(i, 1, v);
  }
  for (let j = 0; j < cols; j++) {
    if (j === o.col) { d.bit(j, 1, 0, o.rSense); continue; }
    if (!Number.isNaN(ub)) d.bit(j, 1, ub);
  }
  return d;
}

/** Read one cell with the current cell states. */
export function readCell(sys: CrossbarSystem, o: ReadOptions): ReadResult {
  const { rows, cols } = sys.nodes;
  if (!(o.row >= 0 && o.row < rows && o.col >= 0 && o.col < cols)) throw new RangeError(`read: cell (${o.row}, ${o.col}) outside ${rows} x ${cols}`);
  sys.setDrive(readDrive(rows, cols, o));
  const solve = sys.solve();
  const src = sys.sourceCurrents();
  const iSense = -src.bl[2 * o.col + 1];
  const iCell = sys.iCell[o.row * cols + o.col];
  const p = sys.power();
  return { solve, vOut: o.rSense > 0 ? o.rSense * iSense : 0, iSense, iCell, iSneak: iSense - iCell, sneakFraction: iSense !== 0 ? (iSense - iCell) / iSense : 0, power: p.sources };
}

/** Read margin outcome. */
export interface MarginResult {
  /** (min V_LRS - max V_HRS) / V_read, or (min I_LRS - max I_HRS) / min I_LRS for current sensing. */
  margin: number;
  vLrsMin: number;
  vHrsMax: number;
  /** Sneak fraction (I_sense - I_cell) / I_sense of the read the sneak paths spoil: selected HRS on an all-LRS background. */
  sneakFraction: number;
  /** Worst status of the four solves. */
  status: CrossbarSolveResult['status'];
  newton: number;
}

/**
 * Worst-case read margin of the far cell: four reads (selected LRS / HRS on an all-LRS or all-HRS
 * background). Modifies the memory states of `cells` (restored on return).
 */
export function readMargin(sys: CrossbarSystem, cells: BuiltCells, o: Omit<ReadOptions, 'row' | 'col'>): MarginResult {
  const { rows, cols } = sys.nodes, mem = cells.memory, keep = Float64Array.from(mem.x);
  const { lrs, hrs } = extremeStates(mem.group);
  const sel = 0 * cols + (cols - 1);
  let vL = Infinity, vH = -Infinity, sneak = 0, newton = 0;
  let status: CrossbarSolveResult['status'] = 'ok';
  for (const bg of [lrs, hrs]) for (const s of [lrs, hrs]) {
    setCellState(mem, -1, bg);
    setCellState(mem, sel, s);
    const r = readCell(sys, { ...o, row: 0, col: cols - 1 });
    newton += r.solve.newton;
    if (r.solve.status !== 'ok') status = r.solve.status;
    const v = o.rSense > 0 ? r.vOut : r.iSense;
    if (s === lrs) vL = Math.min(vL, v); else vH = Math.max(vH, v);
    if (bg === lrs && s === hrs) sneak = r.sneakFraction;
  }
  mem.x.set(keep);
  void rows;
  return { margin: o.rSense > 0 ? (vL - vH) / o.vRead : (vL - vH) / vL, vLrsMin: vL, vHrsMax: vH, sneakFraction: sneak, status, newton };
}
