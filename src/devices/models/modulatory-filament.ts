/**
 * Planar Ag-nanoparticle device with a modulatory terminal (Yang, Chen, Lu, Adv. Mater.
 * 2015, heterosynaptic plasticity); review Section 3.4, Fig. 10. No published compact model
 * exists (models.md 6.6); this one is built on the diffusive-memristor form (models.md 7.1):
 *
 *   V_pp  = v(pre) - v(post),      V_m = v(mod) - v(post)          (post is the grounded output)
 *   dh/dt = wall( nu_g (cosh(V_pp / V_g) - 1) / (alpha + 1 - h) * exp(+V_m / V_mod)   (field-driven Ag bridging)
 *                 - nu_r h * exp(-V_m / V_mod) )                                     (spontaneous rupture)
 *   R(h)  = R_on h + R_off (exp((1 - h)/lambda) - 1) / (exp(1/lambda) - 1)
 *   I(pre) = V_pp / R(h),   I(post) = -V_pp / R(h) - G_m V_m,   I(mod) = G_m V_m
 *
 * h in [0, 1] is the bridging fraction of the Ag-nanoparticle chain between the pre and post
 * electrodes. Growth is even in V_pp (Ag clusters migrate along the field whatever its sign,
 * as in the diffusive memristor) and self-accelerating (1/(alpha + 1 - h): the gap narrows),
 * so repeated pre pulses switch the channel ON abruptly after some number of pulses; at zero
 * bias the bridge ruptures spontaneously (volatile). The modulatory terminal's field (its
 * bias against the grounded post electrode), across the channel, biases the Ag migration: V_m > 0 speeds growth and slows rupture, V_m < 0
 * does the opposite, both monotonically (exp(+-V_m/V_mod)). The modulatory terminal is
 * insulated from the channel except for a leakage G_m. "wall" is the bound of math/smooth.
 * @module devices/models/modulatory-filament
 */
import type { Preset, StateDef } from '../contract.js';
import { param, paramIndex } from '../contract.js';
import type { MultiTerminalModel } from '../multi-terminal.js';
import { limexp, wall } from '../../math/smooth.js';

const YCL = 'Yang, Chen, Lu, Adv. Mater. (2015), planar Ag-nanoparticle heterosynaptic device (measurements.md A8)';
const CAL = 'calibrated by hand (no published compact model, models.md 6.6)';
const params = [
  param('ron', 1e5, 'Ohm', 'resistance', 1, 1e15, 'ON resistance of the bridged channel', CAL),
  param('roff', 1e11, 'Ohm', 'resistance', 1, 1e18, 'OFF resistance of the open channel', CAL),
  param('lambda', 0.1, '1', 'dimensionless', 0.01, 10, 'shape of the exponential R(h)', 'models.md 7.1'),
  param('nuG', 0.6, '1/s', 'frequency', 0, 1e15, 'bridging rate prefactor', CAL),
  param('vG', 2, 'V', 'voltage', 1e-3, 100, 'voltage scale of bridging (cosh(V_pp/V_g) - 1)', CAL),
  param('alpha', 0.1, '1', 'dimensionless', 1e-3, 10, 'feedback offset of bridging (gap narrowing)', 'models.md 7.1'),
  param('nuR', 1, '1/s', 'frequency', 0, 1e15, 'spontaneous rupture rate at zero modulatory bias', CAL),
  param('vMod', 5, 'V', 'voltage', 1e-3, 100, 'modulatory voltage that changes growth and rupture by a factor e', CAL),
  param('gM', 1e-12, 'S', 'conductance', 0, 1, 'leakage conductance of the modulatory terminal', CAL),
  param('d', 1e-3, '1', 'dimensionless', 1e-6, 0.1, 'width of the wall at h = 0 and 1', 'models.md 1.2'),
  param('h0', 0, '1', 'dimensionless', 0, 1, 'initial bridging fraction', 'choice of the experiment'),
] as const;
const P = paramIndex(params);

function resistance(h: number, p: Float64Array): number {
  const hc = h < 0 ? 0 : h > 1 ? 1 : h, lam = p[P.lambda];
  return p[P.ron] * hc + (p[P.roff] * Math.expm1((1 - hc) / lam)) / Math.expm1(1 / lam);
}

const STATES: StateDef[] = [{ name: 'h', unit: '1', min: 0, max: 1, meaning: 'bridging fraction of the Ag-nanoparticle chain', atol: 1e-9, init: 'h0' }];

export const modulatoryFilament: MultiTerminalModel = {
  id: 'modulatory-filament',
  title: 'Planar Ag-nanoparticle synapse with a modulatory terminal (Yang, Chen, Lu 2015)',
  summary: 'dh/dt = nu_g (cosh(V_pp/V_g) - 1)/(alpha + 1 - h) e^{V_m/V_mod} - nu_r h e^{-V_m/V_mod}; I = V_pp / R(h), R = R_on h + R_off (e^{(1-h)/lambda} - 1)/(e^{1/lambda} - 1).',
  citation: `${YCL}; model constructed here on the diffusive-memristor form (models.md 7.1)`,
  reviewLink: 'Section 3.4, Fig. 10: a modulatory terminal speeds up or suppresses filament growth and rupture',
  params,
  stiff: true,
  terminals() { return ['pre', 'post', 'mod']; },
  channels() { return ['G']; },
  states() { return STATES; },
  init(p, x) { x[0] = p[P.h0]; },
  rhs(_t, v, x, p, dx) {
    const vpp = v[0] - v[1], vm = v[2] - v[1], h = x[0];
    const m = vm / p[P.vMod];
    const ch = 0.5 * (limexp(vpp / p[P.vG]) + limexp(-vpp / p[P.vG])) - 1;
    const den = Math.max(p[P.alpha] + 1 - h, 0.5 * p[P.alpha]);
    const grow = ((p[P.nuG] * ch) / den) * limexp(m);
    const rup = p[P.nuR] * h * limexp(-m);
    dx[0] = wall(grow - rup, h, 0, 1, p[P.d]);
  },
  currents(v, x, p, out) {
    const vpp = v[0] - v[1], vm = v[2] - v[1];
    const ic = vpp / resistance(x[0], p), im = p[P.gM] * vm;
    out[0] = ic;
    out[1] = -ic - im;
    out[2] = im;
  },
  conductances(x, p, out) { out[0] = 1 / resistance(x[0], p); },
};

export const modulatoryFilamentPresets: Preset[] = [
  {
    id: 'ag-np-yang2015', model: 'modulatory-filament', title: 'Planar Ag-nanoparticle heterosynaptic device (Yang, Chen, Lu 2015)',
    params: {},
    citation: YCL,
    fittedTo: 'no published values (measurements.md A8 gives only Vpre = 10 V and the qualitative trend): calibrated by hand so that 10 V / 1 ms pre pulses at 10 Hz switch the channel ON after some pulses at V_mod = 0, fewer at V_mod > 0 and none within 100 pulses at V_mod = -5 V, with spontaneous rupture (G back to the log-midpoint) in about 0.4 s at V_mod = 0',
    notes: 'Volatile (rupture ~0.4 s at zero bias). The modulatory terminal acts through exp(+-V_m/V_mod) on growth and rupture; conductances are illustrative.',
    sweep: { vSet: 10, vReset: -10, vRead: 0.1 },
  },
];
