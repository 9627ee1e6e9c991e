/**
 * Array studies built on the read and VMM operations: read margin versus array size, the largest
 * square array that keeps a target margin, and VMM error / ENOB versus size and wire resistance.
 * @module circuit/crossbar-study
 */
import { CrossbarSystem, type CrossbarSolveOptions } from './crossbar-system.js';
import { buildCells, type CellChoice } from './crossbar-build.js';
import { readMargin, type ReadScheme, type MarginResult } from './crossbar-read.js';
import { runVmm, randomVmmProblem, type VmmOptions } from './crossbar-vmm.js';
import { Rng } from '../rng/rng.js';

/** Read conditions of a margin study (SI). */
export interface MarginConditions {
  rWire: number;
  vRead: number;
  scheme: ReadScheme;
  rSense: number;
  solver?: CrossbarSolveOptions;
}

/** Worst-case read margin of an n x n array. */
export function marginAt(choice: CellChoice, n: number, o: MarginConditions): MarginResult {
  const cells = buildCells(choice, n, n);
  const sys = new CrossbarSystem({ rows: n, cols: n, rWord: o.rWire, rBit: o.rWire }, cells.cell, o.solver ?? {});
  return readMargin(sys, cells, { vRead: o.vRead, scheme: o.scheme, rSense: o.rSense });
}

/** Margin for each size. */
export function marginVsSize(choice: CellChoice, sizes: readonly number[], o: MarginConditions): Array<{ n: number } & MarginResult> {
  return sizes.map((n) => ({ n, ...marginAt(choice, n, o) }));
}

/**
 * Largest n (n x n array, 2 <= n <= nMax) whose margin is at least `target`: doubling, then
 * bisection (the margin falls with n). Returns n = 1 when even 2 x 2 fails, nMax when nMax passes.
 */
export function largestArray(choice: CellChoice, target: number, o: MarginConditions, nMax = 1024): { n: number; margin: number; evaluated: Array<{ n: number; margin: number; status: string }> } {
  const seen: Array<{ n: number; margin: number; status: string }> = [];
  const ok = (n: number): boolean => {
    const r = marginAt(choice, n, o);
    seen.push({ n, margin: r.margin, status: r.status });
    return r.status === 'ok' && r.margin >= target;
  };
  if (!ok(2)) return { n: 1, margin: seen[0].margin, evaluated: seen };
  let lo = 2, hi = 4;
  while (hi <= nMax && ok(hi)) { lo = hi; hi *= 2; }
  if (hi > nMax) return { n: lo, margin: seen[seen.length - 1].margin, evaluated: seen };
  while (hi - lo > Math.max(1, Math.floor(lo / 16))) { // resolve n to about 6 %
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) lo = mid; else hi = mid;
  }
  const best = seen.filter((s) => s.n === lo)[0];
  return { n: lo, margin: best.margin, evaluated: seen };
}

/** VMM error and ENOB over sizes x wire resistances (random weights and inputs, seeded). */
export function vmmStudy(sizes: readonly number[], wires: readonly number[], base: Omit<VmmOptions, 'rWire' | 'rng'>, batch: number, seed: number): Array<{ n: number; rWire: number; relError: number; enob: number; energy: number; status: string }> {
  const out: Array<{ n: number; rWire: number; relError: number; enob: number; energy: number; status: string }> = [];
  for (const n of sizes) {
    const { w, x } = randomVmmProblem(n, n, batch, new Rng(seed).stream(`vmm:${n}`));
    for (const rWire of wires) {
      const r = runVmm(w, n, n, x, batch, { ...base, rWire, rng: new Rng(seed).stream(`vmm-var:${n}`) });
      out.push({ n, rWire, relError: r.relError, enob: r.enob, energy: r.energy, status: r.status });
    }
  }
  return out;
}
