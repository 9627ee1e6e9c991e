import type { Command } from '../command.js';
import { parse, parseSets, UsageError } from '../args.js';
import { readSpecFile, writeAtomic, toJson } from '../io.js';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import type { DeviceModel, Preset } from '../../devices/contract.js';
import { getModel, getPreset } from '../../devices/catalogue.js';
import { presetFromData } from '../../devices/preset-file.js';
import { buildEquationModel } from '../../devices/equation/build.js';
import { resolveParams } from '../../devices/params.js';
import { parseQuantity, SpecError } from '../../units/parse.js';
import {
  importData, parseDataRef, freeParams, fitModel, FIT_DEFAULTS, Replay, goodness, tabulateDataDriven, cyclesFromSweeps,
  observedSpreads, mapSpreads, sensitivity, defaultSpreadMapping, presetDocument, fitReportHtml,
  SWITCHING_QUANTITIES, type DataSet, type CycleTable, type FitResult, type FitSettings, type DataFileInfo,
  type Role, type SwitchingQuantity, type MappedSpread,
} from '../../fit/index.js';

const help = `nanoionics fit MODEL --data FILE[:KIND] ... [--free p1,p2] [--out DIR] [--json]

Fit a catalogue model (MODEL: a model id, a preset id, a preset file, or a YAML file with an
equation model: { model: equation, equations: ... }) to measured data. Writes a preset
(YAML) that --device accepts everywhere, and a fit report.

Data (repeat --data; KIND iv (default), pulse, retention or cycles):
  iv         voltage, current [, time] [, cycle] [, device]; without time: --rate
  pulse      time, voltage, current or conductance (or resistance) reads
  retention  time, conductance (or resistance) [, voltage]
  cycles     cycle, device, V_set, V_reset, R_on, R_off (any of the last four) or raw
             sweeps: switching statistics -> <param>Dtod / <param>C2c of the preset
  Units from headers "I [mA]" / "t (us)" or --unit ROLE=UNIT; columns found by usual names
  or mapped with --col ROLE=NAME|NUMBER. Roles: time voltage current conductance resistance
  cycle device vset vreset ron roff. Rows are replayed as a piecewise-linear stimulus:
  give both sides of a pulse edge as two rows with the same time.

Options:
  --free LIST        parameters to fit, comma separated, each NAME or NAME=LO:HI
                     (default bounds: the schema range; log-scaled parameters within
                     --span decades of the start value)
  --set NAME=VALUE   fixed parameter overrides (repeatable)
  --id ID            id of the written preset (default fit-MODEL)
  --out DIR          write DIR/ID.yaml (preset), DIR/fit-report.html, DIR/fit.json
  --json             print the result as one JSON document
  --seed N           seed of the global search (default 1)
  --generations N    differential-evolution generations (default 40; 0 = LM only)
  --population N     population size (default 8 per free parameter, 12..40)
  --residual KIND    linear (default; each data set scaled by its RMS) or log (asinh)
  --span DECADES     default search span around the start for log parameters (3)
  --rate V/S         sweep rate of iv files without a time column (default 1 V/s)
  --vread V          read voltage of conductance data (default 0.1 V)
  --series OHM       series resistance of the set-up (default 0)
  --compliance A     current compliance of the set-up (default none)
  --spread Q=PARAM   map a switching quantity (vset, vreset, ron, roff) onto a parameter
                     spread (default ron/roff onto same-named parameters or gon/goff)
  -h, --help

MODEL data-driven (the bare model id): pulse data (both polarities, conductance reads) are
tabulated into its knots first; --free then refines any of its parameters. Starting from a
data-driven preset (ag-asi-jo2010) keeps the preset's knots and fits only --free.

Exit status: 0 when the fit converged, 1 when it did not (the best point is still written),
2 on bad input (the message names the file, the line and what was expected).`;

function keyValues(list: unknown, flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of (list as string[] | undefined) ?? []) {
    const k = s.indexOf('=');
    if (k <= 0) throw new UsageError(`${flag} ${s}: expected NAME=VALUE`);
    out[s.slice(0, k).trim()] = s.slice(k + 1).trim();
  }
  return out;
}

