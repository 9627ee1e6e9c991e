/**
 * `retention-bake`: the programmed LRS (and HRS) is written at the preset's own ambient
 * temperature, then held at 0 V at each bake temperature until its read conductance loses
 * the read margin: ln G crosses ln G_LRS - margin (ln G_LRS - ln G_HRS) for the LRS, the
 * mirror image for the HRS (an event on the dense output gives the crossing time). The
 * failure times are fitted by Arrhenius (memory/arrhenius) and extrapolated to 85 C and
 * 125 C with their standard error. The bake temperature is the model's first parameter of
 * dimension temperature (activated-filament: tamb); a model without one cannot be baked.
 * @module memory/retention-bake
 */
import type { MemoryProtocol, OptionDef, Curve } from './protocol.js';
import { resolveOptions, metric, cleanOptions } from './protocol.js';
import { driveOf, preparedCell } from './program.js';
import type { Cell } from './cell.js';
import { fitArrhenius, arrheniusAt } from './arrhenius.js';
import type { Metric } from '../experiment/run.js';
import type { DeviceModel } from '../devices/contract.js';
import { T_ZERO_C } from '../units/constants.js';

/** Seconds per (Julian) year. */
export const YEAR = 365.25 * 86400;

const OPTIONS: readonly OptionDef[] = [
  { name: 'temperatures', dim: 'temperature', unit: 'K', list: true, default: [423.15, 473.15, 523.15, 573.15], min: 1, max: 2000, meaning: 'bake temperatures' },
  { name: 'margin', dim: 'dimensionless', unit: '1', default: 0.5, min: 0.01, max: 0.99, meaning: 'fraction of the ln G window whose loss is a failure' },
  { name: 'tMax', dim: 'time', unit: 's', default: 1e9, min: 1e-9, max: 1e15, meaning: 'longest bake per temperature' },
  { name: 'vRead', dim: 'voltage', unit: 'V', meaning: 'read voltage (default: the preset sweep vRead)' },
  { name: 'samples', dim: 'dimensionless', unit: '1', default: 16, min: 2, max: 200, integer: true, meaning: 'reads per bake curve' },
];

/** The model's temperature parameter, if any. */
export function temperatureParam(model: DeviceModel): string | undefined {
  return model.params.find((p) => p.dim === 'temperature')?.name;
}

/** Time for the state to cross gTh at 0 V from `start` (NaN when not within tMax). */
export function bakeTime(cell: Cell, start: Float64Array, gTh: number, dir: 1 | -1, vRead: number, tMax: number): number {
  cell.restore(start);
  const r = cell.hold(0, tMax, { g: gTh, direction: dir }, vRead);
  if (r.status !== 'ok') throw new Error(`bake failed: ${r.message}`);
  return r.crossed ? r.t : NaN;
}

/** Read conductance at log-spaced bake times up to tEnd. */
function bakeCurve(cell: Cell, start: Float64Array, vRead: number, tEnd: number, samples: number): { t: number[]; g: number[] } {
  cell.restore(start);
  const t: number[] = [], g: number[] = [];
  let now = 0;
  for (let k = 0; k < samples; k++) {
    const tk = tEnd * 10 ** (-4 + (4 * k) / (samples - 1));
    cell.hold(0, tk - now);
    now = tk;
    t.push(tk);
    g.push(cell.read(vRead)[0]);
  }
  return { t, g };
}

