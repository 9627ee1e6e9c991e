/**
 * WOx memristor with drift and relaxation (Chang et al., Appl. Phys. A 102, 857 (2011)) and
 * the short-term to long-term memory transition with stretched-exponential forgetting
 * (Chang, Jo, Lu, ACS Nano 5, 7669 (2011)); review Section 3.1, Fig. 5.
 *
 *   I  = (1 - w) alpha [1 - exp(-beta V)] + w gamma sinh(delta V),   w = clamp(w_inf + u1 + u2 + u3, 0, 1)
 *   D  = lambda eta1 sinh(eta2 V) * gate(w)                (field-driven VO drift, Chang 2011)
 *   A  = nu_c (cosh(eta2 V) - 1)                            (consolidation activity during a pulse)
 *   du1/dt = D          - u1 / tau1 - A u1
 *   du2/dt = A u1       - u2 / tau2 - A u2
 *   du3/dt = A u2       - u3 / tau3
 *
 * The stored change w - w_inf is split over three relaxation modes with log-spaced time
 * constants tau1 < tau2 < tau3 (a Prony series, option (b) of models.md 6.3): after a
 * stimulus the conductance relaxes as a sum of exponentials, which a stretched exponential
 * G_inf + A exp(-(t/tau)^beta) fits with 0 < beta < 1 (the distribution of relaxation times).
 * Drift writes into the fast mode; the consolidation activity A, present only while a pulse
 * heats and excites the film, moves content down the chain toward slower modes (VOs settling
 * into deeper traps). More, or more closely spaced, rehearsal pulses therefore leave more of
 * the change in slow modes and the fitted retention time tau grows with the pulse count: the
 * STM -> LTM transition. No learning rule: the memory time is a property of the state.
 *
 * The Chang 2011 equation dw/dt = lambda (eta1 sinh(eta2 V) - w / tau) is the one-mode case
 * (u2 = u3 = 0, nu_c = 0). The modes u_k may be negative after depression; the conduction
 * clamps w to [0, 1] (reached only at the extremes of the programming range) and the drift is
 * held inside [0, 1] by the wall of math/smooth (exactly zero at the bounds).
 * @module devices/models/wox-chang
 */
import { type DeviceModel, type Preset, param, paramIndex } from '../contract.js';
import { woxCurrent, woxConductance } from '../wox-conduction.js';
import { clamp, limexp, limsinh, wall } from '../../math/smooth.js';

const KN = 'knowm University_of_Michigan subckt (Chang 2011 WOx model), via models.md 6.1';
const CAL = 'calibrated by hand (measurements.md A1 targets: tau grows with pulse count, 0 < beta < 1)';
const params = [
  param('alpha', 0.5e-6, 'A', 'current', 0, 1, 'Schottky-path current prefactor alpha', KN),
  param('beta', 0.5, '1/V', 'any', 0, 100, 'Schottky-path voltage scale beta', KN),
  param('gamma', 4e-6, 'A', 'current', 0, 1, 'tunnelling-path current prefactor gamma', KN),
  param('delta', 2, '1/V', 'any', 0, 100, 'tunnelling-path voltage scale delta', KN),
  param('lambda', 4.5, '1', 'dimensionless', 0, 1e6, 'drift scale lambda', KN),
  param('eta1', 0.012, '1/s', 'frequency', 0, 1e12, 'drift rate eta1', `${KN}; raised from 0.004 (${CAL})`),
  param('eta2', 4, '1/V', 'any', 0, 100, 'drift voltage scale eta2', KN),
  param('nuC', 0.6, '1/s', 'frequency', 0, 1e12, 'consolidation rate prefactor nu_c (transfer to slower modes during a pulse)', CAL),
  param('tau1', 3, 's', 'time', 1e-9, 1e12, 'fast relaxation time (short-term memory)', CAL),
  param('tau2', 60, 's', 'time', 1e-9, 1e12, 'intermediate relaxation time', CAL),
  param('tau3', 3000, 's', 'time', 1e-9, 1e15, 'slow relaxation time (long-term memory)', CAL),
  param('wInf', 0.05, '1', 'dimensionless', 0, 1, 'rest state w_inf that every mode relaxes to', 'choice of the experiment'),
  param('eps', 1e-3, '1', 'dimensionless', 1e-8, 0.1, 'width of the wall at the bounds of w', 'models.md 1.2'),
] as const;
const P = paramIndex(params);
const states = [
  { name: 'u1', unit: '1', min: -1, max: 1, meaning: 'fast relaxation mode of w - w_inf (short-term)', atol: 1e-10, init: 0 },
  { name: 'u2', unit: '1', min: -1, max: 1, meaning: 'intermediate relaxation mode of w - w_inf', atol: 1e-10, init: 0 },
  { name: 'u3', unit: '1', min: -1, max: 1, meaning: 'slow relaxation mode of w - w_inf (long-term)', atol: 1e-10, init: 0 },
] as const;

