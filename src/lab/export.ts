/**
 * Downloads from the lab: plot data as CSV/JSON, the plot as SVG/PNG, the run as a spec the
 * CLI runs to the same numbers.
 * @module lab/export
 */
import { columnsToCsv } from '../experiment/csv.js';

/** Offer a Blob as a download. */
export function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** CSV text of plot data (same writer as the CLI). */
export function toCsv(columns: Record<string, ArrayLike<number>>, units: Record<string, string>): string {
  return columnsToCsv(columns, units);
}

/** JSON of plot data with metadata. */
export function toJsonText(columns: Record<string, ArrayLike<number>>, units: Record<string, string>, meta: unknown): string {
  const cols: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(columns)) cols[k] = Array.from(v);
  return JSON.stringify({ meta, units, columns: cols }, null, 2);
}

/** Rasterise an SVG string to a PNG blob at the given scale. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  await new Promise<void>((ok, fail) => { img.onload = () => ok(); img.onerror = () => fail(new Error('svg render failed')); img.src = url; });
  const c = document.createElement('canvas');
  c.width = img.width * scale;
  c.height = img.height * scale;
  const g = c.getContext('2d')!;
  g.scale(scale, scale);
  g.drawImage(img, 0, 0);
  URL.revokeObjectURL(url);
  return new Promise((ok) => c.toBlob((b) => ok(b!), 'image/png'));
}
