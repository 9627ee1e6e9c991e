/**
 * Yang-group "general model" of drift memristors and threshold-switching selectors: filament
 * length h with a field-driven growth term and a self-dissolution term, each peaked around a
 * characteristic length, and a built-in current compliance (Yang group, UMass Amherst / USC,
 * TongWang-USC/Memristor-Model "General model.cir", "Drift_model_core.cir"; models.md 7.2);
 * review Section 3 (volatile vs non-volatile cation filaments) and Section 5 (selectors).
 *
 *   R(h)  = R_on h / h_max + R_off (exp((h_max - h)/h_lambda) - 1) / (exp(h_max/h_lambda) - 1)
 *   I0    = V / R(h),   I = I0 (1 + (I0 / I_cc)^p)^(-1/p)                    (smooth compliance, p even)
 *   dh/dt = wall( alpha V^n N(h; h1, sigma_g) c(I0) - beta (h / h_max) N(h; h2, sigma_d) )      (wall: math/smooth)
 *   N(h; c, s) = exp(-(h - c)^2 / (2 s^2)) / (sqrt(2 pi) s),    c(I0) = (1 + tanh((I_cc - |I0|)/(0.05 I_cc)))/2
 *
 * With n even (selector) a bias of either sign grows the filament and the dissolution term
 * removes it at zero bias: volatile threshold switching. With n odd (drift) a negative bias
 * dissolves the filament through the growth term; a dissolution Gaussian narrow and far from
 * h_max (sigma_d small) makes the ON state last: non-volatile.
 *
 * Departures from the SPICE original, on purpose:
 *  - the hard compliance (I = min(V/R, I_cc), growth switched off by an if) is replaced by the
 *    smooth limiter above, whose derivative is continuous (Newton- and step-control-friendly);
 *  - the state is bounded by the directional wall of math/smooth (exactly zero at the bound)
 *    instead of a limit()
 *    on an integrating capacitor. In the original the capacitor keeps integrating beyond
 *    h_max (integrator wind-up, models.md 1.2), which is what keeps its "drift" device ON
 *    after a pulse; here non-volatility has to come from the physics (sigma_d), not from
 *    wind-up, so the drift preset narrows the dissolution Gaussian;
 *  - the size factor s of the original is dropped: it is clamped to [0.9999, 1.001] s0 there,
 *    i.e. practically constant, and only multiplies R_on by sqrt(s0/s) ~ 1.
 * @module devices/models/filament-growth
 */
import { type DeviceModel, type Preset, param, paramIndex } from '../contract.js';
import { clamp, sstep, wall } from '../../math/smooth.js';

const YG = 'TongWang-USC/Memristor-Model General model.cir / Drift_model_core.cir (models.md 7.2)';
const SQ2PI = Math.sqrt(2 * Math.PI);
const params = [
  param('n', 2, '1', 'dimensionless', 1, 9, 'voltage exponent of growth n (even: unipolar, volatile; odd: bipolar)', YG, { integer: true, fixed: true }),
  param('alpha', 3.589e-12, 'm^2/(s V^n)', 'any', 0, 1, 'growth prefactor alpha', YG),
  param('beta', 2.659e-12, 'm^2/s', 'any', 0, 1, 'dissolution prefactor beta', YG),
  param('h1', 10e-9, 'm', 'length', 0, 1e-6, 'length at which growth is fastest (sets the turn-on voltage)', YG),
  param('h2', 5e-9, 'm', 'length', 0, 1e-6, 'length at which dissolution is fastest (sets the turn-off voltage)', YG),
  param('sigmaG', 10.61e-9, 'm', 'length', 1e-12, 1e-6, 'width of the growth Gaussian', YG),
  param('sigmaD', 10.61e-9, 'm', 'length', 1e-12, 1e-6, 'width of the dissolution Gaussian (the original uses one sigma for both)', YG),
  param('hmax', 15e-9, 'm', 'length', 1e-10, 1e-5, 'maximum filament length (gap closed)', YG),
  param('hLambda', 10e-9, 'm', 'length', 1e-11, 1e-5, 'length scale of the exponential R(h) (conductance nonlinearity)', YG),
  param('ron', 8.6e3, 'Ohm', 'resistance', 1e-3, 1e12, 'ON resistance (h = h_max)', YG),
  param('roff', 1e9, 'Ohm', 'resistance', 1e-3, 1e18, 'OFF resistance (h = 0)', YG),
  param('icc', 100e-6, 'A', 'current', 1e-12, 10, 'built-in current compliance I_cc', YG),
  param('pLim', 8, '1', 'dimensionless', 2, 40, 'sharpness of the smooth compliance limiter (even)', 'numerical (models.md 1.2)', { integer: true }),
  param('eps', 1e-3, '1', 'dimensionless', 1e-6, 0.2, 'width of the state wall at 0 and h_max, in units of h_max', 'models.md 1.2'),
  param('h0', 0, 'm', 'length', 0, 1e-5, 'initial filament length', YG),
] as const;
const P = paramIndex(params);
const states = [
  { name: 'h', unit: 'm', min: 0, max: 1e-5, meaning: 'filament length (0 = dissolved, h_max = bridged)', atol: 1e-13, init: 'h0' },
] as const;

