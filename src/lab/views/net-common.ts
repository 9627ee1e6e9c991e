/**
 * Helpers shared by the parts of the networks view: the aside form (inputs bound to `o.` keys
 * of the URL), device-parameter text ("c0=0.5, c0Dtod=0.5"), integer fields with the field named
 * in errors, and the checks table.
 * @module lab/views/net-common
 */
import { SpecError } from '../../units/parse.js';
import { listPresets } from '../../devices/catalogue.js';
import type { Check } from '../../report/panel.js';

export function esc(s: string): string { return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;'); }

/** Parse "name=value, name=value" into a set map (numeric text becomes a number); errors name `path`. */
export function parseSetText(text: string, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z_][\w]*)\s*=\s*(.+)$/.exec(part);
    if (!m) throw new SpecError(path, part, 'name=value pairs separated by commas, e.g. "c0=0.5, c0Dtod=0.5"');
    const v = m[2].trim();
    out[m[1]] = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v) ? Number(v) : v;
  }
  return out;
}

/** An integer field in [min, max]; errors name the field and the value. */
export function intField(text: string, path: string, min: number, max: number): number {
  const n = Number(text.trim());
  if (!(Number.isInteger(n) && n >= min && n <= max)) throw new SpecError(path, text, `an integer from ${min} to ${max}`);
  return n;
}

/** Fill a select with the catalogue presets (optionally filtered), selecting `value`. */
export function presetSelect(sel: HTMLSelectElement, value: string, keep: (id: string, model: string) => boolean = () => true): void {
  for (const p of listPresets()) if (keep(p.id, p.model)) sel.appendChild(new Option(`${p.id} (${p.model})`, p.id));
  sel.value = value;
  if (sel.value !== value && sel.options.length) sel.value = sel.options[0].value;
}

/** HTML rows of a checks table (as the report view shows them). */
export function checksHtml(checks: Check[]): string {
  return '<tr><th>metric</th><th>simulated</th><th>band</th><th>code</th><th></th></tr>' + checks.map((c) => {
    const cls = c.pass ? 'pass' : c.gate === 'hard' ? 'fail' : 'warn';
    return `<tr><td>${esc(c.metric)}</td><td>${Number(c.value.toPrecision(3))} ${c.unit === '1' ? '' : esc(c.unit)}</td><td>${esc(c.band)}</td><td>${c.code} · ${c.gate}</td><td class="${cls}">${cls}</td></tr>`;
  }).join('');
}

/** Run `f`; a SpecError is shown in `errEl` and the status bar, and false returned (nothing applied). */
export function guard(errEl: HTMLElement, status: (t: string, k: 'error') => void, f: () => void): boolean {
  try {
    f();
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    errEl.textContent = e.message;
    status(`not applied: ${e.message}`, 'error');
    return false;
  }
  errEl.textContent = '';
  return true;
}
