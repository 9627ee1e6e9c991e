/**
 * Defined initial states for memory protocols. A cell is brought to its reference HRS and
 * LRS by saturating pulses: the write voltage is held for doubling durations (1 ns, 2 ns,
 * ...) until the last doubling moves ln G by less than SAT_TOL of the total move (or at
 * SAT_TOL of the fastest rate seen), or the total time reaches the cap. The order RESET -> SET -> RESET gives both references from a cycled
 * device, so the preset's own initial state does not matter.
 * @module memory/program
 */
import { Cell } from './cell.js';
import type { DeviceRef } from '../experiment/device-spec.js';
import type { Circuit } from '../circuit/measure.js';
import { SpecError } from '../units/parse.js';

/** Write and read voltages of a protocol run (SI). */
export interface Drive {
  /** SET voltage (sign of the model's SET polarity). */
  vSet: number;
  /** RESET voltage. */
  vReset: number;
  /** Read voltage. */
  vRead: number;
}

/** Reference states of a cell. */
export interface References {
  xHrs: Float64Array;
  xLrs: Float64Array;
  gHrs: number;
  gLrs: number;
  /** Log-midpoint threshold sqrt(G_HRS G_LRS), the default read reference. */
  gMid: number;
}

/** Fraction of the total ln G move below which the last doubling counts as saturated. */
export const SAT_TOL = 1e-3;
/** Longest total time spent saturating one state, s. */
export const SAT_CAP = 10;

/** Drive from the preset's standard sweep, with overrides. Throws SpecError on nonsense. */
export function driveOf(ref: DeviceRef, over: Partial<Drive> = {}): Drive {
  const sw = ref.preset?.sweep;
  const pol = ref.model.setPolarity;
  const d: Drive = {
    vSet: over.vSet ?? sw?.vSet ?? pol * 1,
    vReset: over.vReset ?? sw?.vReset ?? -pol * 1,
    vRead: over.vRead ?? sw?.vRead ?? 0.1,
  };
  if (!(d.vSet * pol > 0)) throw new SpecError('vSet', d.vSet, `a voltage of the SET polarity (${pol > 0 ? 'positive' : 'negative'}) for model ${ref.model.id}`);
  if (!(d.vReset * pol < 0)) throw new SpecError('vReset', d.vReset, `a voltage of the RESET polarity for model ${ref.model.id}`);
  if (!(d.vRead !== 0 && Math.abs(d.vRead) < Math.min(Math.abs(d.vSet), Math.abs(d.vReset)))) throw new SpecError('vRead', d.vRead, 'a non-zero read voltage smaller than the write voltages');
  return d;
}

/**
 * Hold `v` for doubling durations until device 0's read conductance saturates.
 * @param dir +1 when v should raise G (SET), -1 when it should lower it (RESET)
 * @returns total time applied
 */
export function saturate(cell: Cell, v: number, vRead: number, dir: 1 | -1, cap = SAT_CAP): number {
  const g0 = cell.read(vRead)[0];
  let g = g0;
  let dt = 1e-9, total = 0, maxRate = 0;
  while (total < cap) {
    const r = cell.hold(v, dt);
    if (r.status !== 'ok') throw new Error(`saturating at ${v} V failed: ${r.message}`);
    total += dt;
    const g2 = cell.read(vRead)[0];
    const move = Math.abs(Math.log(g2 / g)), rate = move / dt;
    maxRate = Math.max(maxRate, rate);
    // nothing has moved yet: keep going (a nucleation delay). Once something has moved, stop
    // when there is no progress in the write direction (saturated, or only drifting back, e.g.
    // wear lifting the HRS floor), when the last doubling moved ln G by less than SAT_TOL of
    // the whole move, or when ln G moves SAT_TOL times slower than it did while switching
    const moved = Math.abs(Math.log(g2 / g0)) > 1e-9;
    if (moved && ((g2 - g) * dir <= 0 || move <= SAT_TOL * Math.abs(Math.log(g2 / g0)) || rate <= SAT_TOL * maxRate)) break;
    g = g2;
    dt *= 2;
  }
  return total;
}

/** Program the reference states (RESET, SET, RESET) and leave the cell in HRS. */
export function references(cell: Cell, drive: Drive): References {
  saturate(cell, drive.vReset, drive.vRead, -1);
  saturate(cell, drive.vSet, drive.vRead, 1);
  const xLrs = cell.snapshot();
  const gLrs = cell.read(drive.vRead)[0];
  saturate(cell, drive.vReset, drive.vRead, -1);
  const xHrs = cell.snapshot();
  const gHrs = cell.read(drive.vRead)[0];
  return { xHrs, xLrs, gHrs, gLrs, gMid: Math.sqrt(gHrs * gLrs) };
}

/** A fresh cell with its references (cell left in HRS). */
export function preparedCell(ref: DeviceRef, drive: Drive, opts: { seed?: number; circuit?: Circuit; count?: number; rtol?: number; atolScale?: number } = {}): { cell: Cell; refs: References } {
  const cell = new Cell(ref, opts);
  return { cell, refs: references(cell, drive) };
}
