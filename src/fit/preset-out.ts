/**
 * The preset a fit writes: fitted values (plus every other parameter that differs from the
 * model defaults, so the file stands alone), measured spreads as `<param>Dtod` / `<param>C2c`,
 * and metadata that `devices/preset-file` keeps: uncertainties, correlations, goodness of fit
 * per data set, the data files with their SHA-256 hashes, and the fit settings. Plain data;
 * the CLI serialises it as YAML.
 * @module fit/preset-out
 */
import type { DeviceModel } from '../devices/contract.js';
import type { FitResult } from './fit.js';
import type { MappedSpread, ObservedSpread } from './variability.js';

/** One data file used in the fit. */
export interface DataFileInfo { file: string; kind: string; sha256: string; rows: number; }

/** Round to 6 significant digits for a readable file (well below any fitted uncertainty). */
export function sig6(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(6)) : x;
}

/** Everything needed to write the preset. */
export interface PresetOutInput {
  id: string;
  model: DeviceModel;
  /** Preset the fit started from, if any. */
  basePreset?: string;
  /** Standard-sweep scale for protocols (copied from the base preset). */
  sweep?: Readonly<Record<string, number>>;
  fit?: FitResult;
  /** Full parameter vector to write (defaults to fit.values). */
  values: Float64Array;
  files: DataFileInfo[];
  spreads?: MappedSpread[];
  observed?: ObservedSpread[];
  /** Parameters set by a non-fit procedure (e.g. tabulation), with how. */
  tabulated?: { params: string[]; method: string; goodness?: Array<{ data: string; r2: number; rmse: number; points: number }> };
  /** Equations of an `equation` model (written so that the preset file is self-contained). */
  equations?: unknown;
}

/** Build the preset document. */
export function presetDocument(inp: PresetOutInput): Record<string, unknown> {
  const { model, fit } = inp;
  const params: Record<string, number | string> = {};
  model.params.forEach((p, k) => {
    const v = inp.values[k];
    if (v === p.default) return;
    params[p.name] = p.choices ? p.choices[v] : sig6(v);
  });
  for (const s of inp.spreads ?? []) {
    if (s.d2d > 0) params[`${s.param}Dtod`] = sig6(s.d2d);
    if (s.c2c > 0) params[`${s.param}C2c`] = sig6(s.c2c);
    params[`${s.param}Dist`] = s.distribution;
  }
  const files = inp.files.map((f) => `${f.file} (${f.kind}, sha256 ${f.sha256.slice(0, 12)})`).join(', ');
  const r2 = fit ? fit.sets.map((s) => `R^2 ${s.r2.toFixed(4)}`).join(', ') : '';
  const what = [fit ? `${fit.params.map((p) => p.name).join(', ')} fitted` : '', inp.tabulated ? `${inp.tabulated.params.length} parameters tabulated` : '', inp.spreads?.length ? 'spreads from repeated cycles' : ''].filter(Boolean).join('; ');
  const doc: Record<string, unknown> = {
    id: inp.id,
    model: model.id,
    title: `${model.title}: fitted to ${inp.files.map((f) => f.file).join(', ')}`,
    citation: `own measurements: ${files}`,
    fittedTo: `${files}; ${what}${r2 ? ` (${r2})` : ''}; by nanoionics fit`,
    notes: fit?.warnings.length ? `fit warnings: ${fit.warnings.join(' | ')}` : undefined,
    params,
  };
  if (inp.equations !== undefined) doc.equations = inp.equations;
  if (inp.sweep) doc.sweep = { ...inp.sweep };
  if (fit) {
    doc.uncertainties = Object.fromEntries(fit.params.map((p) => [p.name, { value: sig6(p.value), sigma: sig6(p.sigma), unit: p.unit, ...(p.log ? { sigmaDecades: sig6(p.sigmaCoord) } : {}), atBound: p.atBound }]));
    doc.correlations = { params: fit.params.map((p) => p.name), matrix: fit.correlation.map((row) => row.map((x) => Number(x.toFixed(4)))) };
    doc.goodness = fit.sets.map((s) => ({ data: s.name, kind: s.kind, quantity: s.target === 'i' ? 'current' : 'read conductance', points: s.n, r2: sig6(s.r2), rmse: sig6(s.rmse) }));
    const st = fit.settings;
    doc.fit = {
      method: 'differential evolution (DE/rand/1/bin, seeded) + Levenberg-Marquardt; sigma from s^2 (J^T J)^-1',
      status: fit.status, message: fit.message, warnings: fit.warnings, evaluations: fit.evaluations,
      seed: st.seed, generations: fit.generations, residual: st.residual, rtol: st.rtol, vRead: st.vRead, series: st.series,
      compliance: Number.isFinite(st.compliance) ? st.compliance : 'none',
      free: fit.params.map((p) => ({ name: p.name, lo: p.lo, hi: p.hi, scale: p.log ? 'log' : 'linear', start: sig6(p.start) })),
      basePreset: inp.basePreset,
      cost: sig6(fit.cost), points: fit.points, residualVariance: sig6(fit.s2), conditionNumber: sig6(fit.conditionNumber),
    };
  }
  if (inp.tabulated) doc.tabulated = inp.tabulated;
  if (inp.observed?.length) {
    doc.variability = {
      observed: inp.observed.map((o) => ({ ...o, mean: sig6(o.mean), c2c: sig6(o.c2c), d2d: sig6(o.d2d) })),
      mapping: (inp.spreads ?? []).map((s) => ({ ...s, sensitivity: sig6(s.sensitivity), c2c: sig6(s.c2c), d2d: sig6(s.d2d) })),
      method: 'first-order: parameter spread = observed spread / |d ln Q / d ln p| (fit/variability)',
    };
  }
  doc.data = inp.files;
  for (const k of Object.keys(doc)) if (doc[k] === undefined) delete doc[k];
  return doc;
}