function resistance(h: number, ron: number, roff: number, hmax: number, hl: number): number {
  const hc = clamp(h, 0, hmax);
  return (ron * hc) / hmax + (roff * Math.expm1((hmax - hc) / hl)) / Math.expm1(hmax / hl);
}

export const filamentGrowth: DeviceModel = {
  id: 'filament-growth',
  title: 'Filament growth / dissolution with built-in compliance (Yang-group general model)',
  summary: 'R(h) = R_on h/h_max + R_off (e^{(h_max-h)/h_l} - 1)/(e^{h_max/h_l} - 1); I = smooth-min(V/R, I_cc); dh/dt = alpha V^n N(h; h1, sigma_g) c(I) - beta (h/h_max) N(h; h2, sigma_d).',
  citation: `Yang group (R. Midya, Z. Wang, J. J. Yang et al.), ${YG}`,
  reviewLink: 'Section 3 and 5: volatile (selector) vs non-volatile (drift) cation filaments',
  params, states,
  zeroCrossing: true,
  stiff: true, // the walls at 0 and h_max and the compliance limiter are fast, stiff equilibria under drive
  setPolarity: 1,
  rhs(_t, v, x, p, dx, n) {
    for (let j = 0; j < n; j++) {
      const V = v[j], h = x[j], hmax = p[P.hmax * n + j];
      const i0 = V / resistance(h, p[P.ron * n + j], p[P.roff * n + j], hmax, p[P.hLambda * n + j]);
      const icc = p[P.icc * n + j];
      const sg = p[P.sigmaG * n + j], sd = p[P.sigmaD * n + j];
      const zg = (h - p[P.h1 * n + j]) / sg, zd = (h - p[P.h2 * n + j]) / sd;
      const grow = p[P.alpha * n + j] * Math.pow(V, p[P.n * n + j]) * (Math.exp(-0.5 * zg * zg) / (SQ2PI * sg)) * sstep(icc - Math.abs(i0), 0.05 * icc);
      const diss = p[P.beta * n + j] * (clamp(h, 0, hmax) / hmax) * (Math.exp(-0.5 * zd * zd) / (SQ2PI * sd));
      dx[j] = wall(grow - diss, h, 0, hmax, p[P.eps * n + j] * hmax);
    }
  },
  current(v, x, p, i, didv, n) {
    for (let j = 0; j < n; j++) {
      const R = resistance(x[j], p[P.ron * n + j], p[P.roff * n + j], p[P.hmax * n + j], p[P.hLambda * n + j]);
      const i0 = v[j] / R, icc = p[P.icc * n + j], pl = p[P.pLim * n + j];
      const q = 1 + Math.pow(Math.abs(i0) / icc, pl);
      const sc = Math.pow(q, -1 / pl);
      i[j] = i0 * sc;
      if (didv) didv[j] = sc / q / R; // d/dI0 [I0 q^(-1/p)] = q^(-1/p - 1)
    }
  },
};

