/**
 * Synapses sharing one conserved pool of mobile Li+ ions (LixMoS2 multi-terminal networks,
 * Zhu et al., Nat. Mater. 18, 1033 (2019)); review Section 3.4, Fig. 9 (heterosynaptic
 * competition and cooperation). No published compact model exists (models.md 6.6); this is
 * the shared-reservoir model suggested there, built here.
 *
 * k input terminals in1..ink and one common terminal; synapse i is the MoS2 channel between
 * in_i and common. Its Li content c_i (fraction of the region's capacity, 0..1) exchanges with
 * a pool P (the flake's bulk, capacity S in units of one region) by field-assisted hopping:
 *
 *   V_i'  = V_i + chi sum_{j neighbour of i} V_j          (V_i = v(in_i) - v(common); fringing field)
 *   J_i   = nu [ (P/S) (1 - c_i) exp(a V_i') - c_i (1 - P/S) exp(-a V_i') ]       (pool -> region i)
 *   dc_i/dt = J_i,      dP/dt = - sum_i J_i
 *   G_i   = G_min + G_lin c_i + G_ph (1 + tanh((c_i - c_th)/c_w)) / 2    (2H -> 1T' phase change at high Li)
 *   I(in_i) = G_i V_i,  I(common) = - sum_i G_i V_i
 *
 * Neighbours: a chain in1 - in2 - ... - ink (for k = 2, each other). The fluxes are written
 * once and added to c_i and subtracted from P, so sum_i c_i + P is constant to round-off by
 * construction (an exact linear invariant of the ODE, preserved by any Runge-Kutta method).
 * At zero bias every region relaxes toward the pool's fill fraction (c_i -> P/S) at rate
 * ~nu. Hopping into a region is exponential in its voltage, so:
 *  - competition: driving synapse 1 pulls Li out of the pool, and an unstimulated synapse
 *    then relaxes toward the depleted pool: its conductance falls;
 *  - cooperation: the fringing field chi V_1 of a driven neighbour adds to a weak input on
 *    synapse 2, whose exponential response then crosses the phase-change threshold that the
 *    weak input alone could not reach.
 * The Li+ ionic current is neglected against the electronic current.
 * @module devices/models/li-reservoir
 */
import type { Preset, StateDef } from '../contract.js';
import { param, paramIndex } from '../contract.js';
import type { MultiTerminalModel } from '../multi-terminal.js';
import { limexp } from '../../math/smooth.js';

const ZHU = 'Zhu et al., Nat. Mater. 18, 1033 (2019) (measurements.md A7)';
const CAL = 'calibrated by hand (no published compact model, models.md 6.6)';
const params = [
  param('k', 2, '1', 'dimensionless', 1, 16, 'number of synapses (input terminals) sharing the pool', ZHU, { integer: true, fixed: true }),
  param('pool', 2, '1', 'dimensionless', 0.01, 1e6, 'pool capacity S in units of one region', CAL),
  param('fill', 0.4, '1', 'dimensionless', 0, 1, 'initial fill fraction of every region and of the pool (uniform equilibrium)', CAL),
  param('nu', 0.05, '1/s', 'frequency', 0, 1e12, 'exchange rate between a region and the pool at zero bias (relaxation)', CAL),
  param('a', 3, '1/V', 'any', 0, 100, 'field factor of hopping (exp(a V))', CAL),
  param('chi', 0.4, '1', 'dimensionless', 0, 1, 'fraction of a neighbour\'s voltage felt by a region (fringing field)', CAL),
  param('gMin', 1e-7, 'S', 'conductance', 0, 1, 'conductance of an empty (2H) channel', CAL),
  param('gLin', 4e-7, 'S', 'conductance', 0, 1, 'conductance gained per unit Li content (2H phase)', CAL),
  param('gPh', 2e-6, 'S', 'conductance', 0, 1, 'conductance step of the 2H -> 1T\' phase change', 'review Section 3.4: metallic 1T\' phase at high Li content'),
  param('cTh', 0.5, '1', 'dimensionless', 0, 1, 'Li content of the 2H -> 1T\' transition', CAL),
  param('cW', 0.02, '1', 'dimensionless', 1e-4, 1, 'width of the phase transition', CAL),
] as const;
const P = paramIndex(params);

