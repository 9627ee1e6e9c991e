/**
 * Stanford-PKU filament-gap RRAM model with dynamic local temperature and variability
 * (Guan, Yu, Wong, IEEE EDL 33, 1405 (2012); Jiang et al., IEEE TED 63, 1884 (2016);
 * ASU variant: Chen & Yu, IEEE TED 62, 4022 (2015); Granada smoothing: LabL4
 * stanford_rram_model_l4_mod). models.md §4.1, §4.2, §4.4.
 *
 *   I     = I0 exp(-g/g0) sinh(V/V0)
 *   gamma = gamma0(V) - beta (g/g1)^alpha,   gamma0(V) = gamma0 (V > 0), gamma0r (V < 0),
 *           blended by s(V) = (1 + tanh(V / 1 mV))/2 (v1.0.0 forces gamma0 = 16 when V < 0)
 *   F-gate gamma_eff = gamma * s_F,  s_F = (1 + tanh((gamma|V|/t_ox - F_min)/(eps_F F_min)))/2
 *           (the hard "gamma = 0 below F_min" of v1.0.0, smoothed as in the Granada version)
 *   u     = gamma_eff a0 q V / (t_ox kB T)
 *   kinetics 'sinh' (v1.0.0): dg/dt = -v0 exp(-E_a/(kB T)) sinh(u)
 *   kinetics 'gr'   (ASU):    dg/dt = -v0 [exp(-E_a/(kB T) + u) - exp(-E_ar/(kB T) - u)]
 *   g is held in [g_min, g_max] by the directional gate of devices/bound-gate (width g_eps).
 *   temperature 'quasi-static': T = T0 + |V I| R_th (the state T stays at T0, unused)
 *               'dynamic':      dT/dt = |V I| / C_th - (T - T0)/tau_th,  C_th = tau_th / R_th
 *                               (stiff: tau_th ~ 0.2 ns against ms sweeps; Rosenbrock)
 *   variability: the v1.0.0 per-step noise N(0,1) dg0 added to dg/dt depends on the step
 *   (models.md §1.2). Here it is an Euler-Maruyama increment applied by the `jump` hook after
 *   every accepted step [t0, t1]:
 *       dg = sigma_g sqrt(t1 - t0) N(0,1) / (1 + exp((T_crit - T)/T_smth)),
 *   so its variance grows as sigma_g^2 t whatever the step. sigma_g = dg0 sqrt(1 ns)
 *   reproduces v1.0.0's per-step variance at its fixed 1 ns step. Cycle-to-cycle spread of any
 *   parameter (<param>C2c, e.g. v0C2c) is the alternative without noise.
 *
 * Positive V (top electrode) shrinks the gap: SET at positive voltage.
 * @module devices/models/stanford-pku
 */
import { type DeviceModel, type Preset, param, paramIndex } from '../contract.js';
import { limexp, limsinh, sstep } from '../../math/smooth.js';
import { KB, Q } from '../../units/constants.js';
import { boundGate } from '../bound-gate.js';

