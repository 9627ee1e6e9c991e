import type { Command } from '../command.js';
import { parse, parseSets, UsageError } from '../args.js';
import { writeAtomic, toJson } from '../io.js';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseQuantity, SpecError } from '../../units/parse.js';
import { resolveDevice } from '../../experiment/device-spec.js';
import { specContext } from '../context.js';
import { getPreset } from '../../devices/catalogue.js';
import { Rng } from '../../rng/rng.js';
import { CrossbarSystem } from '../../circuit/crossbar-system.js';
import { buildCells, DEFAULT_SINH, DEFAULT_TRANSISTOR, type CellChoice, type SelectorChoice } from '../../circuit/crossbar-build.js';
import { readCell, readDrive, READ_SCHEMES, type ReadScheme } from '../../circuit/crossbar-read.js';
import { marginVsSize, largestArray, vmmStudy } from '../../circuit/crossbar-study.js';
import { halfSelectDisturb, writeVerify } from '../../circuit/crossbar-write.js';
import { crossbarNetlist, deviceExpressions } from '../../circuit/spice-export.js';
import { rfSweep, switchFromMeasurements } from '../../circuit/rf-switch.js';

const help = `nanoionics crossbar --op OP [options] [--json] [--out DIR]

Crossbar arrays: nodal analysis with wire resistance on every segment, 1R / 1S1R / 1T1R cells
from any catalogue device, read schemes with explicit sneak currents, writes in time, VMM.

Operations (--op):
  read       read cell (--row, --col); writes word/bit-line voltage and cell-current maps
  margin     worst-case read margin of the far cell for --sizes (default 4,8,16,32,64)
  selectors  largest n x n array keeping --target margin (default 0.1): no selector, the
             sinh selector and the selector presets ag-hfox-midya2017, yang-selector,
             vo2-zhang2024 (pulse-read quasi-static I-V, current sensing)
  write      --writes K pulses (--amplitude, --width) on (--row, --col): half-select disturb
  verify     write-verify of random target conductances in [--g-min, --g-max]
  vmm        VMM error and ENOB for --sizes x --wires (random weights, differential pairs)
  netlist    the read configuration as an ngspice deck (DIR/crossbar.cir)
  rf         RF switch: IL / isolation / f_c from --ron and --coff, or from C3's measurements

Options:
  --rows M --cols N          array size (default 16 x 16)
  --cell 1r|1s1r|1t1r        cell type (default 1r)
  --device PRESET            memory device: preset id or preset file (default baseline-sinh); --set name=value (repeat)
  --selector sinh|PRESET     1S1R selector (default sinh: I = Is sinh(V/Vs), --is 1uA --vs 50mV);
                             a preset is used through its pulse-read I-V (--t-read, default 1 us)
  --vg V                     1T1R gate voltage (default 1.2 V; Isat = k (Vg - Vt)^2 / 2)
  --wire-resistance R        segment resistance (default 1 Ohm)
  --scheme v2|v3|float|ground   read / write bias scheme (default v2)
  --v-read V --r-sense R     read voltage (default 1 V) and sense resistance (default 10 kOhm; 0 = current sensing)
  --row i --col j            selected cell (default: row 0, last column, the far cell)
  --amplitude V --width T --writes K    write pulse (default 2 V, 1 ms, 10)
  --sizes LIST --wires LIST  study sizes and wire resistances
  --dac-bits B --adc-bits B  converter resolution for vmm (default 8, 8; 0 = ideal)
  --g-dtod S --g-c2c S       VMM conductance spreads: lognormal D2D sigma, relative C2C programming noise
                             (device cells take <param>Dtod / <param>C2c through --set)
  --t-read T                 read duration for the energy per read (default 1 us)
  --seed S                   seed for variability (default 1)
  --json                     print one JSON document; --out DIR writes CSV/JSON files`;

const FLAGS = {
  op: { type: 'string' }, rows: { type: 'string' }, cols: { type: 'string' }, cell: { type: 'string' }, device: { type: 'string' },
  set: { type: 'string', multiple: true }, selector: { type: 'string' }, is: { type: 'string' }, vs: { type: 'string' }, 't-read': { type: 'string' },
  vg: { type: 'string' }, 'wire-resistance': { type: 'string' }, scheme: { type: 'string' }, 'v-read': { type: 'string' }, 'r-sense': { type: 'string' },
  row: { type: 'string' }, col: { type: 'string' }, amplitude: { type: 'string' }, width: { type: 'string' }, writes: { type: 'string' },
  sizes: { type: 'string' }, wires: { type: 'string' }, target: { type: 'string' }, 'dac-bits': { type: 'string' }, 'adc-bits': { type: 'string' },
  'g-min': { type: 'string' }, 'g-max': { type: 'string' }, 'g-dtod': { type: 'string' }, 'g-c2c': { type: 'string' }, ron: { type: 'string' }, coff: { type: 'string' },
  seed: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' },
} as const;

