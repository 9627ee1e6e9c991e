/**
 * Measured data sets from text tables. Four kinds:
 *
 * | kind      | columns (usual names)                                          | fitted quantity |
 * |-----------|----------------------------------------------------------------|-----------------|
 * | iv        | voltage, current [, time] [, cycle] [, device]                 | current         |
 * | pulse     | time, voltage, current or conductance (or resistance) [, device] | I or G at vRead |
 * | retention | time, conductance (or resistance) [, voltage] [, device]       | G at vRead      |
 * | cycles    | cycle, device, V_set, V_reset, R_on, R_off (any of the last four), or raw sweeps as iv | statistics |
 *
 * Units come from the header (`I [mA]`, `t (us)`) or from `units` flags; without either the
 * column is taken as SI. A header unit of the wrong kind (a current column in "V") is an
 * error. Several sweeps or cycles in one file are kept in time order: when a cycle column is
 * present and the time restarts at each cycle, later cycles are shifted to follow the earlier
 * ones (the device state carries over, as on the instrument). A device column splits the file
 * into one data set per device (each starts from the initial state). A time that decreases
 * within one cycle is an error naming the line.
 *
 * Without a time column an I-V sweep is replayed at a constant sweep rate (`rate`, V/s).
 *
 * The replay joins rows linearly (a PWL stimulus). A rectangular pulse therefore needs rows on
 * both sides of each edge (two rows with the same time, the levels before and after); a file
 * sampled on a grid across a zero-width edge replays that edge as a ramp over one sample.
 * @module fit/import
 */
import { lookupUnit, SpecError, type Dimension } from '../units/parse.js';
import { findColumn, numericColumn, parseTextTable, type TextTable } from './csv-table.js';

