/**
 * Differential evolution (Storn & Price, J. Global Optim. 11, 341 (1997)), strategy
 * DE/rand/1/bin with dither, on the unit box [0, 1]^n, seeded:
 *
 *   mutant  m = x_r1 + F (x_r2 - x_r3),  F drawn uniformly in [0.5, 1) per generation (dither)
 *   trial   t_j = m_j with probability CR (and for one random j), else x_j; out-of-box
 *           components are reflected back into [0, 1]
 *   select  x <- t when cost(t) <= cost(x)
 *
 * The initial population is a Latin hypercube (one point per stratum per coordinate) plus
 * the start point. Stops after `generations` or when the population's cost spread falls
 * below `tol` times its best cost. A cost of Infinity (a failed simulation) simply loses.
 * @module fit/differential-evolution
 */
import type { Rng } from '../rng/rng.js';

/** Settings of the global search. */
export interface DeOptions {
  population: number;
  generations: number;
  crossover: number;
  /** Relative cost spread that ends the search. */
  tol: number;
}

/** Outcome of the global search. */
export interface DeResult {
  best: Float64Array;
  cost: number;
  generations: number;
  evaluations: number;
  converged: boolean;
}

/** Minimise cost(u) over the unit box. */
export function differentialEvolution(cost: (u: Float64Array) => number, start: Float64Array, rng: Rng, opts: DeOptions): DeResult {
  const n = start.length;
  const np = Math.max(5, opts.population);
  const pop: Float64Array[] = [];
  const perm = (): number[] => {
    const a = Array.from({ length: np }, (_, k) => k);
    for (let k = np - 1; k > 0; k--) { const j = rng.int(k + 1); [a[k], a[j]] = [a[j], a[k]]; }
    return a;
  };
  const strata = Array.from({ length: n }, perm);
  for (let k = 0; k < np; k++) {
    const x = new Float64Array(n);
    for (let j = 0; j < n; j++) x[j] = (strata[j][k] + rng.next()) / np;
    pop.push(x);
  }
  pop[0].set(start);
  const f = pop.map(cost);
  let evals = np;
  let gen = 0;
  let converged = false;
  const trial = new Float64Array(n);
  for (; gen < opts.generations; gen++) {
    const F = 0.5 + 0.5 * rng.next();
    for (let k = 0; k < np; k++) {
      let r1: number, r2: number, r3: number;
      do r1 = rng.int(np); while (r1 === k);
      do r2 = rng.int(np); while (r2 === k || r2 === r1);
      do r3 = rng.int(np); while (r3 === k || r3 === r1 || r3 === r2);
      const jr = rng.int(n);
      for (let j = 0; j < n; j++) {
        if (j === jr || rng.next() < opts.crossover) {
          let m = pop[r1][j] + F * (pop[r2][j] - pop[r3][j]);
          if (m < 0) m = -m;
          if (m > 1) m = 2 - m;
          trial[j] = m < 0 ? 0 : m > 1 ? 1 : m;
        } else trial[j] = pop[k][j];
      }
      const c = cost(trial);
      evals++;
      if (c <= f[k]) { pop[k].set(trial); f[k] = c; }
    }
    let lo = Infinity, hi = -Infinity;
    for (const c of f) { lo = Math.min(lo, c); hi = Math.max(hi, c); }
    if (Number.isFinite(hi) && hi - lo <= opts.tol * Math.max(lo, 1e-300)) { converged = true; gen++; break; }
  }
  let b = 0;
  for (let k = 1; k < np; k++) if (f[k] < f[b]) b = k;
  return { best: Float64Array.from(pop[b]), cost: f[b], generations: gen, evaluations: evals, converged };
}
