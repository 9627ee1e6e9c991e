/**
 * The lab shell shared by all views: state in the URL, the worker runner, status/progress bar.
 * @module lab/app
 */
import { decodeState, encodeState, type LabState } from './state.js';
import { Runner } from './runner.js';

/** What a view receives. */
export interface App {
  state: LabState;
  /** Update the state (and the URL); views re-render what depends on it. */
  setState(patch: Partial<LabState>): void;
  runner: Runner;
  status(text: string, kind?: 'info' | 'error' | 'busy'): void;
  progress(f: number): void;
}

/** A view: mounts into root; returns an optional cleanup. */
export type View = (root: HTMLElement, app: App) => void | (() => void);

export const DEFAULT_STATE: LabState = { view: 'device', preset: 'wox-du2015', set: {}, opts: {} };

/** Build the app object. */
export function makeApp(onChange: (s: LabState) => void): App {
  const state = decodeState(location.search, DEFAULT_STATE);
  const runner = new Runner(new URL('./worker.js', import.meta.url));
  const statusEl = document.getElementById('status')!;
  const bar = document.getElementById('progress') as HTMLProgressElement;
  const app: App = {
    state,
    runner,
    setState(patch) {
      Object.assign(app.state, patch);
      history.replaceState(null, '', encodeState(app.state));
      onChange(app.state);
    },
    status(text, kind = 'info') {
      statusEl.textContent = text;
      statusEl.className = kind;
    },
    progress(f) { bar.value = f; },
  };
  history.replaceState(null, '', encodeState(state));
  return app;
}
