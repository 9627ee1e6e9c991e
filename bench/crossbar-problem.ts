/**
 * The crossbar benchmark problem (../shared/baselines/crossbar): an N x N linear 1R array with
 * 1 Ohm segments on every row and column line, conductances U[1 uS, 100 uS] and row voltages
 * U[0, 0.2] V from a seeded stream; rows driven (ideal sources) at their first cell, columns
 * grounded at their last cell.
 * @module bench/crossbar-problem
 */
import { CrossbarDrive } from '../src/circuit/crossbar-geometry.js';
import { Rng } from '../src/rng/rng.js';

/** The seeded problem of size n. */
export function problem(n: number): { g: Float64Array; v: Float64Array } {
  const r = new Rng(2024).stream(`crossbar:${n}`), g = new Float64Array(n * n), v = new Float64Array(n);
  for (let k = 0; k < g.length; k++) g[k] = r.uniform(1e-6, 1e-4);
  for (let i = 0; i < n; i++) v[i] = r.uniform(0, 0.2);
  return { g, v };
}

/** Its drive. */
export function problemDrive(n: number, v: Float64Array): CrossbarDrive {
  const d = new CrossbarDrive(n, n);
  for (let i = 0; i < n; i++) d.word(i, 0, v[i]);
  for (let j = 0; j < n; j++) d.bit(j, 1, 0);
  return d;
}
