import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveContinuumParams } from '../../src/physics/continuum/params.js';
import { FILAMENT_CELL, resetResidue, pulseTo } from '../../src/physics/continuum/scenarios.js';
import { filamentGeometry } from '../../src/physics/continuum/metrics.js';
import { ContinuumSolver } from '../../src/physics/continuum/solver.js';

test('Fig. 8j,k on a coarse cell: at the same HRS the high-V RESET leaves a shorter gap with fewer residual vacancies', () => {
  // the report's Fig. 8 cell at half the radial resolution (16 x 20, dr 0.5 nm, ~3 s); on this
  // and on finer grids (0.5 / 0.15 / 0.075 nm bottom rows) the gap at 0.3 nMax is 2.4-2.5 nm vs
  // 3.3-3.4 nm and the residue ratio at 0.2-0.3 nMax is 0.2-0.75 (report card, Fig. 8j-l)
  const p = resolveContinuumParams({ ...FILAMENT_CELL, nx: 16 });
  const r = resetResidue(p, { probe: false });
  for (const b of [r.high, r.low]) {
    assert.equal(b.status, 'stopped', `${b.v} V: ${b.status}`);
    assert.ok(Math.abs(b.g / 2e-6 - 1) < 0.05, `${b.v} V: read G ${b.g}`);
  }
  const s = new ContinuumSolver(p);
  const geo = (n: Float64Array, f: number) => filamentGeometry(s, f, n);
  const gh = geo(r.high.snapshot.n, 0.3).gap, gl = geo(r.low.snapshot.n, 0.3).gap;
  // measured 2.50 vs 3.30 nm; a difference of more than one row (0.5 nm) is asked for
  assert.ok(gl - gh > 0.5e-9, `gap high ${gh}, low ${gl}`);
  for (const f of [0.2, 0.25, 0.3]) {
    const a = geo(r.high.snapshot.n, f).gapIons, b = geo(r.low.snapshot.n, f).gapIons;
    // measured ratios 0.24, 0.28, 0.52; at least one vacancy of residue at low V
    assert.ok(b > 1 && a / b < 0.8, `threshold ${f}: residue high ${a}, low ${b}`);
  }
  // SET pulses from the -1.5 V HRS at the default step tolerances reach 3x its conductance.
  // Regression: thin depleted cells in the background made the two coupling passes alternate
  // (filled, emptied) and a G kept from the previous step looked like a jump, so 2.5 V crept
  // to 'step-too-small' at ~1 ns and 1.1 V at ~0.7 us (4000-5000 steps spent)
  const hrs = new ContinuumSolver(p);
  hrs.n.set(r.high.snapshot.n);
  for (const v of [2.5, 1.1]) {
    const { s: q, r: run } = pulseTo(p, hrs, v, 6e-6, 1e-3, undefined, { maxSteps: 3000 });
    assert.equal(run.status, 'stopped', `${v} V: ${run.status} ${run.message} after ${run.steps} steps`);
    assert.ok(q.readConductance() >= 6e-6, `${v} V: read G ${q.readConductance()}`);
  }
});
