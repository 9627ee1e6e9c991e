/**
 * Diffusive (volatile) Ag memristor with spontaneous relaxation (Wang et al., Nat. Mater.
 * 16, 101 (2017); compact form of the Yang group, TongWang-USC/Memristor-Model
 * Diffusive_model_core.cir, models.md 7.1); review Section 3.2 Fig. 7c,d and the
 * threshold-switching selectors of Section 5 (Midya et al., Adv. Mater. 2017).
 *
 *   s     = f + r                                                   (Ag bridging fraction, 0..1)
 *   R(s)  = R_on s + R_off (exp((1 - s)/lambda) - 1) / (exp(1/lambda) - 1)
 *   I     = V / R(s)                                                (odd in V: bipolar-safe)
 *   df/dt = mu |V|_e / (alpha + 1 - s) * g(s)  -  (gamma1 + beta) f  (field-driven bridging, relaxation)
 *   dr/dt = beta f - gamma2 r                                       (slower residual population)
 *   |V|_e = sqrt(V^2 + v_e^2) - v_e,   g(s) = tanh((1 - s)/eps)          (wall of math/smooth)
 *   jump:  in [t0, t1] a Poisson number k of rupture events with mean kappa f^m (t1 - t0);
 *          f <- f (1 - eta)^k                                      (stochastic rupture)
 *
 * The 1/(alpha + 1 - s) term is a positive feedback (the gap narrows as Ag bridges it): below
 * V_th = (gamma1 + beta)(1 + alpha)^2 / (4 mu) the low-s state is stable, above it the
 * state runs away to s = 1 (abrupt threshold switching); the ON state holds while
 * V > V_hold = (gamma1 + beta) alpha / mu and relaxes spontaneously at zero bias with rate
 * gamma1 (interfacial-energy-driven Ag regrouping). The f -> r transfer makes relaxation
 * slower after longer or stronger pulses.
 *
 * Departures from the SPICE original, on purpose: (1) the original clamps negative currents
 * to 0 (its test benches are unipolar); here I = V / R(s) for both signs, and the drive uses
 * |V| (smoothed over v_e) because Ag migrates toward either electrode of a symmetric
 * Pt/SiOxNy:Ag/Pt stack: threshold switching is unipolar by physics, not by a clamp.
 * (2) The hard caps (min(df/dt, 1), limits on f) are replaced by the wall g(s) and
 * a bounded denominator. (3) The rupture draws the number of events in the step from a
 * Poisson law (step-independent statistics) instead of one Bernoulli trial per fixed step.
 * @module devices/models/diffusive
 */
import { type DeviceModel, type Preset, param, paramIndex } from '../contract.js';
import { clamp, wall } from '../../math/smooth.js';

const YG = 'TongWang-USC/Memristor-Model Diffusive_model_core.cir (models.md 7.1)';
const WANG = 'Wang et al., Nat. Mater. 16, 101 (2017) (measurements.md E)';
const params = [
  param('ron', 10e3, 'Ohm', 'resistance', 1, 1e12, 'ON resistance (s = 1)', WANG),
  param('roff', 1e9, 'Ohm', 'resistance', 1, 1e18, 'OFF resistance (s = 0)', WANG),
  param('lambda', 0.1, '1', 'dimensionless', 0.01, 10, 'shape of the exponential R(s) (tunnelling across the residual gap)', YG),
  param('mu', 137, '1/(V s)', 'any', 0, 1e15, 'field-driven bridging rate mu', `calibrated to V_th (${WANG})`),
  param('alpha', 0.07, '1', 'dimensionless', 1e-3, 10, 'feedback offset alpha (sets V_th / V_hold = (1 + alpha)^2 / (4 alpha))', `calibrated to V_th / V_hold (${WANG})`),
  param('gamma1', 180, '1/s', 'frequency', 0, 1e15, 'spontaneous relaxation rate of f', `calibrated to the ms relaxation (${WANG})`),
  param('beta', 2, '1/s', 'frequency', 0, 1e15, 'transfer rate f -> r', `${YG}: 0.35 /s; raised so that longer pulses slow the relaxation visibly`),
  param('gamma2', 5, '1/s', 'frequency', 0, 1e15, 'relaxation rate of r', `${YG}: 0.42 /s; raised so that a 1 s sweep does not leave a seconds-long tail`),
  param('kappa', 200, '1/s', 'frequency', 0, 1e15, 'rupture event rate prefactor kappa (0: deterministic)', YG),
  param('mExp', 2, '1', 'dimensionless', 0, 10, 'rupture rate exponent m (rate kappa f^m)', YG),
  param('eta', 0.01, '1', 'dimensionless', 0, 1, 'fraction of f lost in one rupture event', YG),
  param('vEps', 1e-3, 'V', 'voltage', 1e-9, 0.1, 'smoothing voltage of |V|', 'numerical (models.md 1.2)'),
  param('eps', 1e-3, '1', 'dimensionless', 1e-8, 0.1, 'width of the wall at s = 1', 'models.md 1.2'),
  param('f0', 0, '1', 'dimensionless', 0, 1, 'initial f', 'choice of the experiment'),
  param('r0', 0, '1', 'dimensionless', 0, 1, 'initial r', 'choice of the experiment'),
] as const;
const P = paramIndex(params);
const states = [
  { name: 'f', unit: '1', min: 0, max: 1, meaning: 'field-driven Ag bridging fraction (fast, volatile)', atol: 1e-9, init: 'f0' },
  { name: 'r', unit: '1', min: 0, max: 1, meaning: 'residual Ag population (slower relaxation)', atol: 1e-9, init: 'r0' },
] as const;

