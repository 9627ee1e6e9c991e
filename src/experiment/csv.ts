/**
 * Columns to CSV text (header `name [unit]`), shared by the CLI, the report and the lab so that
 * every export of the same result is byte-identical.
 * @module experiment/csv
 */

/** Format one number compactly and losslessly enough for plotting data (10 significant digits). */
export function formatCsvNumber(x: number): string {
  if (x === undefined) return '';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  return Number.isFinite(x) ? x.toPrecision(10).replace(/(\.\d*?)0+(e|$)/, '$1$2').replace(/\.(e|$)/, '$1') : String(x);
}

/**
 * Columns of a K x K confusion matrix stored label-major (conf[t K + p] = images of true class t
 * predicted as p): `label` then `pred0` ... `pred{K-1}`, one row per true class.
 */
export function confusionColumns(conf: ArrayLike<number>, K: number): Record<string, number[]> {
  const cols: Record<string, number[]> = { label: Array.from({ length: K }, (_, k) => k) };
  for (let p = 0; p < K; p++) cols[`pred${p}`] = Array.from({ length: K }, (_, k) => conf[k * K + p]);
  return cols;
}

/** Columns to CSV with a header of `name [unit]`. */
export function columnsToCsv(columns: Record<string, ArrayLike<number>>, units: Record<string, string> = {}): string {
  const names = Object.keys(columns);
  const len = names.length ? columns[names[0]].length : 0;
  const lines: string[] = [names.map((n) => (units[n] ? `${n} [${units[n]}]` : n)).join(',')];
  for (let r = 0; r < len; r++) {
    let s = '';
    for (let c = 0; c < names.length; c++) {
      if (c) s += ',';
      s += formatCsvNumber(columns[names[c]][r]);
    }
    lines.push(s);
  }
  return lines.join('\n') + '\n';
}
