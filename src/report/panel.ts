/**
 * Report panels: one per review figure panel. A panel definition names the protocol, the
 * device (the first preset of a list that is in the catalogue), the checks against
 * measurements.md (value, band, provenance code, hard or soft gate) and how to plot the
 * result. `computePanel` runs it; drawing happens elsewhere (report/html).
 * @module report/panel
 */
import { getPreset, getMultiTerminalPreset } from '../devices/catalogue.js';
import { runProtocolSpec } from '../protocols/registry.js';
import type { ProtocolResult, Table } from '../protocols/types.js';
import type { PlotSpec } from './svg-plot.js';

/** Provenance code of a published number (measurements.md). */
export type Code = 'S' | 'B' | 'R' | 'D' | 'Q';

/** One comparison of a simulated metric with a published value or band. */
export interface Check {
  metric: string;
  value: number;
  unit: string;
  /** The band as text ("1.2 - 1.6", "> 1e3", "true"). */
  band: string;
  code: Code;
  /** Hard gates fail the panel; soft gates warn (B and R numbers, measurements.md). */
  gate: 'hard' | 'soft';
  pass: boolean;
  /** measurements.md row. */
  source: string;
}

/** A panel definition. */
export interface PanelDef {
  id: string;
  figure: string;
  title: string;
  /** What the review reports, in a sentence. */
  review: string;
  /** How the simulation is set up where that is a choice made here (shown on the card). */
  setup?: string;
  protocol: string;
  /** Candidate device presets, first available wins. */
  devices: string[];
  /** Candidate series presets (diffusive + drift stacks). */
  series?: string[];
  params?: Record<string, unknown>;
  circuit?: Record<string, unknown>;
  /** Integrator override (e.g. dopri5 where the stiff default is slow). */
  method?: string;
  checks(r: ProtocolResult): Check[];
  plot(r: ProtocolResult): PlotSpec;
  /** The numbers behind the checks, in a line (shown on the card with the run's messages). */
  summary?(r: ProtocolResult): string;
  /** Tables written as CSV (default: all). */
  tables?: string[];
  /**
   * Panels that do not run a protocol (the physics level): compute tables, checks, the plot
   * and extra figures directly. When present, `devices` is only a label, `protocol` names the
   * scenario, and `checks` / `plot` are not called.
   */
  compute?(seed: number, o: PanelOptions): ComputedPanel;
}

/** Options of a computed panel. */
export interface PanelOptions {
  /** Full resolution (slow); the default is the reduced resolution that fits the report budget. */
  full?: boolean;
}

/** What a computed panel returns. */
export interface ComputedPanel {
  tables: Record<string, Table>;
  checks: Check[];
  plot: PlotSpec;
  /** Extra figures as SVG documents (heatmaps, second plots). */
  figures?: string[];
  /** Number of simulation runs, and the resolution used (shown on the card). */
  runs: number;
  resolution: string;
  status: 'ok' | 'failed';
  messages: string[];
}

/** Outcome of a panel. */
export interface PanelResult {
  id: string;
  figure: string;
  title: string;
  review: string;
  setup?: string;
  protocol: string;
  device?: string;
  series?: string;
  /** pass: all hard checks pass (soft ones may warn); missing: a preset is not in the catalogue. */
  status: 'pass' | 'warn' | 'fail' | 'missing' | 'error';
  checks: Check[];
  result?: ProtocolResult;
  plot?: PlotSpec;
  /** Extra SVG figures (computed panels). */
  figures?: string[];
  note?: string;
}

/** A check of a value against [lo, hi] (either may be infinite). */
export function inBand(metric: string, value: number, unit: string, lo: number, hi: number, band: string, code: Code, source: string): Check {
  return { metric, value, unit, band, code, gate: code === 'S' || code === 'Q' || code === 'D' ? 'hard' : 'soft', pass: value >= lo && value <= hi, source };
}

/** A qualitative check (value 1 = true). */
export function holds(metric: string, ok: boolean, band: string, code: Code, source: string): Check {
  return { metric, value: ok ? 1 : 0, unit: '1', band, code, gate: code === 'B' || code === 'R' ? 'soft' : 'hard', pass: ok, source };
}

