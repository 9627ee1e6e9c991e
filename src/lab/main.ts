/**
 * Lab entry: tabs for the views, URL state, status bar with progress and cancel.
 * @module lab/main
 */
import { makeApp, type View } from './app.js';
import { deviceView } from './views/device.js';
import { protocolsView } from './views/protocols.js';
import { reportView } from './views/report.js';
import { filamentView } from './views/filament.js';
import { arraysView } from './views/arrays.js';
import { networksView } from './views/networks.js';

const VIEWS: Record<string, { title: string; view: View }> = {
  device: { title: 'Device explorer', view: deviceView },
  protocols: { title: 'Protocols', view: protocolsView },
  filament: { title: 'Filament viewer', view: filamentView },
  arrays: { title: 'Arrays', view: arraysView },
  networks: { title: 'Networks', view: networksView },
  report: { title: 'Reproduction report', view: reportView },
};

const tabs = document.getElementById('tabs')!;
const root = document.getElementById('view')!;
let current = '';
let cleanup: void | (() => void);
const app = makeApp(() => { /* views react to their own inputs */ });

function show(name: string): void {
  if (!VIEWS[name]) name = 'device';
  if (name === current) return;
  current = name;
  app.state.view = name;
  for (const b of tabs.querySelectorAll('button')) b.classList.toggle('active', b.dataset.view === name);
  if (cleanup) cleanup();
  root.innerHTML = '';
  cleanup = VIEWS[name].view(root, app);
  app.setState({ view: name });
}

for (const [name, v] of Object.entries(VIEWS)) {
  const b = document.createElement('button');
  b.textContent = v.title;
  b.dataset.view = name;
  b.addEventListener('click', () => { if (name !== current) { app.setState({ set: {}, opts: {} }); show(name); } });
  tabs.appendChild(b);
}
document.getElementById('cancel')!.addEventListener('click', () => { app.runner.cancel(); app.status('cancelled', 'error'); app.progress(0); });
show(app.state.view);