/** k of a parameter vector. */
function kOf(p: Float64Array): number { return p[P.k]; }

export const liReservoir: MultiTerminalModel = {
  id: 'li-reservoir',
  title: 'Synapses sharing a conserved Li+ pool (LixMoS2, Zhu 2019)',
  summary: 'J_i = nu [(P/S)(1 - c_i) e^{a V_i\'} - c_i (1 - P/S) e^{-a V_i\'}], V_i\' = V_i + chi sum_nb V_j; dc_i/dt = J_i; dP/dt = -sum J_i; G_i = G_min + G_lin c_i + G_ph step(c_i - c_th).',
  citation: `${ZHU}; shared-reservoir model constructed here (models.md 6.6)`,
  reviewLink: 'Section 3.4, Fig. 9: heterosynaptic competition and cooperation through a shared Li+ reservoir',
  params,
  stiff: false,
  terminals(p) { return [...Array.from({ length: kOf(p) }, (_, i) => `in${i + 1}`), 'common']; },
  channels(p) { return Array.from({ length: kOf(p) }, (_, i) => `G${i + 1}`); },
  states(p) {
    const k = kOf(p);
    const s: StateDef[] = [];
    for (let i = 0; i < k; i++) s.push({ name: `c${i + 1}`, unit: '1', min: 0, max: 1, meaning: `Li content of the channel of synapse ${i + 1}`, atol: 1e-10, init: 'fill' });
    s.push({ name: 'pool', unit: '1', min: 0, max: p[P.pool], meaning: 'Li in the shared pool, in units of one region', atol: 1e-10, init: 0 });
    return s;
  },
  init(p, x) {
    const k = kOf(p);
    for (let i = 0; i < k; i++) x[i] = p[P.fill];
    x[k] = p[P.fill] * p[P.pool];
  },
  rhs(_t, v, x, p, dx) {
    const k = kOf(p), S = p[P.pool], nu = p[P.nu], a = p[P.a], chi = p[P.chi];
    const vc = v[k];
    const ph = x[k] / S;
    let out = 0;
    for (let i = 0; i < k; i++) {
      let ve = v[i] - vc;
      if (i > 0) ve += chi * (v[i - 1] - vc);
      if (i < k - 1) ve += chi * (v[i + 1] - vc);
      const c = x[i];
      const J = nu * (ph * (1 - c) * limexp(a * ve) - c * (1 - ph) * limexp(-a * ve));
      dx[i] = J;
      out += J;
    }
    dx[k] = -out;
  },
  currents(v, x, p, out) {
    const k = kOf(p);
    let sum = 0;
    for (let i = 0; i < k; i++) {
      const c = x[i];
      const g = p[P.gMin] + p[P.gLin] * c + p[P.gPh] * 0.5 * (1 + Math.tanh((c - p[P.cTh]) / p[P.cW]));
      out[i] = g * (v[i] - v[k]);
      sum += out[i];
    }
    out[k] = -sum;
  },
  conductances(x, p, out) {
    const k = kOf(p);
    for (let i = 0; i < k; i++) {
      const c = x[i];
      out[i] = p[P.gMin] + p[P.gLin] * c + p[P.gPh] * 0.5 * (1 + Math.tanh((c - p[P.cTh]) / p[P.cW]));
    }
  },
  invariants(p) {
    return [new Float64Array(kOf(p) + 1).fill(1)];
  },
};

export const liReservoirPresets: Preset[] = [
  {
    id: 'limos2-zhu2019', model: 'li-reservoir', title: 'LixMoS2 synapses sharing a Li+ pool (Zhu 2019)',
    params: {},
    citation: ZHU,
    fittedTo: 'no published values (measurements.md A7): calibrated by hand so that 3 V / 1 ms pulses on one input potentiate it strongly, a 1.5 V input alone stays below the 2H -> 1T\' threshold, the same input beside a driven neighbour crosses it (cooperation), and an unstimulated synapse relaxes toward the depleted pool (competition); set k = 4 for the four-synapse network',
    notes: 'Zero-bias relaxation time ~ 1/nu = 20 s. Total Li (sum c_i + pool) is an exact invariant. Conductances are illustrative.',
    sweep: { vSet: 3, vReset: -3, vRead: 0.1 },
  },
];