const cache = new Map<string, ProtocolResult>();

/** A computed panel definition (no protocol: `checks` and `plot` come from `compute`). */
export function computedPanel(d: Omit<PanelDef, 'checks' | 'plot' | 'compute'> & { compute: NonNullable<PanelDef['compute']> }): PanelDef {
  return { ...d, checks: () => [], plot: () => ({ xLabel: '', xUnit: '', yLabel: '', yUnit: '', series: [] }) };
}

/** A table from named columns (typed arrays are copied). */
export function table(cols: Record<string, ArrayLike<number>>, units: Record<string, string> = {}): Table {
  const columns: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(cols)) columns[k] = Array.from(v);
  return { columns, units };
}

/** Run a computed (physics) panel; its output is wrapped as a ProtocolResult for tables and CSV. */
function computeDirect(def: PanelDef, seed: number, o: PanelOptions): PanelResult {
  const base = { id: def.id, figure: def.figure, title: def.title, review: def.review, setup: def.setup, protocol: def.protocol, device: def.devices[0] };
  try {
    const c = def.compute!(seed, o);
    const result: ProtocolResult = { protocol: def.protocol, device: def.devices[0] ?? '-', params: {}, read: `physics level: ${c.resolution}`, metrics: {}, tables: c.tables, status: c.status, messages: c.messages, runs: c.runs };
    const hardFail = c.checks.some((k) => k.gate === 'hard' && !k.pass);
    const softFail = c.checks.some((k) => k.gate === 'soft' && !k.pass);
    const status = c.status !== 'ok' || hardFail ? 'fail' : softFail ? 'warn' : 'pass';
    return { ...base, status, checks: c.checks, result, plot: { ...c.plot, id: def.id }, figures: c.figures, note: [c.resolution, ...c.messages].join('; ') };
  } catch (e) {
    return { ...base, status: 'error', checks: [], note: (e as Error).message };
  }
}

/** Run a panel (results of identical protocol runs are shared between panels). */
export function computePanel(def: PanelDef, seed = 1, o: PanelOptions = {}): PanelResult {
  if (def.compute) return computeDirect(def, seed, o);
  const base = { id: def.id, figure: def.figure, title: def.title, review: def.review, setup: def.setup, protocol: def.protocol };
  const device = def.devices.find((d) => getPreset(d) || getMultiTerminalPreset(d));
  const series = def.series ? def.series.find((d) => getPreset(d)) : undefined;
  if (!device || (def.series && !series)) {
    const want = !device ? def.devices.join(' or ') : def.series!.join(' or ');
    return { ...base, device, series, status: 'missing', checks: [], note: `preset ${want} is not in the catalogue of this build: panel not simulated` };
  }
  const raw: Record<string, unknown> = { protocol: def.protocol, device: { preset: device }, params: def.params ?? {}, seed };
  if (series) raw.series = { preset: series };
  if (def.circuit) raw.circuit = def.circuit;
  if (def.method) raw.solver = { method: def.method };
  const key = JSON.stringify(raw);
  try {
    let r = cache.get(key);
    if (!r) { r = runProtocolSpec(raw); cache.set(key, r); }
    const checks = def.checks(r);
    const hardFail = checks.some((c) => c.gate === 'hard' && !c.pass);
    const softFail = checks.some((c) => c.gate === 'soft' && !c.pass);
    const status = r.status !== 'ok' || hardFail ? 'fail' : softFail ? 'warn' : 'pass';
    const note = [...r.messages, ...(def.summary ? [def.summary(r)] : [])].join('; ');
    return { ...base, device, series, status, checks, result: r, plot: { ...def.plot(r), id: def.id }, note: note || undefined };
  } catch (e) {
    return { ...base, device, series, status: 'error', checks: [], note: (e as Error).message };
  }
}

/** Forget cached protocol runs (tests). */
export function clearPanelCache(): void { cache.clear(); }