function num(v: unknown, dim: Parameters<typeof parseQuantity>[1], flag: string, def: number): number {
  if (v === undefined) return def;
  const s = String(v);
  return parseQuantity(Number.isFinite(Number(s)) ? Number(s) : s, dim, flag);
}

/**
 * The starting device: a catalogue model or preset id, a preset file, or a device-spec file
 * of an `equation` model (`{ model: equation, equations: ... }`, optionally under `device:`).
 */
function resolveStart(ref: string): { model: DeviceModel; preset?: Preset; spec?: Record<string, unknown> } {
  const preset = getPreset(ref);
  if (preset) return { model: getModel(preset.model)!, preset };
  const model = getModel(ref);
  if (model) return { model };
  if (!/[./\\]/.test(ref)) throw new SpecError('MODEL', ref, 'a model id, a preset id or a preset / equation-model file (see nanoionics models)');
  let data = readSpecFile(ref) as Record<string, unknown>;
  if (data && typeof data === 'object' && data.device && typeof data.device === 'object') data = data.device as Record<string, unknown>;
  if (data && typeof data === 'object' && data.model === 'equation' && data.equations !== undefined) {
    const spec = { model: 'equation', equations: data.equations, ...(data.set ? { set: data.set } : {}) };
    if (data.fittedTo === undefined) return { model: buildEquationModel(spec, ref).model, spec };
    return { ...presetFromData(data, ref), spec: { model: 'equation', equations: data.equations } };
  }
  return presetFromData(data, ref);
}

/** Protocol amplitudes of a tabulated data-driven device: its reference pulses. */
function sweepOfTable(values: Float64Array, model: DeviceModel): Record<string, number> {
  const at = (n: string) => values[model.params.findIndex((p) => p.name === n)];
  return { vSet: at('vp'), vReset: -at('vd'), vRead: 0.1 };
}

