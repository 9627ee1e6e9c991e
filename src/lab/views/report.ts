/**
 * The reproduction report in the lab: every panel of `nanoionics reproduce`, computed in the
 * worker with the same library calls, shown with its plot, the review's statement and the
 * checks against published values.
 * @module lab/views/report
 */
import type { App, View } from '../app.js';
import { listPanels } from '../../report/reproduce.js';
import type { PanelResult } from '../../report/panel.js';
import { TaskError } from '../runner.js';

function esc(s: string): string { return s.replace(/&/g, '&amp;').replace(/</g, '&lt;'); }

export const reportView: View = (root: HTMLElement, app: App) => {
  const panels = listPanels();
  root.innerHTML = `<p>Each panel runs a protocol on the preset built for a figure of the review and compares the
    metric with the published value or band (provenance codes of measurements.md). <button id="runall" class="primary">Compute all panels</button></p>
    <div class="plots" id="panels"></div>`;
  const grid = root.querySelector('#panels') as HTMLElement;
  for (const p of panels) {
    const s = document.createElement('section');
    s.className = 'card';
    s.id = `panel-${p.id}`;
    s.innerHTML = `<header><h3>${esc(p.figure)}: ${esc(p.title)}</h3><span class="chip">not run</span></header><p class="cite">${esc(p.review)}</p><div class="plot"></div><table class="checks"></table><button class="one">Compute</button>`;
    grid.appendChild(s);
    s.querySelector('.one')!.addEventListener('click', () => void compute(p.id));
  }
  async function compute(id: string): Promise<void> {
    const s = root.querySelector(`#panel-${id}`)!;
    const chip = s.querySelector('.chip') as HTMLElement;
    chip.textContent = 'running…';
    app.status(`computing ${id}…`, 'busy');
    try {
      const r = await app.runner.run<PanelResult & { svg?: string }>('panel', { id }, app.progress);
      chip.textContent = r.status;
      chip.className = `chip ${r.status}`;
      // the main plot, then any extra figures of computed (physics) panels: heatmaps, second plots
      (s.querySelector('.plot') as HTMLElement).innerHTML = (r.svg ?? `<p class="cite">${esc(r.note ?? '')}</p>`) +
        (r.figures ?? []).map((f) => `<div class="maps">${f}</div>`).join('');
      (s.querySelector('.checks') as HTMLElement).innerHTML = '<tr><th>metric</th><th>simulated</th><th>band</th><th>code</th><th></th></tr>' +
        r.checks.map((c) => `<tr><td>${esc(c.metric)}</td><td>${Number(c.value.toPrecision(3))} ${c.unit === '1' ? '' : esc(c.unit)}</td><td>${esc(c.band)}</td><td>${c.code} · ${c.gate}</td><td class="${c.pass ? 'pass' : c.gate === 'hard' ? 'fail' : 'warn'}">${c.pass ? 'pass' : c.gate === 'hard' ? 'fail' : 'warn'}</td></tr>`).join('');
      app.status('ready');
    } catch (e) {
      chip.textContent = 'error';
      app.status(e instanceof TaskError ? e.message : String(e), 'error');
    }
  }
  root.querySelector('#runall')!.addEventListener('click', async () => { for (const p of panels) await compute(p.id); });
};
