/**
 * The reproduction of the review's figures: run every panel (or a selection), collect the
 * checks into a summary, and produce the files of the report (index.html, one CSV per panel
 * table, summary.json) as data; the command line writes them.
 * @module report/reproduce
 */
import { SpecError } from '../units/parse.js';
import { computePanel, type PanelDef, type PanelResult } from './panel.js';
import { SYNAPTIC_PANELS } from './panels-synaptic.js';
import { DEVICE_PANELS } from './panels-device.js';
import { PHYSICS_PANELS } from './panels-physics.js';
import { RESERVOIR_PANELS } from './panels-reservoir.js';
import { renderHtml } from './html.js';
import { tableCsv } from './csv.js';

/** Every panel, in figure order. */
export function listPanels(): PanelDef[] {
  const order = (id: string) => { const n = /^fig(\d+)/.exec(id); return n ? Number(n[1]) : 99; };
  return [...DEVICE_PANELS, ...SYNAPTIC_PANELS, ...RESERVOIR_PANELS, ...PHYSICS_PANELS].sort((a, b) => order(a.id) - order(b.id));
}

/**
 * Select panels by id or prefix: "fig6" selects fig6a ... fig6d, "fig7b" only that panel;
 * no list selects every panel, an empty list none.
 * Unknown entries are a SpecError naming the known ids.
 */
export function selectPanels(only?: string[]): PanelDef[] {
  const all = listPanels();
  if (!only) return all;
  const out: PanelDef[] = [];
  for (const s of only) {
    const hit = all.filter((p) => p.id === s || p.id.startsWith(s));
    if (!hit.length) throw new SpecError('--only', s, `panel ids or prefixes (${all.map((p) => p.id).join(', ')})`);
    for (const h of hit) if (!out.includes(h)) out.push(h);
  }
  return out;
}

/** One row of summary.json per check (panels without checks get one row with their status). */
export interface SummaryRow {
  panel: string; figure: string; device?: string; series?: string; status: PanelResult['status'];
  metric: string; value: number | null; unit: string; band: string; code: string; gate: string; pass: boolean | null; source: string;
}

/** Flatten panel results into summary rows. */
export function summarize(panels: PanelResult[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const p of panels) {
    const base = { panel: p.id, figure: p.figure, device: p.device, series: p.series, status: p.status };
    if (!p.checks.length) rows.push({ ...base, metric: '-', value: null, unit: '', band: '', code: '', gate: '', pass: null, source: p.note ?? '' });
    for (const c of p.checks) rows.push({ ...base, metric: c.metric, value: Number.isFinite(c.value) ? c.value : null, unit: c.unit, band: c.band, code: c.code, gate: c.gate, pass: c.pass, source: c.source });
  }
  return rows;
}

/** The report as files (relative path -> text). */
export interface ReportFiles { files: Record<string, string>; panels: PanelResult[]; summary: SummaryRow[]; }

/** Options of a reproduction. */
export interface ReproduceOptions {
  only?: string[];
  seed?: number;
  /** Physics panels at full resolution (slow). */
  full?: boolean;
  /** Called before each panel (progress). */
  onPanel?: (def: PanelDef, k: number, n: number) => void;
  /** Facts the library cannot know (version, commit, wall time), shown in the page footer. */
  meta?: Record<string, string>;
}

/** Run the panels and build the report files. */
export function reproduce(o: ReproduceOptions = {}): ReportFiles {
  const defs = selectPanels(o.only);
  const panels: PanelResult[] = [];
  defs.forEach((d, k) => { o.onPanel?.(d, k, defs.length); panels.push(computePanel(d, o.seed ?? 1, { full: o.full })); });
  const summary = summarize(panels);
  const files: Record<string, string> = {};
  for (const p of panels) {
    if (!p.result) continue;
    for (const [name, t] of Object.entries(p.result.tables)) files[`data/${p.id}-${name}.csv`] = tableCsv(t);
  }
  files['summary.json'] = JSON.stringify({ panels: summary, meta: o.meta ?? {} }, null, 2) + '\n';
  files['index.html'] = renderHtml(panels, o.meta ?? {});
  return { files, panels, summary };
}
