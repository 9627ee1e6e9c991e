/**
 * Second-order memristor with the internal temperature as its second state variable (Kim,
 * Du, Sheridan, Ma, Choi, Lu, Nano Lett. 15, 2203 (2015), Pd/Ta2O5-x/TaOy/Pd); review
 * Section 3.2, Fig. 7a,b.
 *
 *   I     = G(w) V,            G(w) = G_off + (G_on - G_off) w
 *   dw/dt = nu exp(-E_a / (k_B T)) sinh(q a V / (2 d k_B T)) a(w) * gate(w)  (Arrhenius, field-assisted ion hopping)
 *   a(w)  = 1 - w^p when w grows, 1 - (1 - w)^p when it shrinks             (crowding near the bounds)
 *   dT/dt = I V / C_th - (T - T0) / tau_th                                    (lumped Joule heating, Newton cooling)
 *
 * w in [0, 1] is the normalised filament state (the weight); T is the local temperature of
 * the switching region. A low "heating" pulse raises T without much drift; T then relaxes
 * with tau_th (hundreds of ns, measurements.md A3). A short programming pulse that arrives
 * while T is still high drifts w at an Arrhenius-enhanced rate, so its conductance change
 * falls with the delay between the two pulses on the scale of tau_th: the timing of
 * non-overlapping spikes is encoded in T (Ca2+-like), which gives STDP and SRDP without any
 * rule. The crowding factor a(w) makes w approach its bounds asymptotically (no overshoot
 * even under the strongest drive); the gate, the directional wall of math/smooth, is a
 * safeguard on top.
 *
 * Stiff: tau_th is sub-microsecond while pulse intervals may be ms, so the Rosenbrock method
 * is used. Kim 2015's fitted E_a, C_th and tau_th were not retrieved (models.md 13); the
 * preset values are a hand calibration to the qualitative targets of measurements.md A3.
 * @module devices/models/thermal-second-order
 */
import { type DeviceModel, type Preset, param, paramIndex } from '../contract.js';
import { limexp, limsinh, wall } from '../../math/smooth.js';
import { KB, Q, T_ROOM } from '../../units/constants.js';

const KIM = 'Kim et al., Nano Lett. 15, 2203 (2015) (structure, models.md 6.4)';
const CAL = 'calibrated by hand to measurements.md A3 (tau_T hundreds of ns; dG falls with delay)';
const params = [
  param('gOn', 1e-3, 'S', 'conductance', 0, 1e3, 'conductance at w = 1', CAL),
  param('gOff', 1e-5, 'S', 'conductance', 0, 1e3, 'conductance at w = 0', CAL),
  param('nu', 2.5e10, '1/s', 'frequency', 0, 1e20, 'attempt-rate prefactor of the drift', CAL),
  param('ea', 0.7 * Q, 'J', 'energy', 0, 5 * Q, 'activation energy of ion hopping E_a (give it as "0.6 eV")', `${KIM}: "E_a about 1 eV class"; lowered (${CAL})`),
  param('a', 0.5e-9, 'm', 'length', 1e-12, 1e-6, 'hopping distance a', CAL),
  param('d', 1e-9, 'm', 'length', 1e-11, 1e-5, 'length over which the voltage drops (gap) d', CAL),
  param('cth', 3e-13, 'J/K', 'heat-capacity', 1e-20, 1e-3, 'effective heat capacity C_th of the switching region', CAL),
  param('tauTh', 400e-9, 's', 'time', 1e-12, 1, 'thermal relaxation time tau_th', 'measurements.md A3 (a): 100 ns - 1 us'),
  param('t0', T_ROOM, 'K', 'temperature', 1, 2000, 'ambient temperature T0', 'room temperature'),
  param('q', 4, '1', 'dimensionless', 1, 50, 'exponent p of the crowding factor a(w)', 'as wox-du (numerical and physical: fewer sites left near the bounds)'),
  param('eps', 1e-3, '1', 'dimensionless', 1e-8, 0.1, 'width of the wall at the bounds of w', 'models.md 1.2'),
  param('w0', 0.3, '1', 'dimensionless', 0, 1, 'initial state', 'choice of the experiment'),
] as const;
const P = paramIndex(params);
const states = [
  { name: 'w', unit: '1', min: 0, max: 1, meaning: 'normalised filament state (weight)', atol: 1e-9, init: 'w0' },
  { name: 'T', unit: 'K', min: 0, max: 1e4, meaning: 'local temperature of the switching region', atol: 1e-3, init: 't0' },
] as const;