/** A bare number on the command line is SI; otherwise a quantity with a unit ("10 kOhm"). */
function q(v: unknown, dim: Parameters<typeof parseQuantity>[1], path: string): number {
  return parseQuantity(typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v, dim, path);
}
function qList(v: unknown, dim: Parameters<typeof parseQuantity>[1], path: string): number[] {
  return String(v).split(',').map((x, k) => q(x.trim(), dim, `${path}[${k}]`));
}

function int(v: unknown, name: string, lo: number, hi: number, def: number): number {
  if (v === undefined) return def;
  const x = Number(v);
  if (!Number.isInteger(x) || x < lo || x > hi) throw new SpecError(`--${name}`, v, `an integer from ${lo} to ${hi}`);
  return x;
}

/** Selector choice from --selector. */
function selectorChoice(values: Record<string, unknown>, vMax: number): SelectorChoice {
  const s = (values.selector as string | undefined) ?? 'sinh';
  if (s === 'sinh') {
    const is = values.is !== undefined ? q(values.is, 'current', '--is') : (DEFAULT_SINH as { is: number }).is;
    const vs = values.vs !== undefined ? q(values.vs, 'voltage', '--vs') : (DEFAULT_SINH as { vs: number }).vs;
    if (!(is > 0 && vs > 0)) throw new SpecError('--is/--vs', `${is}/${vs}`, 'positive selector current and voltage scales');
    return { kind: 'sinh', is, vs };
  }
  if (!getPreset(s)) throw new SpecError('--selector', s, 'sinh or a device preset id (e.g. ag-hfox-midya2017, yang-selector, vo2-zhang2024)');
  const d = resolveDevice({ preset: s }, '--selector');
  const tRead = values['t-read'] !== undefined ? q(values['t-read'], 'time', '--t-read') : 1e-6;
  return { kind: 'quasi-static', tRead, vMax, model: d.model, resolved: d.resolved, label: 'selector' };
}

/** A matrix as CSV (rows x cols). */
function matrixCsv(a: ArrayLike<number>, rows: number, cols: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) lines.push(Array.from({ length: cols }, (_, j) => a[i * cols + j].toPrecision(10)).join(','));
  return lines.join('\n') + '\n';
}

