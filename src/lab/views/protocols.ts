/**
 * Protocols: every protocol of the library (I-V, pulse response, retention, STM-LTM, PPF, SRDP,
 * STDP, metaplasticity, heterosynaptic) on any preset, with its parameters editable (units,
 * validated by the library), its plot (the report's plot definition for that protocol) and
 * fitted metrics, and exports (CSV of the protocol table, JSON, SVG, PNG, the protocol spec the
 * CLI runs to the same numbers: `nanoionics run` / `protocol`).
 * @module lab/views/protocols
 */
import type { App, View } from '../app.js';
import { listProtocols, getProtocol } from '../../protocols/registry.js';
import { presetDefaults } from '../../protocols/defaults.js';
import { resolveProtocolParams } from '../../protocols/params.js';
import type { ProtocolResult } from '../../protocols/types.js';
import { listPresets, getPreset } from '../../devices/catalogue.js';
import { listPanels } from '../../report/reproduce.js';
import { renderSvg } from '../../report/svg-plot.js';
import { tableCsv } from '../../report/csv.js';
import { validateRow } from '../validate.js';
import { plotCard, showMetrics } from '../card.js';
import { TaskError } from '../runner.js';

function fmtDefault(v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => fmtDefault(x)).join(', ');
  if (typeof v === 'number') return String(Number(v.toPrecision(6)));
  return String(v ?? '');
}

/** The protocol spec the view runs (also offered as a download). */
export function protocolSpec(protocol: string, preset: string, series: string, params: Record<string, string>): Record<string, unknown> {
  const spec: Record<string, unknown> = { protocol, device: { preset }, params: { ...params }, seed: 1 };
  if (series) spec.series = { preset: series };
  return spec;
}