export const filamentGrowthPresets: Preset[] = [
  {
    id: 'yang-selector', model: 'filament-growth', title: 'Volatile threshold-switching selector (Yang-group general model)',
    params: {},
    citation: YG,
    fittedTo: 'the selector parameter set of the public Yang-group SPICE model (not a fit to measured data made here); its test bench is an 80 mV read and a 1 V / 1 ms pulse',
    notes: 'Unipolar (n = 2) volatile threshold switching with 100 uA built-in compliance; dissolves in about a ms at zero bias.',
    sweep: { vSet: 1, vReset: -1, period: 0.02, vRead: 0.08 },
  },
  {
    id: 'yang-drift', model: 'filament-growth', title: 'Non-volatile drift memristor (Yang-group general model)',
    params: { n: 3, alpha: 1.329e-11, beta: 2.659e-13, h1: 1e-9, h2: 5e-9, sigmaD: 1.5e-9, ron: 470, roff: 1.7e3, icc: 10e-3 },
    citation: YG,
    fittedTo: 'the drift parameter set of the public Yang-group SPICE model, except sigma_d = 1.5 nm (the original relies on integrator wind-up beyond h_max to stay ON; here the narrow dissolution Gaussian keeps the filament)',
    notes: 'Bipolar (n = 3): positive bias grows, negative bias dissolves; 470 Ohm / 1.7 kOhm window with 10 mA compliance. Non-volatile only at the ends of the window: at zero bias lengths up to ~12 nm dissolve (3-10 nm within 0.1-2 ms, 12 nm within 0.3 s), so it is a binary memory, not an analog synapse (for that: taox-drift-wang2017).',
    sweep: { vSet: 1.5, vReset: -1.5, period: 0.02, vRead: 0.1 },
  },
  {
    id: 'taox-drift-wang2017', model: 'filament-growth', title: 'Non-volatile Ta2O5/Ta drift memristor of the Wang 2017 diffusive + drift synapse',
    params: { n: 3, alpha: 1.329e-11, beta: 0, h1: 1e-9, h2: 5e-9, ron: 470, roff: 1.7e3, icc: 10e-3, h0: 7.5e-9 },
    citation: `${YG}; stack of Wang et al., Nat. Mater. 16, 101 (2017) (measurements.md E: Pt/Ta2O5/Ta/Pt drift memristor in series with the diffusive one)`,
    fittedTo: 'not fitted: the drift parameter set of the public Yang-group SPICE model (n, alpha, h1, R_on, R_off, I_cc, h_max) with two stated choices. beta = 0: the drift memristor of Wang 2017 is the non-volatile element (review Fig. 7c: "TaOx nonvolatile memristor"); oxide memory cells retain their state for > 10 years (measurements.md D, retention row; an Arrhenius extrapolation, code R), so no spontaneous dissolution on the ms-s scale of the experiment, at any filament length (yang-drift dissolves mid-range lengths within ~100 ms). h0 = h_max / 2: a weight in the middle of its window, so that both potentiation and depression can show',
    notes: 'Analog and non-volatile at every length: dh/dt = alpha V^3 N(h; h1, sigma) only (bipolar). In series with ag-sioxny-wang2017 the drift device sees ~1e-6 of the pulse while the diffusive one is OFF (1 GOhm) and 5-15 % once it is ON (10 kOhm): the volatile element gates the long-term change. Conductance window 0.59-2.1 mS (R_off, R_on of the SPICE set), not measured on the Wang 2017 device.',
    sweep: { vSet: 1.5, vReset: -1.5, period: 0.02, vRead: 0.1 },
  },
];