export const thermalSecondOrder: DeviceModel = {
  id: 'thermal-second-order',
  title: 'Second-order memristor, temperature as second state (Kim 2015)',
  summary: 'I = G(w) V, G = G_off + (G_on - G_off) w; dw/dt = nu exp(-E_a/k_B T) sinh(q a V/(2 d k_B T)) a(w), a = 1 - w^p | 1 - (1 - w)^p; dT/dt = I V / C_th - (T - T0)/tau_th.',
  citation: 'S. Kim, C. Du, P. Sheridan, W. Ma, S. Choi, W. D. Lu, Nano Lett. 15, 2203 (2015)',
  reviewLink: 'Section 3.2, Fig. 7a,b: temperature as the second state; STDP / SRDP with non-overlapping spikes',
  params, states,
  zeroCrossing: true,
  stiff: true,
  setPolarity: 1,
  rhs(_t, v, x, p, dx, n) {
    for (let j = 0; j < n; j++) {
      const V = v[j], w = x[j];
      const T = x[n + j] > 1 ? x[n + j] : 1; // guards the Arrhenius factor against a transiently negative trial T
      const kT = KB * T;
      const arr = limexp(-p[P.ea * n + j] / kT);
      const field = limsinh((Q * p[P.a * n + j] * V) / (2 * p[P.d * n + j] * kT));
      const r0 = p[P.nu * n + j] * arr * field;
      const q = p[P.q * n + j];
      dx[j] = wall(r0 > 0 ? r0 * (1 - Math.pow(w, q)) : r0 * (1 - Math.pow(1 - w, q)), w, 0, 1, p[P.eps * n + j]);
      const g = p[P.gOff * n + j] + (p[P.gOn * n + j] - p[P.gOff * n + j]) * w;
      dx[n + j] = (g * V * V) / p[P.cth * n + j] - (x[n + j] - p[P.t0 * n + j]) / p[P.tauTh * n + j];
    }
  },
  current(v, x, p, i, didv, n) {
    for (let j = 0; j < n; j++) {
      const g = p[P.gOff * n + j] + (p[P.gOn * n + j] - p[P.gOff * n + j]) * x[j];
      i[j] = g * v[j];
      if (didv) didv[j] = g;
    }
  },
};

export const thermalSecondOrderPresets: Preset[] = [
  {
    id: 'ta2o5-kim2015', model: 'thermal-second-order', title: 'Pd/Ta2O5-x/TaOy/Pd second-order memristor (Kim 2015)',
    params: {},
    citation: KIM,
    fittedTo: 'no published parameter set (models.md 13): tau_th = 400 ns from the "hundreds of ns" of measurements.md A3; E_a, C_th, nu and a/d calibrated by hand so that a 0.6 V / 1 us heating pulse followed by a 1.4 V / 20 ns programming pulse gives dG falling with the delay to below 20 % of its short-delay value by 3 tau_th (whether tau_T is read from T or from an exponential fit of dG(delay), which gives ~170 ns)',
    notes: 'Heating 0.6 V / 1 us raises T by about 135 K; the programming pulse alone (cold) changes G about 40x less than right after heating. Conductance range 10 uS - 1 mS is illustrative.',
    sweep: { vSet: 1.4, vReset: -1.4, period: 1e-3, vRead: 0.1 },
  },
];