export const crossbarCommand: Command = {
  name: 'crossbar',
  summary: 'crossbar arrays: read margin, sneak current, writes, VMM error, selectors, RF switch',
  help,
  run(argv) {
    const { values } = parse(argv, FLAGS as never);
    if (values.help) { console.log(help); return 0; }
    const op = (values.op as string | undefined) ?? 'read';
    const out = values.out as string | undefined;
    const rows = int(values.rows, 'rows', 1, 4096, 16), cols = int(values.cols, 'cols', 1, 4096, 16);
    const cellType = (values.cell as string | undefined) ?? '1r';
    if (!['1r', '1s1r', '1t1r'].includes(cellType)) throw new SpecError('--cell', cellType, '1r, 1s1r or 1t1r');
    const scheme = ((values.scheme as string | undefined) ?? 'v2') as ReadScheme;
    if (!READ_SCHEMES.includes(scheme)) throw new SpecError('--scheme', scheme, READ_SCHEMES.join(', '));
    const rWire = values['wire-resistance'] !== undefined ? q(values['wire-resistance'], 'resistance', '--wire-resistance') : 1;
    const vRead = values['v-read'] !== undefined ? q(values['v-read'], 'voltage', '--v-read') : 1;
    const rSense = values['r-sense'] !== undefined ? q(values['r-sense'], 'resistance', '--r-sense') : 1e4;
    const seed = int(values.seed, 'seed', 0, 2 ** 31, 1);
    const dev = resolveDevice({ preset: (values.device as string | undefined) ?? 'baseline-sinh', set: parseSets(values.set) }, '--device', specContext());
    const vg = values.vg !== undefined ? q(values.vg, 'voltage', '--vg') : DEFAULT_TRANSISTOR.vg;
    const choice: CellChoice = {
      type: cellType as CellChoice['type'], device: { model: dev.model, resolved: dev.resolved },
      selector: cellType === '1s1r' ? selectorChoice(values, 2 * vRead + 1) : undefined,
      transistor: cellType === '1t1r' ? { ...DEFAULT_TRANSISTOR, vg } : undefined,
    };
    const sizes = values.sizes !== undefined ? qList(values.sizes, 'dimensionless', '--sizes').map((n) => int(n, 'sizes', 1, 4096, 0)) : [4, 8, 16, 32, 64];
    const row = int(values.row, 'row', 0, rows - 1, 0), col = int(values.col, 'col', 0, cols - 1, cols - 1);
    const t0 = performance.now();
    let result: Record<string, unknown>;
    const files: Record<string, string> = {};
    const layout = { rows, cols, rWord: rWire, rBit: rWire };

    if (op === 'read' || op === 'netlist') {
      const cells = buildCells(choice, rows, cols, new Rng(seed));
      const sys = new CrossbarSystem(layout, cells.cell);
      const r = readCell(sys, { row, col, vRead, scheme, rSense });
      const vw = new Float64Array(rows * cols), vb = new Float64Array(rows * cols);
      for (let c = 0; c < rows * cols; c++) { vw[c] = sys.x[sys.nodes.cellW[c]]; vb[c] = sys.x[sys.nodes.cellB[c]]; }
      files['word-line-voltage.csv'] = matrixCsv(vw, rows, cols);
      files['bit-line-voltage.csv'] = matrixCsv(vb, rows, cols);
      files['cell-current.csv'] = matrixCsv(sys.iCell, rows, cols);
      result = { op, rows, cols, cell: cellType, scheme, row, col, vRead, rSense, status: r.solve.status, message: r.solve.message, newton: r.solve.newton,
        vOut: r.vOut, iSense: r.iSense, iCell: r.iCell, iSneak: r.iSneak, sneakFraction: r.sneakFraction, power: r.power, kclError: sys.kclError() };
      const tRead = values['t-read'] !== undefined ? q(values['t-read'], 'time', '--t-read') : 1e-6;
      result.energyPerRead = r.power * tRead; // every element's I V integrated over a read of length t-read (DC during the read)
      result.tRead = tRead;
      if (op === 'netlist') {
        if (cellType === '1t1r' || (choice.selector && choice.selector.kind !== 'sinh')) throw new UsageError('crossbar --op netlist: 1R cells or 1S1R with the sinh selector');
        const sel = choice.selector && choice.selector.kind === 'sinh' ? { is: choice.selector.is, vs: choice.selector.vs } : undefined;
        files['crossbar.cir'] = crossbarNetlist(layout, { kind: 'device-dc', expr: deviceExpressions(dev.model, dev.resolved), states: cells.memory.x, selector: sel },
          readDrive(rows, cols, { row, col, vRead, scheme, rSense }), '.control\nset numdgt=15\nop\nprint all\n.endc');
        if (!out) console.log(files['crossbar.cir']);
      }
    } else if (op === 'margin') {
      result = { op, cell: cellType, scheme, vRead, rSense, rWire, rows: marginVsSize(choice, sizes, { rWire, vRead, scheme, rSense }) };
    } else if (op === 'selectors') {
      const target = values.target !== undefined ? Number(values.target) : 0.1;
      const mem = { model: dev.model, resolved: dev.resolved };
      const list: Array<[string, CellChoice, number]> = [['none (1R)', { type: '1r', device: mem }, 1], ['sinh (Is 1 uA, Vs 50 mV)', { type: '1s1r', device: mem, selector: DEFAULT_SINH }, 1]];
      // read voltages: above the selector threshold, half of it below (V/2 scheme)
      for (const [id, tRead, v, vMax] of [['ag-hfox-midya2017', 1e-6, 0.8, 1.5], ['yang-selector', 1e-3, 1.2, 2.5], ['vo2-zhang2024', 1e-6, 6, 8]] as const) {
        if (!getPreset(id)) continue;
        const d = resolveDevice({ preset: id }, 'selector');
        list.push([id, { type: '1s1r', device: mem, selector: { kind: 'quasi-static', tRead, vMax, model: d.model, resolved: d.resolved } }, v]);
      }
      const nMax = int(values.rows, 'rows', 2, 4096, 512);
      result = { op, target, scheme: 'v2', sensing: 'current (virtual ground)', rWire, nMax, selectors: list.map(([name, c, v]) => ({ selector: name, vRead: v, ...largestArray(c, target, { rWire, vRead: v, scheme: 'v2', rSense: 0 }, nMax) })) };
    } else if (op === 'write' || op === 'verify') {
      const cells = buildCells(choice, rows, cols, new Rng(seed));
      const sys = new CrossbarSystem(layout, cells.cell);
      const amplitude = values.amplitude !== undefined ? q(values.amplitude, 'voltage', '--amplitude') : 2;
      const width = values.width !== undefined ? q(values.width, 'time', '--width') : 1e-3;
      if (scheme !== 'v2' && scheme !== 'v3') throw new SpecError('--scheme', scheme, 'v2 or v3 for writes');
      if (op === 'write') {
        const k = int(values.writes, 'writes', 1, 1e6, 10);
        const r = halfSelectDisturb(sys, cells, { row, col, amplitude, width, scheme }, k, 0.1);
        result = { op, row, col, amplitude, width, scheme, writes: k, status: r.status, selectedChange: r.selectedChange, disturbAfterK: r.disturb[k - 1], disturb: Array.from(r.disturb), energyPerWrite: r.energy / k };
      } else {
        const gMin = values['g-min'] !== undefined ? q(values['g-min'], 'conductance', '--g-min') : 1e-4;
        const gMax = values['g-max'] !== undefined ? q(values['g-max'], 'conductance', '--g-max') : 5e-4;
        const rng = new Rng(seed).stream('targets'), target = new Float64Array(rows * cols);
        for (let c = 0; c < target.length; c++) target[c] = rng.uniform(gMin, gMax);
        const r = writeVerify(sys, cells, target, { vRead: 0.1, vSet: Math.abs(amplitude) * 0.75, vReset: Math.abs(amplitude) * 0.75, vStep: 0.1, vMax: 2 * Math.abs(amplitude), width, tol: 0.05, maxPulses: 50, scheme });
        const p = Array.from(r.pulses);
        files['final-error.csv'] = matrixCsv(r.finalError, rows, cols);
        result = { op, status: r.status, failed: r.failed, passes: r.passes, meanPulses: p.reduce((a, b) => a + b, 0) / p.length, maxPulses: Math.max(...p), maxError: Math.max(...Array.from(r.finalError, Math.abs)), energy: r.energy };
      }
    } else if (op === 'vmm') {
      const wires = values.wires !== undefined ? qList(values.wires, 'resistance', '--wires') : [0, 0.5, 1, 2.5];
      const dac = int(values['dac-bits'], 'dac-bits', 0, 24, 8), adc = int(values['adc-bits'], 'adc-bits', 0, 24, 8);
      const gDtod = values['g-dtod'] !== undefined ? Number(values['g-dtod']) : 0, gC2c = values['g-c2c'] !== undefined ? Number(values['g-c2c']) : 0;
      if (!(gDtod >= 0 && gC2c >= 0)) throw new SpecError('--g-dtod/--g-c2c', `${values['g-dtod']}/${values['g-c2c']}`, 'non-negative relative spreads');
      result = { op, dacBits: dac, adcBits: adc, gDtod, gC2c, rows: vmmStudy(sizes, wires, { vRead: 0.2, gMin: 1e-6, gMax: 1e-4, dacBits: dac, adcBits: adc, gDtod, gC2c }, 8, seed) };
    } else if (op === 'rf') {
      const s = values.ron !== undefined || values.coff !== undefined
        ? { ron: q(values.ron ?? 3.5, 'resistance', '--ron'), coff: q(values.coff ?? 1.26e-15, 'capacitance', '--coff') }
        : switchFromMeasurements(0.3, 30, 40e9);
      const freqs = [1e9, 2e9, 5e9, 10e9, 20e9, 40e9, 60e9, 80e9, 110e9];
      const r = rfSweep(s, freqs);
      result = { op, ron: s.ron, coff: s.coff, cutoffHz: r.fc, sweep: freqs.map((f, k) => ({ f, insertionLossDb: r.il[k], isolationDb: r.iso[k] })) };
    } else throw new SpecError('--op', op, 'read, margin, selectors, write, verify, vmm, netlist or rf');

    result.wallTime = (performance.now() - t0) / 1e3;
    if (out) {
      for (const [name, text] of Object.entries(files)) writeAtomic(join(out, name), text);
      writeAtomic(join(out, 'crossbar.json'), toJson(result));
    }
    if (values.json) console.log(toJson(result));
    else if (op !== 'netlist' || out) console.log(toJson(result));
    return result.status === undefined || result.status === 'ok' ? 0 : 1;
  },
};