export const woxChang: DeviceModel = {
  id: 'wox-chang',
  title: 'WOx drift + multi-mode relaxation, STM -> LTM (Chang 2011)',
  summary: 'I = (1-w) alpha (1 - e^{-beta V}) + w gamma sinh(delta V), w = w_inf + u1 + u2 + u3; du1/dt = lambda eta1 sinh(eta2 V) gate - u1/tau1 - A u1; du2/dt = A u1 - u2/tau2 - A u2; du3/dt = A u2 - u3/tau3; A = nu_c (cosh(eta2 V) - 1).',
  citation: 'T. Chang, S.-H. Jo, K.-H. Kim, P. Sheridan, S. Gaba, W. Lu, Appl. Phys. A 102, 857 (2011); T. Chang, S.-H. Jo, W. Lu, ACS Nano 5, 7669 (2011)',
  reviewLink: 'Section 3.1, Fig. 5: short-term to long-term memory transition, stretched-exponential forgetting',
  params, states,
  zeroCrossing: true,
  stiff: false,
  setPolarity: 1,
  rhs(_t, v, x, p, dx, n) {
    for (let j = 0; j < n; j++) {
      const V = v[j], u1 = x[j], u2 = x[n + j], u3 = x[2 * n + j];
      const w = p[P.wInf * n + j] + u1 + u2 + u3;
      const e2 = p[P.eta2 * n + j] * V;
      const D = wall(p[P.lambda * n + j] * p[P.eta1 * n + j] * limsinh(e2), w, 0, 1, p[P.eps * n + j]);
      const A = p[P.nuC * n + j] * (0.5 * (limexp(e2) + limexp(-e2)) - 1);
      dx[j] = D - u1 / p[P.tau1 * n + j] - A * u1;
      dx[n + j] = A * u1 - u2 / p[P.tau2 * n + j] - A * u2;
      dx[2 * n + j] = A * u2 - u3 / p[P.tau3 * n + j];
    }
  },
  current(v, x, p, i, didv, n) {
    for (let j = 0; j < n; j++) {
      const V = v[j];
      const w = clamp(p[P.wInf * n + j] + x[j] + x[n + j] + x[2 * n + j], 0, 1);
      const a = p[P.alpha * n + j], b = p[P.beta * n + j], g = p[P.gamma * n + j], d = p[P.delta * n + j];
      i[j] = woxCurrent(V, w, a, b, g, d);
      if (didv) didv[j] = woxConductance(V, w, a, b, g, d);
    }
  },
};

export const woxChangPresets: Preset[] = [
  {
    id: 'wox-chang2011', model: 'wox-chang', title: 'Pd/WOx/W, STM -> LTM transition (Chang, Jo, Lu 2011)',
    params: {},
    citation: `Chang, Jo, Lu, ACS Nano 5, 7669 (2011); I-V and drift coefficients of ${KN}`,
    fittedTo: 'no published tau/beta values (measurements.md A1): mode times and consolidation rate calibrated by hand so that 1.3 V / 1 ms pulses at 10 Hz give a stretched-exponential decay with 0 < beta < 1 and tau(40 pulses) / tau(5 pulses) >= 2; I-V and drift from the knowm subckt with eta1 raised 3x',
    notes: 'Three relaxation modes (3 s, 60 s, 3000 s) stand in for the distribution of relaxation times; the fitted beta depends on the window of the retention fit.',
    sweep: { vSet: 1.3, vReset: -1.3, period: 4, vRead: 0.1 },
  },
  {
    id: 'wox-du2017', model: 'wox-chang', title: 'WOx reservoir device with ms short-term memory (Du 2017)',
    params: { tau1: '10 ms' },
    citation: `C. Du, F. Cai, M. A. Zidan, W. Ma, S. H. Lee, W. D. Lu, Nat. Commun. 8, 2204 (2017) (reservoir of WOx devices with short-term memory); equations and all other coefficients of wox-chang2011 (${KN})`,
    fittedTo: 'no published parameter set: only the fast relaxation time changed, tau1 = 10 ms (from 3 s), inside the provisional WOx short-term decay range of measurements.md A9 (c), "ms to tens of ms, comparable to the 0.8-4 ms frames"; not tuned to the A9 (a, b) targets (they hold for tau1 = 3-30 ms)',
    notes: 'The volatile part of a 1.5 V / 0.5 ms pulse decays in ~10 ms, so a stream of 0.8-4 ms frames leaves a state that weighs later pulses more (the reservoir fading memory of Du 2017). Consolidation into the 60 s / 3000 s modes is as in wox-chang2011.',
    sweep: { vSet: 1.3, vReset: -1.3, period: 4, vRead: 0.1 },
  },
];