const V1 = 'Stanford RRAM model v1.0.0 defaults (nanohub doi:10.4231/D37H1DN48; models.md §4.1)';
const ASU = 'Chen & Yu, IEEE TED 62, 4022 (2015), RRAM_model Verilog-A defaults (models.md §4.2)';
const GR = 'LabL4/stanford_rram_model_l4_mod veriloga.va (models.md §4.4)';
const params = [
  param('i0', 1e-3, 'A', 'current', 1e-12, 10, 'current prefactor I0', V1),
  param('g0', 0.25e-9, 'm', 'length', 1e-12, 1e-8, 'gap decay length g0', V1),
  param('v0', 0.25, 'V', 'voltage', 1e-3, 10, 'current nonlinearity V0', V1),
  param('vel0', 10, 'm/s', 'velocity', 0, 1e9, 'gap velocity prefactor v0', V1),
  param('kinetics', 0, '1', 'dimensionless', 0, 1, "gap kinetics: 'sinh' (v1.0.0) or 'gr' (ASU generation-recombination)", `${V1}; ${ASU}`, { integer: true, choices: ['sinh', 'gr'], fixed: true }),
  param('ea', 0.6 * Q, 'J', 'energy', 0, 5 * Q, 'activation energy E_a (generation E_ag in gr kinetics)', V1),
  param('ear', 0.6 * Q, 'J', 'energy', 0, 5 * Q, 'recombination activation energy E_ar (gr kinetics only)', ASU),
  param('gamma0', 16, '1', 'dimensionless', 0, 100, 'field enhancement gamma0 for V > 0', V1),
  param('gamma0r', 16, '1', 'dimensionless', 0, 100, 'field enhancement gamma0 for V < 0 (v1.0.0 forces 16)', V1),
  param('beta', 0.8, '1', 'dimensionless', 0, 100, 'gap dependence of gamma, beta', V1),
  param('alpha', 3, '1', 'dimensionless', 0, 10, 'exponent of the gap dependence of gamma', V1),
  param('g1', 1e-9, 'm', 'length', 1e-12, 1e-6, 'gap normalisation g1', V1),
  param('a0', 0.25e-9, 'm', 'length', 1e-11, 1e-8, 'hopping distance a0', V1),
  param('tox', 12e-9, 'm', 'length', 1e-10, 1e-6, 'oxide thickness t_ox (L in the ASU model)', V1),
  param('fmin', 1.4e9, 'V/m', 'field', 0, 1e11, 'field threshold F_min below which the gap does not move (0: none)', V1),
  param('fminEps', 0.01, '1', 'dimensionless', 1e-6, 1, 'relative width of the smooth F_min gate', 'nanoionics (Granada-style tanh blend)'),
  param('t0', 298, 'K', 'temperature', 1, 2000, 'ambient temperature T0', V1),
  param('thermal', 0, '1', 'dimensionless', 0, 1, "temperature: 'quasi-static' (T = T0 + |VI| R_th) or 'dynamic' (T is a state)", `${V1}; ${ASU}`, { integer: true, choices: ['quasi-static', 'dynamic'], fixed: true }),
  param('rth', 2.1e3, 'K/W', 'thermal-resistance', 0, 1e10, 'effective thermal resistance R_th', V1),
  param('tauth', 2.3e-10, 's', 'time', 1e-15, 1, 'thermal time constant tau_th (dynamic temperature)', ASU),
  param('gmin', 0.2e-9, 'm', 'length', 0, 1e-7, 'smallest gap g_min', V1),
  param('gmax', 1.7e-9, 'm', 'length', 1e-11, 1e-7, 'largest gap g_max', V1),
  param('gEps', 1e-11, 'm', 'length', 1e-16, 1e-9, 'width of the smooth gap-bound gates', 'nanoionics (Granada uses tanh gates)'),
  param('gini', 0.2e-9, 'm', 'length', 0, 1e-7, 'initial gap', V1),
  param('sigmaG', 0, 'm/s^0.5', 'any', 0, 1e-3, 'gap noise intensity sigma_g (Euler-Maruyama, step-independent; v1.0.0 dg0 = 0.02 at 1 ns gives 6.3e-7)', `${V1}; step-independent form: models.md §1.2`),
  param('tcrit', 450, 'K', 'temperature', 0, 3000, 'temperature where the noise switches on, T_crit', V1),
  param('tsmth', 500, 'K', 'temperature', 1e-3, 3000, 'width of the noise activation, T_smth', V1),
] as const;
const states = [
  { name: 'g', unit: 'm', min: 0, max: 1e-7, meaning: 'tunnelling gap between filament tip and electrode', atol: 1e-14, init: 'gini' },
  { name: 'T', unit: 'K', min: 0, max: 1e4, meaning: 'local filament temperature (dynamic mode; T0 otherwise)', atol: 1e-3, init: 't0' },
] as const;
const P = paramIndex(params);

