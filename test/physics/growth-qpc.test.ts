import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ECM_DEFAULTS, ecmGrow, classifyGrowth } from '../../src/physics/kmc/ecm-lattice.js';
import { QPC_DEFAULTS, qpcHistogram } from '../../src/physics/kmc/qpc.js';
import { G0 } from '../../src/units/constants.js';

test('ECM growth origin follows ion mobility vs redox rate (review section 2.1)', () => {
  // seeded runs on a small lattice; the early-metal centroid is a height fraction in [0, 1]
  const p = { ...ECM_DEFAULTS, nx: 16, nz: 12 };
  for (const seed of [1, 2]) {
    const slow = ecmGrow({ ...p, mobility: 1e-3, redox: 1e2 }, seed);
    const fast = ecmGrow({ ...p, mobility: 1, redox: 1 }, seed);
    assert.equal(classifyGrowth(slow).origin, 'active', `low mobility: early centroid ${slow.earlyCentroid}`);
    assert.equal(classifyGrowth(fast).origin, 'inert', `high mobility: early centroid ${fast.earlyCentroid}`);
    assert.ok(slow.bridged && fast.bridged, 'both filaments bridge the electrodes');
  }
});

test('ECM growth origin depends on mobility at both a low and a high oxidation rate (two independent scales)', () => {
  // reduction and nucleation rates are fixed, so the oxidation rate K is an independent axis:
  // the origin must follow the mobility at K = 1e-4 /s and at K = 1e4 /s alike
  const p = { ...ECM_DEFAULTS, nx: 16, nz: 12 };
  for (const redox of [1e-4, 1e4]) {
    const slow = ecmGrow({ ...p, mobility: 1e-3, redox }, 1), fast = ecmGrow({ ...p, mobility: 10, redox }, 1);
    assert.equal(classifyGrowth(slow).origin, 'active', `K ${redox}, low mobility: early centroid ${slow.earlyCentroid}`);
    assert.equal(classifyGrowth(fast).origin, 'inert', `K ${redox}, high mobility: early centroid ${fast.earlyCentroid}`);
  }
});

test('ECM growth modes at the four corners of the mobility x oxidation-rate map (review section 2.1)', () => {
  // default 24 x 16 lattice, seeds 1-3; low oxidation supply K = 1e-4 /s vs high 1e4 /s
  const want: Array<[number, number, string]> = [[1e-3, 1e-4, 'active/clusters'], [1e-3, 1e4, 'active/dense'], [10, 1e-4, 'inert/branched'], [10, 1e4, 'inert/dense']];
  for (const seed of [1, 2, 3]) {
    const g = want.map(([mobility, redox]) => ecmGrow({ ...ECM_DEFAULTS, mobility, redox }, seed));
    g.forEach((x, q) => { const m = classifyGrowth(x); assert.equal(`${m.origin}/${m.shape}`, want[q][2], `seed ${seed}, M ${want[q][0]}, K ${want[q][1]}: free clusters ${x.freeClusters}, branching ${x.branching}`); });
    // the trends behind the labels, independent of the thresholds: ion shortage splits the
    // slow-ion deposit into floating clusters and makes the fast-ion deposit dendritic
    assert.ok(g[0].freeClusters > g[1].freeClusters, `seed ${seed}: floating clusters ${g[0].freeClusters} vs ${g[1].freeClusters}`);
    assert.ok(g[2].branching > g[3].branching, `seed ${seed}: branching ${g[2].branching} vs ${g[3].branching}`);
    assert.ok(g.every((x) => x.bridged), 'every run bridges the electrodes');
  }
});

test('weak-programming conductance histogram peaks at integer and half-integer multiples of G0 (B4)', () => {
  const h = qpcHistogram(QPC_DEFAULTS, Array.from({ length: 300 }, (_, k) => k + 1));
  // measurements.md B4: peaks at n G0 within +-10 %; the leakage (1 uS = 0.013 G0) and the
  // 0.1 G0 bins bound the offset well inside that band
  for (const n of [1, 2, 3]) assert.ok(h.peaks.some((x) => Math.abs(x - n) <= 0.1 * n), `no peak near ${n} G0: ${h.peaks}`);
  assert.ok(h.peaks.some((x) => Math.abs(x - 1.5) <= 0.1), `no half-integer peak: ${h.peaks}`);
  for (const g of h.finals) assert.ok(Number.isFinite(g) && g >= 0);
  assert.ok(Math.abs(G0 - 7.748091729e-5) < 1e-13);
});