export const protocolsView: View = (root: HTMLElement, app: App) => {
  const protos = listProtocols();
  const o = app.state.opts;
  if (!getProtocol(o.protocol ?? '')) o.protocol = 'ppf';
  const panelFor = (id: string) => listPanels().find((p) => p.protocol === id);
  if (!getPreset(app.state.preset)) app.state.preset = panelFor(o.protocol)?.devices.find((d) => getPreset(d)) ?? listPresets()[0].id;
  root.innerHTML = `<div class="device-layout"><aside class="panel">
    <label>Protocol <select id="protocol"></select></label>
    <p class="cite" id="psummary"></p>
    <label>Device <select id="preset"></select></label>
    <label>Series device (optional) <select id="series"><option value="">none</option></select></label>
    <table class="params"><thead><tr><th>parameter</th><th>value</th><th>unit</th></tr></thead><tbody id="pparams"></tbody></table>
    <button id="run" class="primary">Run</button>
  </aside><div class="plots" id="plots"></div></div>`;
  const psel = root.querySelector('#protocol') as HTMLSelectElement;
  for (const p of protos) psel.appendChild(new Option(`${p.id} — ${p.title}`, p.id));
  psel.value = o.protocol;
  const dsel = root.querySelector('#preset') as HTMLSelectElement;
  const ssel = root.querySelector('#series') as HTMLSelectElement;
  for (const p of listPresets()) { dsel.appendChild(new Option(`${p.id} (${p.model})`, p.id)); ssel.appendChild(new Option(`${p.id} (${p.model})`, p.id)); }
  dsel.value = app.state.preset;
  ssel.value = o.series ?? '';
  const card = plotCard(root.querySelector('#plots') as HTMLElement, 'protocol', 'Protocol result');

  const paramsFromState = (): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(app.state.opts)) if (k.startsWith('p_')) out[k.slice(2)] = v;
    return out;
  };
  const renderParams = () => {
    const proto = getProtocol(psel.value)!;
    (root.querySelector('#psummary') as HTMLElement).textContent = `${proto.summary} (${proto.figures})`;
    const defs = presetDefaults(proto.id, getPreset(dsel.value), ssel.value ? getPreset(ssel.value) : undefined);
    const user = paramsFromState();
    const body = root.querySelector('#pparams') as HTMLElement;
    body.innerHTML = '';
    for (const d of proto.params) {
      const tr = document.createElement('tr');
      tr.dataset.param = d.name;
      const val = user[d.name] ?? fmtDefault(defs[d.name] ?? d.default);
      tr.innerHTML = `<td title="${d.meaning}">${d.name}</td><td><input name="${d.name}" value="${val}" spellcheck="false"></td><td class="range">${d.choices ? d.choices.join(' | ') : d.unit === '1' ? '' : d.unit}</td>`;
      body.appendChild(tr);
      const err = document.createElement('tr');
      err.className = 'err';
      err.hidden = true;
      err.innerHTML = '<td colspan="3"></td>';
      body.appendChild(err);
    }
  };

  const run = async () => {
    const proto = getProtocol(psel.value)!;
    const params = paramsFromState();
    const spec = protocolSpec(proto.id, dsel.value, ssel.value, params);
    app.status(`running ${proto.id}…`, 'busy');
    try {
      const r = await app.runner.run<ProtocolResult>('protocol', spec, app.progress);
      const panel = panelFor(proto.id);
      const plot = panel ? panel.plot(r) : genericPlot(r);
      const tableName = Object.keys(r.tables)[0];
      const t = r.tables[tableName];
      card({ svg: renderSvg({ ...plot, id: 'protocol', width: 560, height: 380 }), columns: t.columns, units: t.units, csv: tableCsv(t), spec, meta: { protocol: proto.id, device: dsel.value, metrics: r.metrics, read: r.read } });
      (document.querySelector('#protocol h3') as HTMLElement).textContent = `${proto.title} — ${r.device}${r.series ? ' + ' + r.series : ''}`;
      showMetrics('protocol', r.metrics);
      app.status(r.status === 'ok' ? 'ready' : `protocol failed: ${r.messages.join('; ')}`, r.status === 'ok' ? 'info' : 'error');
    } catch (e) {
      app.status(e instanceof TaskError ? e.message : String(e), 'error');
    }
  };

  psel.addEventListener('change', () => {
    const keep: Record<string, string> = {};
    app.setState({ opts: { ...keep, protocol: psel.value, ...(ssel.value ? { series: ssel.value } : {}) } });
    renderParams();
  });
  dsel.addEventListener('change', () => { app.setState({ preset: dsel.value }); renderParams(); });
  ssel.addEventListener('change', () => {
    const opts = { ...app.state.opts };
    if (ssel.value) opts.series = ssel.value; else delete opts.series;
    app.setState({ opts });
    renderParams();
  });
  root.querySelector('#pparams')!.addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
    const proto = getProtocol(psel.value)!;
    const candidate = { ...paramsFromState(), [input.name]: input.value.trim() };
    const ok = validateRow(app, input, () => {
      const user: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(candidate)) user[k] = proto.params.find((d) => d.name === k)?.list ? v.split(',').map((x) => x.trim()) : v;
      resolveProtocolParams(proto, user, presetDefaults(proto.id, getPreset(dsel.value), ssel.value ? getPreset(ssel.value) : undefined));
    });
    if (!ok) return;
    const opts = { ...app.state.opts, [`p_${input.name}`]: input.value.trim() };
    app.setState({ opts });
  });
  root.querySelector('#run')!.addEventListener('click', () => void run());
  renderParams();
  void run();
};

function genericPlot(r: ProtocolResult) {
  const t = Object.values(r.tables)[0];
  const names = Object.keys(t.columns);
  return { xLabel: names[0], xUnit: t.units[names[0]] ?? '1', yLabel: names[1], yUnit: t.units[names[1]] ?? '1', series: [{ name: names[1], x: t.columns[names[0]], y: t.columns[names[1]], kind: 'both' as const }] };
}