/** Filament temperature of device j: the state (dynamic) or T0 + |V I| R_th (quasi-static). */
function temperature(p: Float64Array, n: number, j: number, xT: number, V: number, I: number): number {
  return p[P.thermal * n + j] === 1 ? xT : p[P.t0 * n + j] + Math.abs(V * I) * p[P.rth * n + j];
}
function cur(p: Float64Array, n: number, j: number, V: number, g: number): number {
  return p[P.i0 * n + j] * Math.exp(-g / p[P.g0 * n + j]) * limsinh(V / p[P.v0 * n + j]);
}

export const stanfordPku: DeviceModel = {
  id: 'stanford-pku',
  title: 'Stanford-PKU gap model with dynamic local temperature and variability',
  summary: 'I = I0 exp(-g/g0) sinh(V/V0); dg/dt = -v0 exp(-Ea/kT) sinh(gamma a0 q V/(tox kT)) (or ASU generation-recombination), smooth F_min gate and gap bounds; T quasi-static or dT/dt = |VI|/Cth - (T-T0)/tau_th; Euler-Maruyama gap noise.',
  citation: 'X. Guan, S. Yu, H.-S. P. Wong, IEEE EDL 33, 1405 (2012); Z. Jiang et al., IEEE TED 63, 1884 (2016); P.-Y. Chen, S. Yu, IEEE TED 62, 4022 (2015); Granada modification (LabL4/stanford_rram_model_l4_mod)',
  reviewLink: 'anion (VCM) filaments: gap growth and dissolution, Joule heating, ultra-nonlinear SET kinetics',
  params, states,
  zeroCrossing: true,
  stiff: true, // the dynamic temperature (tau_th ~ 0.2 ns) and the sharp F_min gate
  setPolarity: 1,
  rhs(_t, v, x, p, dx, n) {
    for (let j = 0; j < n; j++) {
      const V = v[j], g = x[j], xT = x[n + j];
      const I = cur(p, n, j, V, g);
      const T = temperature(p, n, j, xT, V, I);
      const kT = KB * Math.max(T, 1);
      const tox = p[P.tox * n + j];
      const g0v = p[P.gamma0r * n + j] + (p[P.gamma0 * n + j] - p[P.gamma0r * n + j]) * sstep(V, 1e-3);
      let gam = g0v - p[P.beta * n + j] * Math.pow(g / p[P.g1 * n + j], p[P.alpha * n + j]);
      const fmin = p[P.fmin * n + j];
      if (fmin > 0) gam *= sstep(Math.abs(gam * V) / tox - fmin, p[P.fminEps * n + j] * fmin);
      const u = (gam * p[P.a0 * n + j] * Q * V) / (tox * kT);
      const v0 = p[P.vel0 * n + j];
      let rate: number;
      if (p[P.kinetics * n + j] === 0) rate = -v0 * Math.exp(-p[P.ea * n + j] / kT) * limsinh(u);
      else rate = -v0 * (limexp(-p[P.ea * n + j] / kT + u) - limexp(-p[P.ear * n + j] / kT - u));
      dx[j] = boundGate(rate, g, p[P.gmin * n + j], p[P.gmax * n + j], p[P.gEps * n + j]);
      if (p[P.thermal * n + j] === 1) {
        const tau = p[P.tauth * n + j];
        dx[n + j] = (Math.abs(V * I) * p[P.rth * n + j] - (xT - p[P.t0 * n + j])) / tau;
      } else dx[n + j] = 0;
    }
  },
  current(v, x, p, i, didv, n) {
    for (let j = 0; j < n; j++) {
      const a = p[P.i0 * n + j] * Math.exp(-x[j] / p[P.g0 * n + j]), v0 = p[P.v0 * n + j];
      i[j] = a * limsinh(v[j] / v0);
      if (didv) didv[j] = (a * Math.cosh(Math.min(Math.abs(v[j] / v0), 700))) / v0;
    }
  },
  jump(t0, t1, v, x, p, rng, n) {
    let changed = false;
    const sq = Math.sqrt(t1 - t0);
    for (let j = 0; j < n; j++) {
      const s = p[P.sigmaG * n + j];
      if (!(s > 0)) continue;
      const V = v[j], g = x[j];
      const T = temperature(p, n, j, x[n + j], V, cur(p, n, j, V, g));
      const act = 1 / (1 + Math.exp((p[P.tcrit * n + j] - T) / p[P.tsmth * n + j]));
      const lo = p[P.gmin * n + j], hi = p[P.gmax * n + j];
      const gn = g + s * sq * act * rng.normal();
      x[j] = gn < lo ? lo : gn > hi ? hi : gn;
      changed = true;
    }
    return changed;
  },
  outputs: [{ name: 'temp', unit: 'K', meaning: 'filament temperature used by the kinetics' }],
  outputsAt(v, x, p, out, n) {
    for (let j = 0; j < n; j++) out[j] = temperature(p, n, j, x[n + j], v[j], cur(p, n, j, v[j], x[j]));
  },
};

