/**
 * Arrays: a crossbar read with cell-current and cell-voltage heatmaps (selected cell outlined
 * in red, cells carrying the largest sneak currents in orange), the sense output and sneak
 * fraction, read margin vs array size for 1R and 1S1R, and VMM error vs size for the chosen
 * wire resistance. All numbers come from the library's circuit/crossbar solvers.
 * @module lab/views/arrays
 */
import type { App, View } from '../app.js';
import { renderSvg } from '../../report/svg-plot.js';
import { heatmapSvg } from '../../report/svg-heatmap.js';
import { listPresets } from '../../devices/catalogue.js';
import { parseQuantity, SpecError } from '../../units/parse.js';
import { plotCard, showMetrics } from '../card.js';
import { TaskError } from '../runner.js';

interface ReadRes { status: string; message: string; row: number; col: number; iCell: Float64Array; vCell: Float64Array; metrics: Record<string, number>; }

export const arraysView: View = (root: HTMLElement, app: App) => {
  const o = app.state.opts;
  root.innerHTML = `<div class="device-layout"><aside class="panel">
    <label>Array size N (N x N) <input id="n" value="${o.n ?? '16'}"></label>
    <label>Wire segment resistance <input id="rw" value="${o.rw ?? '1 Ohm'}"></label>
    <label>Cell <select id="cell"><option value="1r">1R</option><option value="1s1r">1S1R (sinh selector)</option></select></label>
    <label>Memory device <select id="dev"></select></label>
    <label>Read scheme <select id="scheme"><option value="v2">V/2</option><option value="v3">V/3</option><option value="float">floating</option></select></label>
    <label>Read voltage <input id="vr" value="${o.vr ?? '1 V'}"></label>
    <button id="run" class="primary">Solve</button><p class="err" id="aerr"></p>
  </aside><div><div class="maps" id="maps"></div><div class="plots" id="plots"></div></div></div>`;
  const dev = root.querySelector('#dev') as HTMLSelectElement;
  for (const p of listPresets()) dev.appendChild(new Option(p.id, p.id));
  dev.value = o.dev ?? 'baseline-sinh';
  (root.querySelector('#cell') as HTMLSelectElement).value = o.cell ?? '1r';
  (root.querySelector('#scheme') as HTMLSelectElement).value = o.scheme ?? 'v2';
  const plots = root.querySelector('#plots') as HTMLElement;
  const marginCard = plotCard(plots, 'margin', 'Read margin vs array size');
  const vmmCard = plotCard(plots, 'vmm', 'VMM error vs array size (8-bit DAC/ADC)');
  const val = (id: string) => (root.querySelector(`#${id}`) as HTMLInputElement).value.trim();

  const run = async () => {
    let n: number, rWire: number, vRead: number;
    const err = root.querySelector('#aerr') as HTMLElement;
    try {
      n = parseQuantity(val('n'), 'dimensionless', 'array.n');
      if (!Number.isInteger(n) || n < 2 || n > 256) throw new SpecError('array.n', val('n'), 'an integer array size from 2 to 256');
      rWire = parseQuantity(val('rw'), 'resistance', 'array.wire');
      if (rWire < 0) throw new SpecError('array.wire', val('rw'), 'a resistance >= 0');
      vRead = parseQuantity(val('vr'), 'voltage', 'array.vRead');
    } catch (e) {
      if (e instanceof SpecError) { err.textContent = e.message; app.status(`not applied: ${e.message}`, 'error'); return; }
      throw e;
    }
    err.textContent = '';
    const cell = (root.querySelector('#cell') as HTMLSelectElement).value as '1r' | '1s1r';
    const scheme = (root.querySelector('#scheme') as HTMLSelectElement).value;
    app.setState({ opts: { ...app.state.opts, n: val('n'), rw: val('rw'), vr: val('vr'), cell, scheme, dev: dev.value } });
    app.status('solving the crossbar…', 'busy');
    try {
      const r = await app.runner.run<ReadRes>('crossbar-read', { n, rWire, cell, device: dev.value, scheme, vRead, rSense: 1e4 }, app.progress);
      // sneak path: the cells carrying the largest currents besides the selected one
      const order = Array.from(r.iCell, (v, k) => [Math.abs(v), k] as const).filter(([, k]) => k !== r.row * n + r.col).sort((a, b) => b[0] - a[0]);
      const outline = [{ i: r.col, j: r.row, color: '#d62728' }, ...order.slice(0, Math.min(3 * n, order.length)).filter(([v]) => v > 0.05 * Math.abs(r.metrics.iCell)).map(([, k]) => ({ i: k % n, j: Math.floor(k / n), color: '#ff9f1c' }))];
      const base = { nx: n, nz: n, dx: 1, dz: 1, axisScale: 1, topDown: true, xLabel: 'column', yLabel: 'row', outline };
      (root.querySelector('#maps') as HTMLElement).innerHTML =
        heatmapSvg({ ...base, values: Array.from(r.iCell, Math.abs), title: `|cell current| (selected: row ${r.row}, col ${r.col})`, unit: 'A', log: true, min: Math.abs(r.metrics.iCell) * 1e-4 }) +
        heatmapSvg({ ...base, values: r.vCell, title: 'voltage across each cell', unit: 'V' });
      const metrics: Record<string, { value: number; unit: string }> = {
        iCell: { value: r.metrics.iCell, unit: 'A' }, iSense: { value: r.metrics.iSense, unit: 'A' }, iSneak: { value: r.metrics.iSneak, unit: 'A' },
        sneakFraction: { value: r.metrics.sneakFraction, unit: '1' }, vOut: { value: r.metrics.vOut, unit: 'V' }, power: { value: r.metrics.power, unit: 'W' },
      };
      const sizes = [4, 8, 16, 32, 64].filter((s) => s <= Math.max(16, n));
      const m = await app.runner.run<{ sizes: number[]; r1: number[]; s1r1: number[] }>('crossbar-margin', { sizes, rWire, device: dev.value, scheme, vRead, rSense: 1e4 });
      marginCard({ svg: renderSvg({ id: 'margin', xLabel: 'array size N', xUnit: '1', yLabel: 'read margin / V_read', yUnit: '1', xLog: true, yLog: false, width: 560, height: 340,
        series: [{ name: '1R', x: m.sizes, y: m.r1, kind: 'both' }, { name: '1S1R', x: m.sizes, y: m.s1r1, kind: 'both' }], hlines: [{ y: 0, label: 'no margin' }] }),
        columns: { n: m.sizes, margin1R: m.r1, margin1S1R: m.s1r1 }, units: { n: '1', margin1R: '1', margin1S1R: '1' }, spec: { command: `nanoionics crossbar --op margin --device ${dev.value} --scheme ${scheme} --wire-resistance ${rWire} --v-read ${vRead}` } });
      showMetrics('margin', metrics);
      const v = await app.runner.run<{ sizes: number[]; relError: number[]; enob: number[] }>('crossbar-vmm', { sizes: [8, 16, 32, 64], rWire });
      vmmCard({ svg: renderSvg({ id: 'vmm', xLabel: 'array size N', xUnit: '1', yLabel: 'relative RMS error', yUnit: '1', xLog: true, yLog: 'auto', width: 560, height: 340,
        series: [{ name: `wire ${rWire} Ohm`, x: v.sizes, y: v.relError, kind: 'both' }] }),
        columns: { n: v.sizes, relError: v.relError, enob: v.enob }, units: { n: '1', relError: '1', enob: 'bit' } });
      app.status(r.status === 'ok' ? 'ready' : `crossbar: ${r.status} ${r.message}`, r.status === 'ok' ? 'info' : 'error');
    } catch (e) {
      app.status(e instanceof TaskError ? e.message : String(e), 'error');
    }
  };
  root.querySelector('#run')!.addEventListener('click', () => void run());
  void run();
};
