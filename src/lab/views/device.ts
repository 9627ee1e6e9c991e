/**
 * Device explorer: pick a model and preset, edit parameters with units and ranges from the
 * schema (invalid values are rejected with the schema's message and never half applied), and
 * see the I-V loop and the pulse response recompute as parameters change.
 * @module lab/views/device
 */
import type { App, View } from '../app.js';
import { listPresets, getPreset, getModel, listModels } from '../../devices/catalogue.js';
import { resolveParams } from '../../devices/params.js';
import { validateRow } from '../validate.js';
import { formatParam } from '../../units/format.js';
import { standardSweepSpec, standardPulseSpec, pulseResponse, sweepHints } from '../../experiment/standard.js';
import { renderSvg } from '../../report/svg-plot.js';
import { plotCard, showMetrics } from '../card.js';
import { TaskError } from '../runner.js';

interface SimResult { status: string; message: string; columns: Record<string, Float64Array>; units: Record<string, string>; metrics: Record<string, { value: number; unit: string; meaning?: string }>; }

function presetValue(presetId: string, name: string): string {
  const p = getPreset(presetId);
  const model = getModel(p ? p.model : presetId)!;
  const def = model.params.find((q) => q.name === name)!;
  const v = p?.params[name];
  if (v !== undefined) return typeof v === 'number' ? (def.choices ? def.choices[v] : formatParam(v, def.unit, def.dim)) : String(v);
  return def.choices ? def.choices[def.default] : formatParam(def.default, def.unit, def.dim);
}

export const deviceView: View = (root: HTMLElement, app: App) => {
  const presets = listPresets();
  if (!getPreset(app.state.preset) && !getModel(app.state.preset)) app.state.preset = presets[0].id;
  root.innerHTML = `<div class="device-layout"><aside class="panel">
      <label>Device <select id="preset"></select></label>
      <p class="cite" id="cite"></p>
      <table class="params"><thead><tr><th>parameter</th><th>value</th><th>range</th></tr></thead><tbody id="params"></tbody></table>
      <button id="reset">Reset to preset</button>
    </aside><div class="plots" id="plots"></div></div>
    <p class="timing">I-V recomputed in <span id="timing">-</span> ms after the last change</p>`;
  const sel = root.querySelector('#preset') as HTMLSelectElement;
  for (const m of listModels()) {
    const g = document.createElement('optgroup');
    g.label = m.id;
    for (const p of presets.filter((q) => q.model === m.id)) g.appendChild(new Option(`${p.id} — ${p.title}`, p.id));
    g.appendChild(new Option(`${m.id} (model defaults)`, m.id));
    sel.appendChild(g);
  }
  sel.value = app.state.preset;
  const plots = root.querySelector('#plots') as HTMLElement;
  const ivCard = plotCard(plots, 'iv', 'I-V loop (bipolar DC sweep)');
  const prCard = plotCard(plots, 'pulse', 'Pulse response (potentiation, then depression)');
  const timing = root.querySelector('#timing') as HTMLElement;
  let changedAt = performance.now();
  let gen = 0;

  const renderParams = () => {
    const preset = getPreset(app.state.preset);
    const model = getModel(preset ? preset.model : app.state.preset)!;
    (root.querySelector('#cite') as HTMLElement).textContent = preset ? `${preset.citation}. Fitted to: ${preset.fittedTo}` : model.citation;
    const body = root.querySelector('#params') as HTMLElement;
    body.innerHTML = '';
    for (const d of model.params) {
      const tr = document.createElement('tr');
      tr.dataset.param = d.name;
      const val = app.state.set[d.name] ?? presetValue(app.state.preset, d.name);
      const range = d.choices ? d.choices.join(' | ') : `${fmtNum(d.min)} … ${fmtNum(d.max)} ${d.unit === '1' ? '' : d.unit}`;
      tr.innerHTML = `<td title="${d.meaning} (${d.source})">${d.name}</td><td><input name="${d.name}" value="${val}" spellcheck="false"></td><td class="range">${range}</td>`;
      body.appendChild(tr);
      const err = document.createElement('tr');
      err.className = 'err';
      err.innerHTML = `<td colspan="3"></td>`;
      err.hidden = true;
      body.appendChild(err);
    }
  };

  const recompute = async () => {
    const my = ++gen;
    const set = { ...app.state.set };
    const ivSpec = standardSweepSpec(app.state.preset, set);
    const prSpec = standardPulseSpec(app.state.preset, set, 20);
    app.status('simulating…', 'busy');
    try {
      const iv = await app.runner.run<SimResult>('simulate', ivSpec, app.progress);
      if (my !== gen) return;
      const c = iv.columns;
      const logI = spansDecades(c.i);
      const iy = logI ? c.i.map(Math.abs) : c.i;
      ivCard({ svg: renderSvg({ id: 'iv', xLabel: 'device voltage', xUnit: 'V', yLabel: logI ? '|current|' : 'current', yUnit: 'A', series: [{ name: 'I', x: c.v, y: iy, kind: 'line' }], yLog: logI ? true : false, width: 560, height: 380 }), columns: { v: c.v, i: c.i, t: c.t }, units: { v: 'V', i: 'A', t: 's' }, spec: ivSpec });
      timing.textContent = String(Math.round(performance.now() - changedAt));
      timing.dataset.ms = timing.textContent;
      showMetrics('iv', iv.metrics);
      const pr = await app.runner.run<SimResult>('simulate', prSpec, app.progress);
      if (my !== gen) return;
      const h = sweepHints(getPreset(app.state.preset));
      const r = pulseResponse(pr.columns, 20, h.period);
      prCard({ svg: renderSvg({ id: 'pulse', xLabel: 'pulse number', xUnit: '1', yLabel: `conductance at ${h.vRead} V read`, yUnit: 'S', series: [{ name: 'G', x: r.pulse, y: r.g, kind: 'both' }], yLog: 'auto', width: 560, height: 380 }), columns: { pulse: r.pulse, g: r.g }, units: { pulse: '1', g: 'S' }, spec: prSpec });
      app.status(iv.status === 'ok' && pr.status === 'ok' ? 'ready' : `solver: ${iv.status} ${iv.message}`, iv.status === 'ok' ? 'info' : 'error');
    } catch (e) {
      if (my !== gen) return;
      app.status(e instanceof TaskError ? `${e.message}` : String(e), 'error');
    }
  };

  sel.addEventListener('change', () => {
    app.setState({ preset: sel.value, set: {} });
    renderParams();
    changedAt = performance.now();
    void recompute();
  });
  root.querySelector('#reset')!.addEventListener('click', () => {
    app.setState({ set: {} });
    renderParams();
    changedAt = performance.now();
    void recompute();
  });
  root.querySelector('#params')!.addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
    const name = input.name;
    const candidate = { ...app.state.set, [name]: input.value.trim() };
    const preset = getPreset(app.state.preset);
    const model = getModel(preset ? preset.model : app.state.preset)!;
    if (!validateRow(app, input, () => resolveParams(model, preset, candidate, 'device.set'))) return;
    changedAt = performance.now();
    app.setState({ set: candidate });
    void recompute();
  });
  renderParams();
  void recompute();
};

function spansDecades(i: Float64Array): boolean {
  let lo = Infinity, hi = 0;
  for (const v of i) { const a = Math.abs(v); if (a > 0) { lo = Math.min(lo, a); hi = Math.max(hi, a); } }
  return hi / lo > 1e3;
}

function fmtNum(v: number): string {
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e4 || a < 1e-3) ? v.toExponential(0).replace('e+', 'e') : String(v);
}
