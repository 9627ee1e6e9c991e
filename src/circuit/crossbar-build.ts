/**
 * Building the cells of an array from data: a memory device (any catalogue model through the
 * DeviceModel contract, with device-to-device spreads from its <param>Dtod keys), optionally a
 * selector (the labelled sinh selector, or a catalogue selector device) or an access transistor.
 * Also the LRS / HRS states used by read-margin studies.
 * @module circuit/crossbar-build
 */
import type { DeviceModel } from '../devices/contract.js';
import type { ResolvedParams } from '../devices/params.js';
import { DeviceGroup } from '../devices/group.js';
import type { Rng } from '../rng/rng.js';
import { DeviceElement, SeriesCell, SinhSelector, Transistor, type CellElement } from './crossbar-cells.js';
import { QuasiStaticSelector } from './crossbar-selector-table.js';

/** A resolved device (model + parameters). */
export interface DeviceChoice { model: DeviceModel; resolved: ResolvedParams; label?: string }

/**
 * Selector of a 1S1R cell: the labelled sinh selector, a catalogue device used with its full
 * dynamics (static reads see its current state), or a catalogue device through its pulse-read
 * quasi-static I-V (crossbar-selector-table; tRead and vMax of the table).
 */
export type SelectorChoice =
  | { kind: 'sinh'; is: number; vs: number }
  | ({ kind: 'device' } & DeviceChoice)
  | ({ kind: 'quasi-static'; tRead: number; vMax: number } & DeviceChoice);

/** Access transistor of a 1T1R cell (square law; the saturation current is the compliance). */
export interface TransistorChoice { k: number; vt: number; vg: number }

/** Cell description. */
export interface CellChoice {
  type: '1r' | '1s1r' | '1t1r';
  device: DeviceChoice;
  selector?: SelectorChoice;
  transistor?: TransistorChoice;
}

/** Default sinh selector: Is = 1 uA, Vs = 50 mV (nonlinearity 2 cosh(10) = 2.2e4 at 1 V). */
export const DEFAULT_SINH: SelectorChoice = { kind: 'sinh', is: 1e-6, vs: 0.05 };
/** Default access transistor: k = 1 mA/V^2, Vt = 0.4 V, Vg = 1.2 V (Isat = 320 uA). */
export const DEFAULT_TRANSISTOR: TransistorChoice = { k: 1e-3, vt: 0.4, vg: 1.2 };

/** The cells of an array plus handles on their parts. */
export interface BuiltCells {
  cell: CellElement;
  memory: DeviceElement;
  /** Selector or transistor element (series cells). */
  top?: CellElement;
  series?: SeriesCell;
}

/** Build M x N cells (row-major). */
export function buildCells(choice: CellChoice, rows: number, cols: number, rng?: Rng): BuiltCells {
  const n = rows * cols;
  const memory = new DeviceElement(new DeviceGroup(choice.device.model, choice.device.resolved, n, rng, choice.device.label ?? 'memory'));
  if (choice.type === '1r') return { cell: memory, memory };
  let top: CellElement;
  if (choice.type === '1s1r') {
    const s = choice.selector ?? DEFAULT_SINH;
    top = s.kind === 'sinh' ? new SinhSelector(n, s.is, s.vs)
      : s.kind === 'quasi-static' ? new QuasiStaticSelector(n, s.model, s.resolved, s.tRead, s.vMax)
        : new DeviceElement(new DeviceGroup(s.model, s.resolved, n, rng, s.label ?? 'selector'));
  } else {
    const t = choice.transistor ?? DEFAULT_TRANSISTOR;
    top = new Transistor(n, t.k, t.vt, t.vg);
  }
  const series = new SeriesCell(top, memory);
  return { cell: series, memory, top, series };
}

/**
 * LRS / HRS states of a model: the primary state (index 0) at its lower or upper bound, other
 * states at their initial values; which bound is LRS is decided by the current at +0.1 V.
 */
export function extremeStates(group: DeviceGroup): { lrs: Float64Array; hrs: Float64Array } {
  const m = group.model, S = m.states.length;
  const init = new DeviceGroup(m, { values: paramsOf(group), spreads: new Map() }, 1, undefined).initialState();
  const lo = Float64Array.from(init), hi = Float64Array.from(init);
  lo[0] = m.states[0].min; hi[0] = m.states[0].max;
  const v = new Float64Array([0.1]), iLo = new Float64Array(1), iHi = new Float64Array(1);
  m.current(v, lo, paramsOf(group), iLo, null, 1);
  m.current(v, hi, paramsOf(group), iHi, null, 1);
  void S;
  return iHi[0] >= iLo[0] ? { lrs: hi, hrs: lo } : { lrs: lo, hrs: hi };
}

/** Nominal parameter vector of device 0 of a group. */
function paramsOf(group: DeviceGroup): Float64Array {
  const P = group.model.params.length, out = new Float64Array(P);
  for (let k = 0; k < P; k++) out[k] = group.pDevice[k * group.n];
  return out;
}

/** Set cell c (or every cell when c < 0) of a memory element to a single-device state vector. */
export function setCellState(mem: DeviceElement, c: number, s: Float64Array): void {
  const n = mem.n;
  for (let k = 0; k < s.length; k++) {
    if (c < 0) mem.x.fill(s[k], k * n, (k + 1) * n);
    else mem.x[k * n + c] = s[k];
  }
}
