/**
 * Report panels: one per review figure panel. A panel definition names the protocol, the
 * device (the first preset of a list that is in the catalogue), the checks against
 * measurements.md (value, band, provenance code, hard or soft gate) and how to plot the
 * result. `computePanel` runs it; drawing happens elsewhere (report/html).
 * @module report/panel
 */
import { getPreset, getMultiTerminalPreset } from '../devices/catalogue.js';
import { runProtocolSpec } from '../protocols/registry.js';
import type { ProtocolResult } from '../protocols/types.js';
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
  /** Tables written as CSV (default: all). */
  tables?: string[];
}

/** Outcome of a panel. */
export interface PanelResult {
  id: string;
  figure: string;
  title: string;
  review: string;
  protocol: string;
  device?: string;
  series?: string;
  /** pass: all hard checks pass (soft ones may warn); missing: a preset is not in the catalogue. */
  status: 'pass' | 'warn' | 'fail' | 'missing' | 'error';
  checks: Check[];
  result?: ProtocolResult;
  plot?: PlotSpec;
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

/** Run a panel (results of identical protocol runs are shared between panels). */
export function computePanel(def: PanelDef, seed = 1): PanelResult {
  const base = { id: def.id, figure: def.figure, title: def.title, review: def.review, protocol: def.protocol };
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
    return { ...base, device, series, status, checks, result: r, plot: { ...def.plot(r), id: def.id }, note: r.messages.join('; ') || undefined };
  } catch (e) {
    return { ...base, device, series, status: 'error', checks: [], note: (e as Error).message };
  }
}

/** Forget cached protocol runs (tests). */
export function clearPanelCache(): void { cache.clear(); }