export const stanfordPkuPresets: Preset[] = [
  {
    id: 'stanford-hfox-v1', model: 'stanford-pku', title: 'Stanford RRAM v1.0.0 (HfOx), quasi-static temperature',
    params: {},
    citation: V1,
    fittedTo: 'the default parameters of the Stanford RRAM model v1.0.0 (calibrated by its authors to HfOx 1T1R data; not re-fitted here)',
    notes: 'R_th = 2.1e3 K/W makes self-heating negligible; F_min gate opens near 1.1 V at g = 1 nm. Noise off (sigmaG = 0).',
    sweep: { vSet: 1.6, vReset: -1.6, period: 1, vRead: 0.1 },
  },
  {
    id: 'asu-hfox-thermal', model: 'stanford-pku', title: 'Stanford & ASU gap model with dynamic temperature (Chen & Yu 2015)',
    params: { i0: 61.4e-6, g0: 0.275e-9, v0: 0.43, vel0: 150, kinetics: 'gr', ea: '1.501 eV', ear: '1.5 eV', gamma0: 16.5, gamma0r: 16.5, beta: 1.25, alpha: 3, g1: 1e-9, a0: 0.25e-9, tox: 5e-9, fmin: 0, t0: 298, thermal: 'dynamic', rth: 2.3e-10 / 3.1825e-16, tauth: 2.3e-10, gmin: 0.1e-9, gmax: 1.7e-9, gini: 1.7e-9 },
    citation: ASU,
    fittedTo: 'the published defaults of the Stanford&ASU Verilog-A (Chen & Yu 2015, HfOx); R_th = tau_th / C_th = 7.23e5 K/W; g_ini = g_max is our choice',
    notes: 'Joule-heating-assisted switching and spontaneous gap recovery at high T (recombination term).',
    sweep: { vSet: 2, vReset: -2, period: 1, vRead: 0.1, compliance: 200e-6 },
  },
  {
    id: 'granada-hfo2', model: 'stanford-pku', title: 'Stanford model, Granada HfO2 fit (smooth gates)',
    params: { g0: 4.43e-11, v0: 1.3254, vel0: 7.83e5, i0: 0.1206, beta: 22.26, alpha: 3, gamma0: 2.096, gamma0r: 2.096, gini: 2.84e-10, gmin: 5e-14, gmax: 4.25e-10, tox: 1e-9, rth: 2.1e3, gEps: 2e-12 },
    citation: GR,
    fittedTo: 'the HfO2 fit of the Granada modification (LabL4); E_a, a0, F_min, T0 not listed there and taken from v1.0.0; gamma0 for V < 0 set to gamma0 (not verified)',
    notes: 'The Granada code adds a series resistance (not given in models.md): use circuit.series. g_min = 5e-14 m makes the LRS very conductive; use a compliance.',
    sweep: { vSet: 1.2, vReset: -1.2, period: 1, vRead: 0.1, compliance: 1e-3 },
  },
];
