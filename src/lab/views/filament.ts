/**
 * Filament viewer: a continuum physics run (forming, RESET, SET, RESET under voltage sweeps
 * with compliance) shown as animated maps of vacancy concentration, temperature and current
 * density, with the I-V trace beside them and the current frame marked on it. Rows are drawn
 * at the heights of the solver's grid (refined toward the bottom electrode when dzBottom > 0).
 * @module lab/views/filament
 */
import type { App, View } from '../app.js';
import { renderSvg } from '../../report/svg-plot.js';
import { heatmapSvg } from '../../report/svg-heatmap.js';
import { plotCard } from '../card.js';
import { TaskError } from '../runner.js';
import { resolveContinuumParams } from '../../physics/continuum/params.js';
import { rowHeights } from '../../physics/continuum/grid.js';
import { SpecError } from '../../units/parse.js';

interface Frame { t: number; n: Float64Array; T: Float64Array; j: Float64Array; }
interface FilamentResult {
  status: string; message: string; metrics: Record<string, number>;
  grid: { nx: number; nz: number; dx: number; dz: number; zEdges: Float64Array; axisymmetric: boolean };
  columns: { t: Float64Array; vs: Float64Array; v: Float64Array; i: Float64Array };
  frames: Frame[];
  params: { compliance: number; soret: number; dzBottom: number; thickness: number };
}

