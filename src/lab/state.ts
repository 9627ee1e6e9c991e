/**
 * Lab view state lives in the URL query, so a link reproduces the view and its numbers.
 * `view=device&preset=wox-du2015&p.tau=20%20ms` etc.; `p.` keys are parameter overrides.
 * @module lab/state
 */

/** The lab's serialisable state. */
export interface LabState {
  view: string;
  preset: string;
  /** Parameter overrides as the user typed them (unit strings). */
  set: Record<string, string>;
  /** View-specific options (`o.` keys). */
  opts: Record<string, string>;
}

/** Parse a query string. */
export function decodeState(search: string, defaults: LabState): LabState {
  const q = new URLSearchParams(search);
  const s: LabState = { view: q.get('view') ?? defaults.view, preset: q.get('preset') ?? defaults.preset, set: {}, opts: { ...defaults.opts } };
  for (const [k, v] of q) {
    if (k.startsWith('p.')) s.set[k.slice(2)] = v;
    else if (k.startsWith('o.')) s.opts[k.slice(2)] = v;
  }
  return s;
}

/** Serialise to a query string (stable key order). */
export function encodeState(s: LabState): string {
  const q = new URLSearchParams();
  q.set('view', s.view);
  q.set('preset', s.preset);
  for (const k of Object.keys(s.set).sort()) q.set(`p.${k}`, s.set[k]);
  for (const k of Object.keys(s.opts).sort()) q.set(`o.${k}`, s.opts[k]);
  return '?' + q.toString();
}
