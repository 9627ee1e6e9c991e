/**
 * Yakopcic generalized memristor model (Yakopcic, Taha, Subramanyam, Pino, Rogers,
 * IEEE EDL 32, 1436 (2011); IEEE TCAD 32, 1201 (2013)); models.md §3.3.
 *
 *   I = a1 x sinh(b V)   (V >= 0),        I = a2 x sinh(b V)   (V < 0)
 *   g(V) =  A_p (e^V - e^{V_p})           V >  V_p
 *          -A_n (e^{-V} - e^{V_n})        V < -V_n
 *           0                             otherwise           (V in volts inside exp)
 *   f(x), eta V >= 0: exp(-alpha_p (x - x_p)) w_p(x) for x >= x_p, else 1;  w_p = (x_p - x)/(1 - x_p) + 1
 *   f(x), eta V <  0: exp( alpha_n (x + x_n - 1)) w_n(x) for x <= 1 - x_n, else 1;  w_n = x/(1 - x_n)
 *   dx/dt = eta g(V) f(x), then multiplied by the smooth directional gate of devices/bound-gate on
 *   [0, 1] (width 1e-3): the window alone does not bound x for large A (models.md §3.3 pitfall).
 *
 * g(V) keeps its published slope kink at the thresholds (g itself is continuous); a1 = a2
 * and b > 0 make I(V) odd and increasing, so I = 0 at V = 0.
 * @module devices/models/yakopcic
 */
import { type DeviceModel, type Preset, param, paramIndex } from '../contract.js';
import { limexp, limsinh } from '../../math/smooth.js';
import { boundGate } from '../bound-gate.js';

const KN = 'knowm/memristor-models-4-all Yakopcic LTSpice defaults (models.md §3.3)';
const AG = 'aguirref/memristive_ANN_sim yakopic_HSPICE_C2.sp (2011 update; models.md §3.3)';
const params = [
  param('a1', 0.17, 'A', 'current', 0, 1e3, 'conduction prefactor for V >= 0', KN),
  param('a2', 0.17, 'A', 'current', 0, 1e3, 'conduction prefactor for V < 0', KN),
  param('b', 0.05, '1/V', 'any', 1e-6, 100, 'conduction nonlinearity b', KN),
  param('vp', 0.65, 'V', 'voltage', 0, 100, 'positive switching threshold V_p', KN),
  param('vn', 0.56, 'V', 'voltage', 0, 100, 'negative switching threshold magnitude V_n', KN),
  param('ap', 4000, '1/s', 'frequency', 0, 1e12, 'positive switching rate A_p', KN),
  param('an', 4000, '1/s', 'frequency', 0, 1e12, 'negative switching rate A_n', KN),
  param('xp', 0.3, '1', 'dimensionless', 0, 0.999, 'state where positive motion starts to saturate x_p', KN),
  param('xn', 0.5, '1', 'dimensionless', 0, 0.999, 'state where negative motion starts to saturate (1 - x_n)', KN),
  param('alphap', 1, '1', 'dimensionless', 0, 100, 'positive saturation decay alpha_p', KN),
  param('alphan', 5, '1', 'dimensionless', 0, 100, 'negative saturation decay alpha_n', KN),
  param('eta', 1, '1', 'dimensionless', -1, 1, 'direction of motion eta (+1 or -1)', KN),
  param('x0', 0.11, '1', 'dimensionless', 0, 1, 'initial state', KN),
] as const;
const states = [{ name: 'x', unit: '1', min: 0, max: 1, meaning: 'normalised state', atol: 1e-9, init: 'x0' }] as const;
const P = paramIndex(params);
/** Width of the bound gates in units of x (the window itself already vanishes at the bound). */
const EPS = 1e-3;

export const yakopcic: DeviceModel = {
  id: 'yakopcic',
  title: 'Yakopcic generalized memristor model',
  summary: 'I = a1,2 x sinh(b V); dx/dt = eta g(V) f(x) with exponential threshold drive g and saturating windows f; smooth bound gates on [0, 1].',
  citation: 'C. Yakopcic, T. M. Taha, G. Subramanyam, R. E. Pino, S. Rogers, IEEE EDL 32, 1436 (2011); IEEE TCAD 32, 1201 (2013)',
  reviewLink: 'circuit-level behavioural baseline',
  params, states,
  zeroCrossing: true,
  stiff: false,
  setPolarity: 1,
  rhs(_t, v, x, p, dx, n) {
    for (let j = 0; j < n; j++) {
      const V = v[j], xs = x[j];
      const vp = p[P.vp * n + j], vn = p[P.vn * n + j];
      let g = 0;
      if (V > vp) g = p[P.ap * n + j] * (limexp(V) - Math.exp(vp));
      else if (V < -vn) g = -p[P.an * n + j] * (limexp(-V) - Math.exp(vn));
      const eta = p[P.eta * n + j];
      let f = 1;
      if (eta * V >= 0) {
        const xp = p[P.xp * n + j];
        if (xs >= xp) f = Math.exp(-p[P.alphap * n + j] * (xs - xp)) * ((xp - xs) / (1 - xp) + 1);
      } else {
        const xn = p[P.xn * n + j];
        if (xs <= 1 - xn) f = Math.exp(p[P.alphan * n + j] * (xs + xn - 1)) * (xs / (1 - xn));
      }
      dx[j] = boundGate(eta * g * f, xs, 0, 1, EPS);
    }
  },
  current(v, x, p, i, didv, n) {
    for (let j = 0; j < n; j++) {
      const V = v[j], xs = x[j], b = p[P.b * n + j];
      const a = V >= 0 ? p[P.a1 * n + j] : p[P.a2 * n + j];
      i[j] = a * xs * limsinh(b * V);
      if (didv) didv[j] = a * xs * b * Math.cosh(Math.min(b * V, 80)) + 1e-18;
    }
  },
};

export const yakopcicPresets: Preset[] = [
  {
    id: 'yakopcic-knowm', model: 'yakopcic', title: 'Yakopcic model, knowm default parameters',
    params: { a1: 0.17, a2: 0.17, b: 0.05, vp: 0.65, vn: 0.56, ap: 4000, an: 4000, xp: 0.3, xn: 0.5, alphap: 1, alphan: 5, eta: 1, x0: 0.11 },
    citation: KN,
    fittedTo: 'the default parameter set of the knowm LTSpice Yakopcic model (published fit to a TiO2-type device in Yakopcic 2011, not re-fitted here)',
    sweep: { vSet: 1, vReset: -1, period: 0.02, vRead: 0.1 },
  },
  {
    id: 'yakopcic-2011', model: 'yakopcic', title: 'Yakopcic model, 2011 update (aguirref set)',
    params: { a1: 7e-5, a2: 7e-5, b: 1.9, vp: 0.4, vn: 0.3, ap: 1, an: 1, xp: 0.9, xn: 0.7, alphap: 3, alphan: 8, eta: 1, x0: 1e-6 },
    citation: AG,
    fittedTo: 'the parameter set of the aguirref HSPICE Yakopcic model (2011 update), not re-fitted here',
    notes: 'Starts almost fully OFF (x0 = 1e-6): the first positive sweep shows the SET.',
    sweep: { vSet: 1.5, vReset: -1.5, period: 4, vRead: 0.1 },
  },
];