export const fitCommand: Command = {
  name: 'fit',
  summary: 'fit a model to measured data (CSV) and write a preset',
  help,
  run(argv) {
    const { values: o, positionals } = parse(argv, {
      data: { type: 'string', multiple: true }, free: { type: 'string', multiple: true }, set: { type: 'string', multiple: true },
      col: { type: 'string', multiple: true }, unit: { type: 'string', multiple: true }, spread: { type: 'string', multiple: true },
      id: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, seed: { type: 'string' }, generations: { type: 'string' },
      population: { type: 'string' }, residual: { type: 'string' }, span: { type: 'string' }, rate: { type: 'string' },
      vread: { type: 'string' }, series: { type: 'string' }, compliance: { type: 'string' },
    });
    if (o.help) { console.log(help); return 0; }
    if (positionals.length !== 1) throw new UsageError('usage: nanoionics fit MODEL --data FILE[:KIND] ... [--free p1,p2] [--out DIR] [--json]');
    const dataRefs = (o.data as string[] | undefined) ?? [];
    if (!dataRefs.length) throw new UsageError('--data FILE[:KIND] is required (at least one)');
    const { model, preset, spec: deviceSpec } = resolveStart(positionals[0]);
    const set = parseSets(o.set);
    const columns = keyValues(o.col, '--col') as Partial<Record<Role, string>>;
    const units = keyValues(o.unit, '--unit') as Partial<Record<Role, string>>;
    const rate = o.rate !== undefined ? parseQuantity(Number.isFinite(Number(o.rate)) ? Number(o.rate) : String(o.rate), 'any', '--rate') : undefined;
    const residual = (o.residual ?? 'linear') as string;
    if (residual !== 'linear' && residual !== 'log') throw new UsageError(`--residual ${residual}: expected linear or log`);
    const intOpt = (v: unknown, flag: string, def: number) => {
      if (v === undefined) return def;
      const x = Number(v);
      if (!Number.isInteger(x) || x < 0) throw new UsageError(`${flag} ${String(v)}: expected a non-negative integer`);
      return x;
    };
    const settings: FitSettings = {
      ...FIT_DEFAULTS, seed: intOpt(o.seed, '--seed', 1), generations: intOpt(o.generations, '--generations', FIT_DEFAULTS.generations),
      population: intOpt(o.population, '--population', 0), residual,
      vRead: num(o.vread, 'voltage', '--vread', FIT_DEFAULTS.vRead), series: num(o.series, 'resistance', '--series', 0),
      compliance: o.compliance === undefined ? Infinity : num(o.compliance, 'current', '--compliance', Infinity),
    };
    // data
    const files: DataFileInfo[] = [];
    const fitSets: DataSet[] = [];
    const sweepSets: DataSet[] = [];
    const tables: CycleTable[] = [];
    for (const ref of dataRefs) {
      const { file, kind } = parseDataRef(ref);
      const text = readFileSync(file, 'utf8');
      const imp = importData(text, basename(file), { kind, columns, units, rate });
      files.push({ file: basename(file), kind, sha256: createHash('sha256').update(text).digest('hex'), rows: imp.sets.reduce((s, d) => s + d.t.length, 0) || (imp.cycles?.cycle.length ?? 0) });
      if (kind === 'cycles') { if (imp.cycles) tables.push(imp.cycles); else sweepSets.push(...imp.sets); }
      else fitSets.push(...imp.sets);
    }
    const t0 = performance.now();
    // starting values: preset + fixed overrides, then (data-driven) tabulation
    const startSet: Record<string, unknown> = { ...set };
    let tabulated: { params: string[]; method: string; goodness?: Array<{ data: string; r2: number; rmse: number; points: number }> } | undefined;
    if (model.id === 'data-driven' && !preset) {
      const pulses = fitSets.filter((d) => d.kind === 'pulse' && d.target === 'g');
      if (pulses.length) {
        const tab = tabulateDataDriven(pulses);
        for (const [k, v] of Object.entries(tab)) if (!(k in set)) startSet[k] = v;
        tabulated = { params: Object.keys(tab), method: 'fit/tabulate: pulse steps against their midpoint conductance, local linear regression at 9 knots per polarity' };
      }
    }
    const base = { model, preset, set: startSet, spec: deviceSpec };
    const freeList = ((o.free as string[] | undefined) ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
    let fit: FitResult | undefined;
    let values = resolveParams(model, preset, { ...((deviceSpec?.set as Record<string, unknown> | undefined) ?? {}), ...startSet }, 'start').values;
    if (freeList.length) {
      if (!fitSets.length) throw new UsageError('--free needs iv, pulse or retention data to fit');
      const span = o.span !== undefined ? Number(o.span) : 3;
      if (!(span > 0)) throw new UsageError(`--span ${String(o.span)}: expected a positive number of decades`);
      fit = fitModel(base, fitSets, freeParams(model, freeList, values, span), settings);
      values = fit.values;
    } else if (!tabulated && !tables.length && !sweepSets.length) {
      throw new UsageError('nothing to do: give --free p1,p2 (or cycles data for statistics, or pulse data for the data-driven model)');
    }
    // a tabulated model without a fit: how well it replays its own data
    const tabulatedFit = tabulated && !fit ? fitSets.map((d) => {
      const mv = new Float64Array(d.y.length);
      const err = new Replay(base, d, settings).evaluate(values, mv);
      return { ...goodness(d, err ? mv.fill(NaN) : mv), model: undefined };
    }) : undefined;
    if (tabulated && tabulatedFit) tabulated = { ...tabulated, goodness: tabulatedFit.map((g) => ({ data: g.name, r2: g.r2, rmse: g.rmse, points: g.n })) } as typeof tabulated;
    // statistics
    const cycleTables = [...tables, ...(sweepSets.length ? [cyclesFromSweeps(sweepSets, model.setPolarity)] : [])];
    let spreads: MappedSpread[] = [];
    const observed = cycleTables.flatMap(observedSpreads);
    if (observed.length) {
      const names = model.params.map((p) => p.name);
      const user = keyValues(o.spread, '--spread');
      const pairs = Object.keys(user).length
        ? Object.entries(user).map(([q, param]) => {
          if (!(SWITCHING_QUANTITIES as readonly string[]).includes(q)) throw new UsageError(`--spread ${q}=${param}: quantity must be one of ${SWITCHING_QUANTITIES.join(', ')}`);
          if (!names.includes(param)) throw new UsageError(`--spread ${q}=${param}: ${param} is not a parameter of ${model.id}`);
          return { quantity: q as SwitchingQuantity, param };
        })
        : defaultSpreadMapping(names);
      const sweep = [...sweepSets, ...fitSets.filter((d) => d.kind === 'iv')][0];
      const replay = sweep ? new Replay({ model, spec: deviceSpec }, sweep, settings) : undefined;
      const mapping = pairs.map((pq) => {
        const k = names.indexOf(pq.param);
        const direct = pq.quantity === pq.param ? 1 : (pq.quantity === 'ron' && pq.param === 'gon') || (pq.quantity === 'roff' && pq.param === 'goff') ? -1 : NaN;
        const s = replay ? sensitivity(replay, values, k, pq.quantity, model.setPolarity) : direct;
        return { ...pq, sensitivity: Number.isFinite(s) ? s : direct };
      });
      spreads = mapSpreads(observed.filter((x, k, a) => a.findIndex((y) => y.quantity === x.quantity) === k), mapping);
    }
    const wall = (performance.now() - t0) / 1e3;
    const id = (o.id as string | undefined) ?? `fit-${model.id}`;
    const doc = presetDocument({ id, model, basePreset: preset?.id, sweep: preset?.sweep ?? (model.id === 'data-driven' ? sweepOfTable(values, model) : undefined), fit, values, files, spreads, observed, tabulated, equations: deviceSpec?.equations });
    // the document must load back as a preset
    presetFromData(doc, `${id}.yaml`);
    if (o.out) {
      const dir = String(o.out);
      writeAtomic(join(dir, `${id}.yaml`), stringify(doc, { lineWidth: 0 }));
      if (fit) writeAtomic(join(dir, 'fit-report.html'), fitReportHtml(fit, fitSets, files, id));
      writeAtomic(join(dir, 'fit.json'), toJson({ preset: doc, fit: fit ? { ...fit, sets: fit.sets.map((s) => ({ ...s })) } : undefined, wallTime: wall }));
    }
    if (o.json) {
      const summary = fit ? { status: fit.status, message: fit.message, params: fit.params, correlation: fit.correlation, sets: fit.sets.map(({ model: _m, y: _y, ...rest }) => rest), warnings: fit.warnings, evaluations: fit.evaluations } : { status: 'tabulated' };
      console.log(toJson({ ...summary, preset: doc, wallTime: wall }));
    }
    else {
      if (fit) {
        console.log(`fit ${model.id}: ${fit.status} (${fit.message}), ${fit.evaluations} simulations, ${wall.toFixed(1)} s`);
        for (const p of fit.params) console.log(`  ${p.name.padEnd(8)} ${p.value.toPrecision(5)} +- ${p.sigma.toPrecision(2)} ${p.unit}${p.atBound ? '  (at bound)' : ''}`);
        for (const s of fit.sets) console.log(`  ${s.name}: R^2 ${s.r2.toFixed(5)}, RMSE ${s.rmse.toPrecision(3)} (${s.n} rows)`);
        for (const w of fit.warnings) console.log(`  warning: ${w}`);
      }
      if (tabulated) console.log(`data-driven: tabulated ${tabulated.params.length} parameters from pulse data${tabulatedFit ? `; replay ${tabulatedFit.map((g) => `${g.name} R^2 ${g.r2.toFixed(5)}`).join(', ')}` : ''}`);
      for (const x of observed) console.log(`  ${x.quantity}: C2C ${(100 * x.c2c).toFixed(2)} %, D2D ${(100 * x.d2d).toFixed(2)} % (${x.devices} devices, ${x.cycles} cycles${x.scale === 'log' ? ', sigma of ln' : ''})`);
      for (const s of spreads) console.log(`  -> ${s.param}C2c ${s.c2c.toPrecision(3)}, ${s.param}Dtod ${s.d2d.toPrecision(3)} (S = ${s.sensitivity.toPrecision(3)})`);
      if (o.out) console.log(`wrote ${join(String(o.out), `${id}.yaml`)}${fit ? ', fit-report.html' : ''}, fit.json`);
    }
    return fit && fit.status !== 'converged' ? 1 : 0;
  },
};