/** R(s) of the diffusive model, s clamped to [0, 1]. */
function resistance(s: number, ron: number, roff: number, lam: number): number {
  const sc = clamp(s, 0, 1);
  return ron * sc + (roff * Math.expm1((1 - sc) / lam)) / Math.expm1(1 / lam);
}

export const diffusive: DeviceModel = {
  id: 'diffusive',
  title: 'Diffusive Ag memristor with spontaneous relaxation (Wang 2017)',
  summary: 'I = V / R(f + r); df/dt = mu |V| / (alpha + 1 - f - r) - (gamma1 + beta) f; dr/dt = beta f - gamma2 r; Poisson rupture events f <- f (1 - eta) at rate kappa f^m.',
  citation: `Z. Wang et al., Nat. Mater. 16, 101 (2017); compact model ${YG}`,
  reviewLink: 'Section 3.2, Fig. 7c,d (diffusive memristor as synaptic emulator); Section 5 selectors (threshold switching, relaxation)',
  params, states,
  zeroCrossing: true,
  stiff: true, // the ON state sits against the wall at s = 1 under bias: a fast, stiff equilibrium
  setPolarity: 1,
  rhs(_t, v, x, p, dx, n) {
    for (let j = 0; j < n; j++) {
      const V = v[j], f = x[j], r = x[n + j], s = f + r;
      const ve = p[P.vEps * n + j];
      const vabs = Math.sqrt(V * V + ve * ve) - ve;
      const al = p[P.alpha * n + j];
      const den = Math.max(al + 1 - s, 0.5 * al);
      const grow = wall((p[P.mu * n + j] * vabs) / den, s, 0, 1, p[P.eps * n + j]);
      const be = p[P.beta * n + j];
      dx[j] = grow - (p[P.gamma1 * n + j] + be) * f;
      dx[n + j] = be * f - p[P.gamma2 * n + j] * r;
    }
  },
  current(v, x, p, i, didv, n) {
    for (let j = 0; j < n; j++) {
      const R = resistance(x[j] + x[n + j], p[P.ron * n + j], p[P.roff * n + j], p[P.lambda * n + j]);
      i[j] = v[j] / R;
      if (didv) didv[j] = 1 / R;
    }
  },
  jump(t0, t1, _v, x, p, rng, n) {
    let changed = false;
    for (let j = 0; j < n; j++) {
      const kap = p[P.kappa * n + j], f = x[j];
      if (!(kap > 0) || !(f > 0)) continue;
      const k = rng.poisson(kap * Math.pow(f, p[P.mExp * n + j]) * (t1 - t0));
      if (k > 0) {
        x[j] = f * Math.pow(1 - p[P.eta * n + j], k);
        changed = true;
      }
    }
    return changed;
  },
};

export const diffusivePresets: Preset[] = [
  {
    id: 'ag-sioxny-wang2017', model: 'diffusive', title: 'Pt/SiOxNy:Ag/Pt diffusive memristor (Wang 2017)',
    params: {},
    citation: `${WANG}; equations ${YG}`,
    fittedTo: 'calibrated by hand to measurements.md E (P-fig): V_th = 0.37 V and V_hold = 0.06 V (1 s triangular sweep, 100 uA compliance), ON/OFF = R_off/R_on = 1e5, relaxation (G back to the log-midpoint of ON and OFF) of a few ms; kappa, m, eta are the Yang-group SPICE defaults; beta and gamma2 raised (2 and 5 /s) so that longer pulses relax visibly slower',
    notes: 'Turn-on delay at 0.75 V is several ms (the paper reports 2-3 ms); the Arrhenius temperature dependence of relaxation (0.27 eV) is not modelled. Stochastic rupture on (kappa = 200 /s).',
    sweep: { vSet: 0.6, vReset: -0.6, period: 1, compliance: 100e-6, vRead: 0.1 },
  },
  {
    id: 'ag-hfox-midya2017', model: 'diffusive', title: 'Ag/HfOx/Ag threshold-switching selector (Midya 2017)',
    params: { ron: 5e3, roff: 2e13, lambda: 0.05, mu: 6.5e6, alpha: 0.02, gamma1: 1e7, beta: 1e4, gamma2: 1e3, kappa: 4e7, mExp: 2, eta: 0.01 },
    citation: 'R. Midya et al., Adv. Mater. 29, 1604457 (2017) (measurements.md C1); equations ' + YG,
    fittedTo: 'calibrated by hand to measurements.md C1: ON/OFF = R_off/R_on = 4e9 (band >= 1e9, by construction), OFF current 1e-14 A at 0.2 V, V_th = 0.4 V, turn-on and relaxation rates set so that a 1.5 V pulse turns on in < 75 ns and the device relaxes in < 250 ns',
    notes: 'Selector-speed preset: relaxation in ~100 ns, so it is not a ms-scale synapse. Turn-on slope and endurance are not modelled.',
    sweep: { vSet: 1, vReset: -1, period: 1e-3, compliance: 100e-6, vRead: 0.2 },
  },
];
