/**
 * Synthetic measurements for fit tests: simulate a device through `simulate`, sample the
 * columns at the recorded rows, add seeded Gaussian noise of a given fraction of the RMS.
 */
import { resolveSpec, simulate } from '../src/experiment/index.js';
import { Rng } from '../src/rng/rng.js';
import type { DataSet } from '../src/fit/import.js';

/** I-V data of `device` under `stimulus`, sampled every `every` seconds, noise = frac * RMS(I). */
export function syntheticIv(device: Record<string, unknown>, stimulus: Record<string, unknown>, every: number, frac: number, seed: number): { set: DataSet; sigma: number } {
  const r = simulate(resolveSpec({ device, stimulus, record: { every } }));
  if (r.status !== 'ok') throw new Error(`synthetic data: ${r.message}`);
  const i = r.columns.i;
  let rms = 0;
  for (const x of i) rms += x * x;
  rms = Math.sqrt(rms / i.length);
  const rng = new Rng(seed).stream('noise');
  const sigma = frac * rms;
  const y = Float64Array.from(i, (x) => x + sigma * rng.normal());
  return {
    set: { name: 'synthetic-iv', kind: 'iv', t: r.columns.t, v: r.columns.vs, target: 'i', y, cycle: new Int32Array(y.length), line: Int32Array.from(y, (_, k) => k + 2), device: '' },
    sigma,
  };
}

/** Rows of a data set as CSV text with a header in the given units. */
export function toCsv(header: string, rows: number[][]): string {
  return [header, ...rows.map((r) => r.join(','))].join('\n') + '\n';
}