export const DATA_KINDS = ['iv', 'pulse', 'retention', 'cycles'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/** Column roles a file can provide. */
export type Role = 'time' | 'voltage' | 'current' | 'conductance' | 'resistance' | 'cycle' | 'device' | 'vset' | 'vreset' | 'ron' | 'roff';

const ROLE_DIM: Record<Role, Dimension | null> = {
  time: 'time', voltage: 'voltage', current: 'current', conductance: 'conductance', resistance: 'resistance',
  cycle: null, device: null, vset: 'voltage', vreset: 'voltage', ron: 'resistance', roff: 'resistance',
};

const SYNONYMS: Record<Role, readonly string[]> = {
  time: ['t', 'time', 'timestamp', 'elapsed'],
  voltage: ['v', 'voltage', 'vs', 'bias', 'vapplied', 'vtop', 'v1'],
  current: ['i', 'current', 'id', 'itop', 'i1'],
  conductance: ['g', 'conductance', 'gread'],
  resistance: ['r', 'resistance', 'rread'],
  cycle: ['cycle', 'sweep', 'cyclenumber', 'n', 'pulse'],
  device: ['device', 'dev', 'die', 'cell'],
  vset: ['vset', 'setvoltage'],
  vreset: ['vreset', 'resetvoltage'],
  ron: ['ron', 'lrs', 'rlrs'],
  roff: ['roff', 'hrs', 'rhrs'],
};

/** Import options: column mapping and unit flags per role. */
export interface ImportOptions {
  kind: DataKind;
  /** Column per role: header name or 1-based column number. */
  columns?: Partial<Record<Role, string | number>>;
  /** Unit per role when the header has none ("mA", "us"). */
  units?: Partial<Record<Role, string>>;
  /** Sweep rate (V/s) for I-V files without a time column. */
  rate?: number;
}

/** One continuous measurement of one device, ready to replay. */
export interface DataSet {
  /** File name (plus [device] when a file holds several devices). */
  name: string;
  kind: Exclude<DataKind, 'cycles'>;
  /** Times of the rows (s), non-decreasing. */
  t: Float64Array;
  /** Applied voltage at each row (V). */
  v: Float64Array;
  /** What is compared with the model: device current 'i' (A) or read conductance 'g' (S). */
  target: 'i' | 'g';
  y: Float64Array;
  /** Cycle / sweep index of each row (0 when the file has none). */
  cycle: Int32Array;
  /** Source line of each row. */
  line: Int32Array;
  /** Device label ('' when the file has none). */
  device: string;
}

/** Per-cycle switching parameters of many devices (kind cycles, summary form). */
export interface CycleTable {
  name: string;
  cycle: Int32Array;
  device: string[];
  vset?: Float64Array;
  vreset?: Float64Array;
  ron?: Float64Array;
  roff?: Float64Array;
}

/** What one file yields. */
export interface Imported {
  sets: DataSet[];
  cycles?: CycleTable;
}

function unitFactor(table: TextTable, c: number, role: Role, opts: ImportOptions): number {
  const dim = ROLE_DIM[role];
  const header = table.units[c];
  const flag = opts.units?.[role];
  const where = `${table.source}: column ${table.names[c]}`;
  if (!dim) return 1;
  const sym = header ?? flag;
  if (sym === undefined) return 1;
  const u = lookupUnit(sym);
  if (!u) throw new SpecError(`${where} unit`, sym, `a known unit for ${dim}`);
  if (u.dim !== dim) throw new SpecError(`${where} unit`, sym, `a ${dim} unit for the ${role} column (unit mismatch: ${sym} is a ${u.dim})`);
  if (header !== undefined && flag !== undefined) {
    const f = lookupUnit(flag);
    if (f && (f.dim !== u.dim || f.factor !== u.factor)) throw new SpecError(`${where} unit`, flag, `the header's unit ${header} (the flag and the header disagree)`);
  }
  return u.factor;
}

function col(table: TextTable, role: Role, opts: ImportOptions): number {
  return findColumn(table, opts.columns?.[role], SYNONYMS[role], role);
}

function numbers(table: TextTable, c: number, role: Role, opts: ImportOptions): Float64Array {
  const x = numericColumn(table, c, role);
  const f = unitFactor(table, c, role, opts);
  if (f !== 1) for (let r = 0; r < x.length; r++) x[r] *= f;
  return x;
}

function need(table: TextTable, c: number, role: string, kind: string): void {
  if (c < 0) throw new SpecError(`${table.source}`, table.names.join(', '), `a ${role} column for kind ${kind} (map it with --col ${role}=NAME or a column number)`);
}

/** Labels of a column (device names, cycle numbers); missing labels are errors. */
function labels(table: TextTable, c: number, role: string): string[] {
  return table.cells[c].map((s, r) => {
    if (s === '') throw new SpecError(`${table.source} line ${table.lines[r]}, column ${table.names[c]}`, s, `a ${role} label (missing value)`);
    return s;
  });
}

/** Parse one file's text into data sets. */
export function importData(text: string, source: string, opts: ImportOptions): Imported {
  const table = parseTextTable(text, source);
  const kind = opts.kind;
  const cCycle = col(table, 'cycle', opts), cDevice = col(table, 'device', opts);
  const cycLab = cCycle >= 0 ? labels(table, cCycle, 'cycle') : undefined;
  const devLab = cDevice >= 0 ? labels(table, cDevice, 'device') : undefined;
  if (kind === 'cycles') {
    const cs = { vset: col(table, 'vset', opts), vreset: col(table, 'vreset', opts), ron: col(table, 'ron', opts), roff: col(table, 'roff', opts) };
    if (Object.values(cs).some((c) => c >= 0)) {
      const n = table.lines.length;
      const out: CycleTable = {
        name: source,
        cycle: Int32Array.from(cycLab ?? Array.from({ length: n }, (_, k) => String(k)), (s, r) => cycleNumber(table, s, r)),
        device: devLab ?? new Array<string>(n).fill(''),
      };
      for (const role of ['vset', 'vreset', 'ron', 'roff'] as const) if (cs[role] >= 0) out[role] = numbers(table, cs[role], role, opts);
      return { sets: [], cycles: out };
    }
    // raw sweeps: treated as I-V data, statistics are extracted from them later
  }
  const cT = col(table, 'time', opts), cV = col(table, 'voltage', opts);
  let t: Float64Array | undefined = cT >= 0 ? numbers(table, cT, 'time', opts) : undefined;
  let v: Float64Array;
  let target: 'i' | 'g';
  let y: Float64Array;
  const setKind: DataSet['kind'] = kind === 'cycles' ? 'iv' : kind;
  if (setKind === 'iv') {
    need(table, cV, 'voltage', kind);
    const cI = col(table, 'current', opts);
    need(table, cI, 'current', kind);
    v = numbers(table, cV, 'voltage', opts);
    y = numbers(table, cI, 'current', opts);
    target = 'i';
  } else {
    need(table, cT, 'time', kind);
    v = cV >= 0 ? numbers(table, cV, 'voltage', opts) : new Float64Array(table.lines.length);
    const cI = setKind === 'pulse' ? col(table, 'current', opts) : -1;
    const cG = col(table, 'conductance', opts), cR = col(table, 'resistance', opts);
    if (cG >= 0) { y = numbers(table, cG, 'conductance', opts); target = 'g'; }
    else if (cR >= 0) {
      y = numbers(table, cR, 'resistance', opts);
      for (let r = 0; r < y.length; r++) {
        if (!(y[r] > 0)) throw new SpecError(`${source} line ${table.lines[r]}, column ${table.names[cR]}`, table.cells[cR][r], 'a positive resistance');
        y[r] = 1 / y[r];
      }
      target = 'g';
    } else if (cI >= 0) { y = numbers(table, cI, 'current', opts); target = 'i'; }
    else { need(table, -1, setKind === 'pulse' ? 'current or conductance' : 'conductance', kind); throw new Error('unreachable'); }
  }
  const n = table.lines.length;
  const cycle = Int32Array.from(cycLab ?? new Array<string>(n).fill('0'), (s, r) => cycleNumber(table, s, r));
  if (!t) {
    const rate = opts.rate ?? 1;
    if (!(rate > 0)) throw new SpecError(`${source}: rate`, rate, 'a positive sweep rate (V/s)');
    t = new Float64Array(n);
    for (let r = 1; r < n; r++) t[r] = t[r - 1] + Math.max(Math.abs(v[r] - v[r - 1]), 1e-12) / rate;
  }
  // split by device, keep row order; check and repair time order per device
  const devices = devLab ? [...new Set(devLab)] : [''];
  const sets: DataSet[] = [];
  for (const d of devices) {
    const rows: number[] = [];
    for (let r = 0; r < n; r++) if (!devLab || devLab[r] === d) rows.push(r);
    const tt = new Float64Array(rows.length);
    let offset = 0;
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      let tk = t[r] + offset;
      if (k > 0 && tk < tt[k - 1]) {
        const prev = rows[k - 1];
        if (cycle[r] !== cycle[prev] && cycLab) {
          // a new cycle whose clock restarted: place it right after the previous one
          const dt = k > 1 ? Math.max(tt[k - 1] - tt[k - 2], 0) : 0;
          offset = tt[k - 1] + dt - t[r];
          tk = t[r] + offset;
        } else {
          throw new SpecError(`${source} line ${table.lines[r]}`, table.cells[cT][r], `a time not earlier than the previous row's (line ${table.lines[prev]}): time must be monotonic`);
        }
      }
      tt[k] = tk;
    }
    const pick = (a: Float64Array) => Float64Array.from(rows, (r) => a[r]);
    sets.push({
      name: devLab ? `${source}[${d}]` : source, kind: setKind, t: tt, v: pick(v), target, y: pick(y),
      cycle: Int32Array.from(rows, (r) => cycle[r]), line: Int32Array.from(rows, (r) => table.lines[r]), device: d,
    });
  }
  for (const s of sets) if (s.t.length < 2) throw new SpecError(s.name, s.t.length, 'at least two data rows per device');
  return { sets };
}

function cycleNumber(table: TextTable, s: string, r: number): number {
  const x = Number(s);
  if (!Number.isInteger(x)) throw new SpecError(`${table.source} line ${table.lines[r]}`, s, 'an integer cycle number');
  return x;
}

/** Parse a `FILE[:kind]` reference; the default kind is iv. */
export function parseDataRef(ref: string): { file: string; kind: DataKind } {
  const m = /^(.*):([a-z]+)$/.exec(ref);
  if (m && (DATA_KINDS as readonly string[]).includes(m[2])) return { file: m[1], kind: m[2] as DataKind };
  if (m && !/^[A-Za-z]$/.test(m[1])) throw new SpecError('--data', ref, `FILE or FILE:KIND with KIND one of ${DATA_KINDS.join(', ')}`);
  return { file: ref, kind: 'iv' };
}
