/**
 * The memory section of the reproduction report: datasheets of the review's memory-relevant
 * stacks with the review's claims (< 1 ns switching, > 10 years at 85 C, > 1e9 cycles,
 * ON/OFF > 1e3 for ECM) marked met / not met / n/a per preset.
 * @module memory/report-section
 */
import type { Datasheet } from './datasheet.js';
import { showValue } from './datasheet-html.js';

/** Presets the report shows: [preset, the review's stack it stands for]. */
export const REPORT_DATASHEETS: ReadonlyArray<readonly [string, string]> = [
  ['ag-sio2-ecm-memory', 'ECM Ag/SiO2/Pt'],
  ['taox-vcm-memory', 'VCM Ta/TaOx/Pt'],
  ['ta2o5-kim2015', 'bilayer Ta2O5-x/TaOy'],
];

function esc(s: string): string { return s.replace(/&/g, '&amp;').replace(/</g, '&lt;'); }

/** HTML section (a table with links to each datasheet page `datasheets/<id>.html`). */
export function memoryReportSection(sheets: Array<{ stack: string; sheet: Datasheet }>, note: string): string {
  const claims = sheets.length ? sheets[0].sheet.criteria.map((c) => c.claim) : [];
  const head = `<tr><th>review stack</th><th>preset</th><th>ON/OFF</th><th>t_SET / t_RESET</th><th>retention 85 C</th><th>endurance</th><th>levels</th>${claims.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
  const rows = sheets.map(({ stack, sheet: d }) => {
    const f = d.fields;
    const crit = d.criteria.map((c) => `<td class="${c.status === 'pass' ? 'pass' : c.status === 'fail' ? 'fail' : 'na'}">${c.status === 'pass' ? 'met' : c.status === 'fail' ? 'not met' : 'n/a'}</td>`).join('');
    return `<tr><td>${esc(stack)}</td><td><a href="datasheets/${esc(d.device)}.html">${esc(d.device)}</a></td><td>${showValue(f.onOff.value, f.onOff.unit)}</td>` +
      `<td>${showValue(f.tSet.value, f.tSet.unit)} / ${showValue(f.tReset.value, f.tReset.unit)}</td><td>${showValue(f.retention85.value, f.retention85.unit)}</td>` +
      `<td>${showValue(f.endurance.value, f.endurance.unit)}</td><td>${showValue(f.levels.value, f.levels.unit)}</td>${crit}</tr>`;
  }).join('\n');
  return `<section class="memory"><h2>Memory figures of merit (review Section 1)</h2>
<p>Datasheets of the review's memory-relevant stacks (<code>nanoionics datasheet PRESET</code>): the
review's claims marked met or not met by each preset, honestly; n/a where a model has no term
for the claim (e.g. no wear or no retention loss). ${esc(note)} The presets' own notes say
what each was calibrated to; a "met" on a hand-calibrated preset is not an independent prediction.</p>
<table class="summary">${head}\n${rows}</table></section>`;
}
