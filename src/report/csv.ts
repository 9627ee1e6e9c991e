/**
 * CSV text of a result table (header "name [unit]"), for the report's data files. Numbers are
 * written with 10 significant digits; non-finite values as NaN / Infinity.
 * @module report/csv
 */
import type { Table } from '../protocols/types.js';

function fmt(x: number): string {
  if (x === undefined) return '';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  return Number.isFinite(x) ? String(Number(x.toPrecision(10))) : String(x);
}

/** Columns of possibly different lengths are padded with empty cells. */
export function tableCsv(t: Table): string {
  const names = Object.keys(t.columns);
  const len = Math.max(0, ...names.map((n) => t.columns[n].length));
  const lines = [names.map((n) => (t.units[n] && t.units[n] !== '1' ? `${n} [${t.units[n]}]` : n)).join(',')];
  for (let r = 0; r < len; r++) lines.push(names.map((n) => fmt(t.columns[n][r])).join(','));
  return lines.join('\n') + '\n';
}
