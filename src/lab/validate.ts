/**
 * Validation of an edited parameter row: the library's check runs first; a SpecError marks the
 * row and shows the schema's message, and nothing is applied (no half-applied updates).
 * @module lab/validate
 */
import { SpecError } from '../units/parse.js';
import type { App } from './app.js';

/**
 * Run `check` for the edited input's row; on a SpecError show it and return false.
 * The row is followed by its error row (`tr.err`).
 */
export function validateRow(app: App, input: HTMLInputElement, check: () => void): boolean {
  const row = input.closest('tr')!;
  const errRow = row.nextElementSibling as HTMLElement;
  try {
    check();
  } catch (err) {
    if (!(err instanceof SpecError)) throw err;
    row.classList.add('invalid');
    errRow.hidden = false;
    errRow.querySelector('td')!.textContent = err.message;
    app.status(`not applied: ${err.message}`, 'error');
    return false;
  }
  row.classList.remove('invalid');
  errRow.hidden = true;
  return true;
}