export const filamentView: View = (root: HTMLElement, app: App) => {
  const o = app.state.opts;
  root.innerHTML = `<div class="device-layout"><aside class="panel">
    <p>Continuum model (physics/continuum): oxygen-vacancy drift, diffusion and thermophoresis,
    current continuity, Joule heating, with the series resistance and compliance in the loop.</p>
    <label>Grid (radial x vertical cells) <select id="grid"><option value="12x10">12 x 10 (fast)</option><option value="16x14">16 x 14</option><option value="24x20">24 x 20 (default model)</option></select></label>
    <label>Compliance <input id="icc" value="${o.icc ?? '50 uA'}"></label>
    <label>Soret multiplier <input id="soret" value="${o.soret ?? '1'}"></label>
    <label title="height of the row at the bottom (inert) electrode; rows grow toward the top by tanh stretching; 0 = uniform rows">Bottom row height dzBottom (0 = uniform rows) <input id="dzb" value="${o.dzb ?? '0 nm'}"></label>
    <button id="run" class="primary">Run physics</button><p class="err" id="ferr"></p>
    <p class="cite" id="rows"></p>
    <div id="fmetrics" class="metrics"></div>
    <label>Frame <input id="frame" type="range" min="0" max="0" value="0"></label>
    <button id="play">Play</button> <span id="ftime"></span>
  </aside><div><div class="maps" id="maps"></div><div class="plots" id="plots"></div></div></div>`;
  const grid = root.querySelector('#grid') as HTMLSelectElement;
  grid.value = o.grid ?? '12x10';
  const card = plotCard(root.querySelector('#plots') as HTMLElement, 'filament-iv', 'I-V of the physics run');
  const slider = root.querySelector('#frame') as HTMLInputElement;
  let res: FilamentResult | undefined;
  let timer: number | undefined;

  const draw = () => {
    if (!res) return;
    const k = Number(slider.value);
    const f = res.frames[k];
    const g = res.grid;
    // rows at the solver's heights (zEdges: row faces from the bottom electrode)
    const base = { nx: g.nx, nz: g.nz, dx: g.dx, dz: g.dz, zEdges: g.zEdges, mirror: g.axisymmetric };
    (root.querySelector('#maps') as HTMLElement).innerHTML =
      heatmapSvg({ ...base, values: f.n, title: 'vacancy density', unit: 'm^-3', log: true }) +
      heatmapSvg({ ...base, values: f.T, title: 'temperature', unit: 'K' }) +
      heatmapSvg({ ...base, values: f.j, title: 'current density', unit: 'A/m^2', log: true, min: Math.max(1e-300, maxOf(f.j) * 1e-6) });
    (root.querySelector('#ftime') as HTMLElement).textContent = `t = ${(f.t * 1e3).toPrecision(4)} ms (frame ${k + 1}/${res.frames.length})`;
    const c = res.columns;
    let at = 0;
    while (at < c.t.length - 1 && c.t[at] < f.t) at++;
    const absI = Array.from(c.i, Math.abs);
    // the CLI run with the same parameters and snapshot times (the run lands on them): same numbers
    const pr = res.params;
    const command = `nanoionics filament --model continuum --protocol set --set nx=${g.nx} --set nz=${g.nz} --set compliance=${pr.compliance} --set soret=${pr.soret} --set dzBottom=${pr.dzBottom} --times ${res.frames.map((q) => q.t).join(',')} --out filament-out`;
    card({
      svg: renderSvg({ id: 'filament-iv', xLabel: 'applied voltage', xUnit: 'V', yLabel: '|current|', yUnit: 'A', yLog: true, width: 560, height: 360,
        series: [{ name: 'I-V', x: c.vs, y: absI, kind: 'line' }, { name: 'this frame', x: [c.vs[at]], y: [Math.max(absI[at], 1e-15)], kind: 'scatter', color: '#d62728' }] }),
      columns: { t: c.t, vs: c.vs, v: c.v, i: c.i }, units: { t: 's', vs: 'V', v: 'V', i: 'A' },
      spec: { command, set: { nx: g.nx, nz: g.nz, compliance: res.params.compliance, soret: res.params.soret, dzBottom: res.params.dzBottom }, times: res.frames.map((q) => q.t) },
    });
  };

  const run = async () => {
    const [nx, nz] = grid.value.split('x').map(Number);
    const val = (id: string) => (root.querySelector(`#${id}`) as HTMLInputElement).value.trim();
    const set: Record<string, unknown> = { nx, nz, compliance: val('icc'), soret: val('soret'), dzBottom: val('dzb') };
    const err = root.querySelector('#ferr') as HTMLElement;
    try {
      // the library's checks first: nothing runs (and the URL keeps its state) on bad input
      const p = resolveContinuumParams(set, 'set');
      try { rowHeights(p.thickness, p.nz, p.dzBottom); } catch (e) { throw new SpecError('set.dzBottom', set.dzBottom, `a bottom row height the ${p.nz} rows can reach (${(e as Error).message})`); }
    } catch (e) {
      if (e instanceof SpecError) { err.textContent = e.message; app.status(`not applied: ${e.message}`, 'error'); return; }
      throw e;
    }
    err.textContent = '';
    app.setState({ opts: { ...app.state.opts, grid: grid.value, icc: val('icc'), soret: val('soret'), dzb: val('dzb') } });
    app.status('running the continuum model (tens of seconds)…', 'busy');
    try {
      res = await app.runner.run<FilamentResult>('filament', { set, frames: 24 }, app.progress);
      slider.max = String(res.frames.length - 1);
      // open on the frame with the largest current (the filament at its hottest)
      let best = 0, bestI = -1;
      res.frames.forEach((f, k) => {
        const c = res!.columns;
        let at = 0;
        while (at < c.t.length - 1 && c.t[at] < f.t) at++;
        if (Math.abs(c.i[at]) > bestI) { bestI = Math.abs(c.i[at]); best = k; }
      });
      slider.value = String(best);
      const dzr = Array.from(res.grid.zEdges.subarray(1), (z, j) => z - res!.grid.zEdges[j]);
      (root.querySelector('#rows') as HTMLElement).textContent = res.params.dzBottom > 0 && dzr[dzr.length - 1] > dzr[0] * (1 + 1e-9)
        ? `${res.grid.nz} rows from ${(dzr[0] * 1e9).toPrecision(3)} nm at the bottom electrode to ${(dzr[dzr.length - 1] * 1e9).toPrecision(3)} nm at the top (drawn at their heights)`
        : `${res.grid.nz} uniform rows of ${(dzr[0] * 1e9).toPrecision(3)} nm`;
      const m = res.metrics;
      (root.querySelector('#fmetrics') as HTMLElement).innerHTML = Object.entries(m).map(([k, v]) => `<span><b>${k}</b> ${Number(v.toPrecision(3))}</span>`).join('');
      draw();
      app.status(res.status === 'ok' ? 'ready' : `physics: ${res.status} ${res.message}`, res.status === 'ok' ? 'info' : 'error');
    } catch (e) {
      app.status(e instanceof TaskError ? e.message : String(e), 'error');
    }
  };
  slider.addEventListener('input', draw);
  root.querySelector('#play')!.addEventListener('click', () => {
    if (timer !== undefined) { clearInterval(timer); timer = undefined; return; }
    slider.value = '0';
    timer = window.setInterval(() => {
      if (!res) return;
      const k = Number(slider.value) + 1;
      if (k >= res.frames.length) { clearInterval(timer); timer = undefined; return; }
      slider.value = String(k);
      draw();
    }, 400);
  });
  root.querySelector('#run')!.addEventListener('click', () => void run());
  return () => { if (timer !== undefined) clearInterval(timer); };
};

function maxOf(a: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) if (a[k] > m) m = a[k];
  return m;
}
