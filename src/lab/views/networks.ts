/**
 * Networks: the network level of the library in three parts, chosen by `o.part` in the URL:
 * a spiking network (the demo's groups and synapses, rule STDP against device synapses),
 * reservoir computing with dynamic memristors (the A9 four-bit patterns on any preset, the
 * 5 x 4 digit task) and an MLP trained on device crossbars (MNIST subset, live accuracy).
 * @module lab/views/networks
 */
import type { App, View } from '../app.js';
import { snnPart } from './net-snn.js';
import { reservoirPart } from './net-reservoir.js';
import { mlpPart } from './net-mlp.js';

const PARTS: Record<string, { title: string; view: View }> = {
  snn: { title: 'Spiking network', view: snnPart },
  reservoir: { title: 'Reservoir computing', view: reservoirPart },
  mlp: { title: 'MLP on device crossbars', view: mlpPart },
};

export const networksView: View = (root: HTMLElement, app: App) => {
  const part = PARTS[app.state.opts.part ?? ''] ? app.state.opts.part : 'snn';
  root.innerHTML = `<nav class="subtabs" id="parts">${Object.entries(PARTS).map(([k, p]) => `<button data-part="${k}" class="${k === part ? 'active' : ''}">${p.title}</button>`).join('')}</nav><div id="part"></div>`;
  const host = root.querySelector('#part') as HTMLElement;
  let cleanup: void | (() => void);
  const show = (name: string) => {
    if (cleanup) cleanup();
    host.innerHTML = '';
    for (const b of root.querySelectorAll<HTMLButtonElement>('#parts button')) b.classList.toggle('active', b.dataset.part === name);
    cleanup = PARTS[name].view(host, app);
  };
  root.querySelector('#parts')!.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest('button');
    if (!b || b.dataset.part === app.state.opts.part) return;
    // a part's options do not carry over to another part
    app.setState({ opts: { part: b.dataset.part! } });
    show(b.dataset.part!);
  });
  if (app.state.opts.part !== part) app.setState({ opts: { ...app.state.opts, part } });
  show(part);
  return () => { if (cleanup) cleanup(); };
};