export const retentionBake: MemoryProtocol = {
  name: 'retention-bake',
  summary: 'bake the programmed states at several temperatures; Arrhenius fit; retention at 85 C and 125 C',
  options: OPTIONS,
  run(ref, raw = {}, seed = 1) {
    const o = resolveOptions(OPTIONS, raw);
    const drive = driveOf(ref, { vRead: o.vRead as number | undefined });
    const temps = o.temperatures as number[], margin = o.margin as number, tMax = o.tMax as number;
    const tp = temperatureParam(ref.model);
    const dev = ref.preset?.id ?? ref.model.id;
    const notes: string[] = [];
    const metrics: Record<string, Metric> = {};
    const curves: Record<string, Curve> = {};
    if (!tp) {
      notes.push(`model ${ref.model.id} has no temperature parameter: retention cannot be baked (the model predicts no thermally activated loss)`);
      return { protocol: 'retention-bake', device: dev, metrics, curves, notes, options: cleanOptions(o) };
    }
    const { cell, refs } = preparedCell(ref, drive, { seed });
    const t0 = cell.group.get(tp);
    const lw = Math.log(refs.gLrs / refs.gHrs);
    const gFailL = refs.gLrs * Math.exp(-margin * lw), gFailH = refs.gHrs * Math.exp(margin * lw);
    const tL: number[] = [], tH: number[] = [];
    const bakeSeries: Record<string, number[]> = {};
    let tAxis: number[] = [];
    for (const T of temps) {
      cell.setParam(tp, T);
      tL.push(bakeTime(cell, refs.xLrs, gFailL, -1, drive.vRead, tMax));
      tH.push(bakeTime(cell, refs.xHrs, gFailH, 1, drive.vRead, tMax));
    }
    // curves on a common time axis reaching past the longest finite LRS failure
    const finite = tL.filter(Number.isFinite);
    const tEnd = finite.length ? Math.min(tMax, 3 * Math.max(...finite)) : tMax;
    for (const T of temps) {
      cell.setParam(tp, T);
      const c = bakeCurve(cell, refs.xLrs, drive.vRead, tEnd, o.samples as number);
      tAxis = c.t;
      bakeSeries[`LRS ${(T - T_ZERO_C).toFixed(0)} C`] = c.g;
    }
    cell.setParam(tp, t0);
    curves.bake = { title: 'LRS read conductance during bakes', x: tAxis, xLabel: 'bake time', xUnit: 's', logX: true, logY: true, yUnit: 'S', series: bakeSeries };
    curves.arrhenius = { title: 'Time to lose the read margin vs bake temperature', x: temps.map((T) => 1000 / T), xLabel: '1000 / T', xUnit: '1/K', logY: true, yUnit: 's', series: { LRS: tL, HRS: tH } };
    const fitL = fitArrhenius(temps, tL), fitH = fitArrhenius(temps, tH);
    metrics.gLrs = metric(refs.gLrs, 'S', 'programmed LRS at the read voltage');
    metrics.gHrs = metric(refs.gHrs, 'S', 'programmed HRS at the read voltage');
    const put = (name: string, fit: ReturnType<typeof fitArrhenius>, label: string): void => {
      if (!fit) {
        notes.push(`${label}: fewer than two bakes failed within ${tMax} s; no Arrhenius fit (the ${label} is stable in this model at these temperatures)`);
        metrics[`${name}Ea`] = metric(NaN, 'eV', `${label} activation energy (no fit)`);
        const none = tAllNaN(name === 'lrs' ? tL : tH);
        metrics[`${name}Retention85`] = none
          ? { value: tMax, unit: 's', meaning: `${label} retention at 85 C is at least this: no failure within the longest bake at any temperature`, bound: 'lower' } as Metric
          : metric(NaN, 's', `${label} retention at 85 C (one failing bake: no fit)`);
        return;
      }
      metrics[`${name}Ea`] = metric(fit.ea, 'eV', `${label} activation energy from the Arrhenius fit`);
      metrics[`${name}EaSe`] = metric(fit.eaSe, 'eV', `standard error of the ${label} activation energy`);
      for (const C of [85, 125]) {
        const a = arrheniusAt(fit, C + T_ZERO_C);
        metrics[`${name}Retention${C}`] = metric(a.t, 's', `${label} retention extrapolated to ${C} C`);
        metrics[`${name}Retention${C}Factor`] = metric(Math.exp(a.lnSe), '1', `one-standard-error factor (x/÷) on the ${C} C retention`);
      }
    };
    put('lrs', fitL, 'LRS');
    put('hrs', fitH, 'HRS');
    notes.push(`failure: ln G crosses ${margin} of the ln G window (${gFailL.toExponential(3)} S for the LRS); bakes at 0 V, temperature via parameter ${tp}.`);
    return { protocol: 'retention-bake', device: dev, metrics, curves, notes, options: cleanOptions({ ...o, vRead: drive.vRead }) };
  },
};

function tAllNaN(t: number[]): boolean { return t.every((x) => !Number.isFinite(x)); }
