/**
 * HP linear ion-drift memristor (Strukov, Snider, Stewart, Williams, Nature 453, 80 (2008)),
 * the first physical realisation of Chua's memristor (review Eq. 1-2).
 *
 *   I = V / (R_on x + R_off (1 - x))                 x = w / D in [0, 1], doped fraction
 *   dx/dt = (mu_v R_on / D^2) I f(x)                 f: window (see devices/windows)
 *
 * Positive current (V > 0) moves the boundary toward x = 1 (ON). Default values are
 * MemTorch's LinearIonDrift defaults (mu_v = 1e-14 m^2/(V s), D = 10 nm, R_on = 100 Ohm,
 * R_off = 16 kOhm), the values of Strukov's paper.
 * @module devices/models/linear-drift
 */
import { type DeviceModel, type Preset, param, paramIndex, stateIndex } from '../contract.js';
import { WINDOWS, applyWindow } from '../windows.js';

const SRC = 'Strukov et al., Nature 453, 80 (2008); MemTorch LinearIonDrift defaults';
const params = [
  param('ron', 100, 'Ohm', 'resistance', 1e-3, 1e12, 'resistance of the fully doped (ON) device', SRC),
  param('roff', 16e3, 'Ohm', 'resistance', 1e-3, 1e15, 'resistance of the undoped (OFF) device', SRC),
  param('d', 10e-9, 'm', 'length', 1e-10, 1e-5, 'film thickness D', SRC),
  param('muv', 1e-14, 'm^2/(V s)', 'mobility', 1e-24, 1e-4, 'dopant (oxygen-vacancy) mobility mu_v', SRC),
  param('window', 0, '1', 'dimensionless', 0, WINDOWS.length - 1, 'window function: none, joglekar, biolek, prodromakis, strukov', 'Technion Verilog-A report (Kvatinsky et al.)', { integer: true, choices: WINDOWS, fixed: true }),
  param('p', 1, '1', 'dimensionless', 1, 50, 'window exponent p', 'Joglekar & Wolf 2009; Biolek 2009; Prodromakis 2011', { integer: true, fixed: true }),
  param('j', 1, '1', 'dimensionless', 0.01, 100, 'Prodromakis window scale j', 'Prodromakis et al., IEEE TED 58, 3099 (2011)'),
  param('x0', 0.1, '1', 'dimensionless', 0, 1, 'initial doped fraction', 'choice of the experiment'),
] as const;
const states = [{ name: 'x', unit: '1', min: 0, max: 1, meaning: 'doped-region fraction w/D', atol: 1e-9, init: 'x0' }] as const;
const P = paramIndex(params);

export const linearDrift: DeviceModel = {
  id: 'linear-drift',
  title: 'HP linear ion drift with window functions',
  summary: 'I = V / (R_on x + R_off (1 - x)); dx/dt = mu_v R_on / D^2 * I * f(x), f = none | Joglekar | Biolek | Prodromakis | Strukov window.',
  citation: 'D. B. Strukov, G. S. Snider, D. R. Stewart, R. S. Williams, Nature 453, 80 (2008); windows: Joglekar & Wolf, Eur. J. Phys. 30, 661 (2009); Biolek et al., Radioengineering 18, 210 (2009); Prodromakis et al., IEEE TED 58, 3099 (2011)',
  reviewLink: 'Section 3.1, Chua framework (Eq. 1-2): the first-order memristor',
  params, states,
  zeroCrossing: true,
  stiff: false,
  setPolarity: 1,
  rhs(_t, v, x, p, dx, n) {
    for (let j = 0; j < n; j++) {
      const xs = x[j];
      const ron = p[P.ron * n + j], roff = p[P.roff * n + j], d = p[P.d * n + j];
      const i = v[j] / (ron * xs + roff * (1 - xs));
      const k = (p[P.muv * n + j] * ron) / (d * d);
      dx[j] = applyWindow(p[P.window * n + j], k * i, xs, p[P.p * n + j], p[P.j * n + j], i);
    }
  },
  current(v, x, p, i, didv, n) {
    for (let j = 0; j < n; j++) {
      const xs = x[j];
      const r = p[P.ron * n + j] * xs + p[P.roff * n + j] * (1 - xs);
      i[j] = v[j] / r;
      if (didv) didv[j] = 1 / r;
    }
  },
};

export const linearDriftPresets: Preset[] = [
  {
    id: 'hp-tio2-strukov2008', model: 'linear-drift', title: 'HP Pt/TiO2/Pt, linear drift (Strukov 2008)',
    params: { ron: 100, roff: 16e3, d: '10 nm', muv: 1e-14, window: 'joglekar', p: 1, x0: 0.1 },
    citation: SRC,
    fittedTo: 'the illustrative parameters of Strukov et al. 2008 (Fig. 2), as used by MemTorch; not a fit to a measured loop',
    notes: 'Pinched loops and frequency-dependent lobes; no thresholds, no retention loss, no thermal effects.',
    sweep: { vSet: 1, vReset: -1, period: 1, vRead: 0.1 },
  },
  {
    id: 'biolek2009', model: 'linear-drift', title: 'Linear drift with Biolek window (Biolek 2009 SPICE example)',
    params: { ron: 100, roff: 1e3, d: '16 nm', muv: 40e-15, window: 'biolek', p: 7, x0: 0.076 },
    citation: 'Biolek, Biolek, Biolkova, Radioengineering 18, 210 (2009); values of the knowm/memristor-models-4-all LTspice example',
    fittedTo: 'the published SPICE example of the Biolek window paper (not measured data)',
    notes: 'Resolves the boundary lock of Joglekar; switching direction set by the sign of I.',
    sweep: { vSet: 1.2, vReset: -1.2, period: 1, vRead: 0.1 },
  },
];
