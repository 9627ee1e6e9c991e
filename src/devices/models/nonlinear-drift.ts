/**
 * Nonlinear (sinh / power-law) ion-drift memristor of the Lehtonen-Laiho type: the state
 * moves exponentially faster with voltage, the hallmark of ionic switching at high fields
 * (review Section 1: the exponential speed-up of ion hopping with field).
 *
 *   drift law   'sinh':  dw/dt = k sinh(a V) f(w)          (Laiho-Biolek form)
 *               'power': dw/dt = k V^q f(w)                (Lehtonen & Laiho 2010, q odd)
 *   conduction  'linear': I = V (G_on w + G_off (1 - w))
 *               'lehtonen': I = w^N beta sinh(alpha V) + chi (exp(gamma V) - 1)
 *   f = window (none | Joglekar | Biolek | Prodromakis | Strukov).
 *
 * The 'baseline-sinh' preset is exactly the benchmark problem of ../shared/baselines
 * (memristor.sub): k = 1.476 /s, a = 3 /V, Joglekar p = 1, G_on = 1 mS, G_off = 10 uS.
 * @module devices/models/nonlinear-drift
 */
import { type DeviceModel, type Preset, param, paramIndex } from '../contract.js';
import { WINDOWS, applyWindow } from '../windows.js';
import { limexp, limsinh } from '../../math/smooth.js';

const LL = 'Lehtonen & Laiho, Int. Workshop CNNA (2010); Technion Verilog-A report defaults';
const params = [
  param('drift', 0, '1', 'dimensionless', 0, 1, 'drift law: sinh or power', LL, { integer: true, choices: ['sinh', 'power'], fixed: true }),
  param('conduction', 0, '1', 'dimensionless', 0, 1, 'conduction law: linear or lehtonen', LL, { integer: true, choices: ['linear', 'lehtonen'], fixed: true }),
  param('k', 1.476, '1/s', 'frequency', 0, 1e15, 'drift prefactor (k for sinh, a for power law)', 'shared/baselines memristor.sub; Technion a = 4'),
  param('a', 3, '1/V', 'any', 0, 100, 'sinh drift voltage scale', 'shared/baselines memristor.sub'),
  param('q', 13, '1', 'dimensionless', 1, 31, 'power-law exponent q (odd)', LL, { integer: true }),
  param('gon', 1e-3, 'S', 'conductance', 0, 1e3, 'ON conductance (linear conduction)', 'shared/baselines memristor.sub'),
  param('goff', 1e-5, 'S', 'conductance', 0, 1e3, 'OFF conductance (linear conduction)', 'shared/baselines memristor.sub'),
  param('nexp', 14, '1', 'dimensionless', 0, 50, 'state exponent N (lehtonen conduction)', LL),
  param('beta', 9, 'A', 'current', 0, 1e3, 'tunnelling prefactor beta (lehtonen)', LL),
  param('alpha', 2, '1/V', 'any', 0, 100, 'tunnelling voltage scale alpha (lehtonen)', LL),
  param('chi', 0.01, 'A', 'current', 0, 1e3, 'rectifying prefactor chi (lehtonen)', LL),
  param('gam', 4, '1/V', 'any', 0, 100, 'rectifying voltage scale gamma (lehtonen)', LL),
  param('window', 1, '1', 'dimensionless', 0, WINDOWS.length - 1, 'window function', 'Technion report', { integer: true, choices: WINDOWS, fixed: true }),
  param('p', 1, '1', 'dimensionless', 1, 50, 'window exponent', 'Joglekar & Wolf 2009', { integer: true, fixed: true }),
  param('w0', 0.05, '1', 'dimensionless', 0, 1, 'initial state', 'shared/baselines memristor.sub'),
] as const;
const states = [{ name: 'w', unit: '1', min: 0, max: 1, meaning: 'normalised filament/doped state', atol: 1e-10, init: 'w0' }] as const;
const P = paramIndex(params);

export const nonlinearDrift: DeviceModel = {
  id: 'nonlinear-drift',
  title: 'Nonlinear (sinh / power) ion drift, Lehtonen-Laiho type',
  summary: 'dw/dt = k sinh(a V) f(w) or k V^q f(w); I = V (G_on w + G_off (1-w)) or w^N beta sinh(alpha V) + chi (exp(gamma V) - 1).',
  citation: 'E. Lehtonen, M. Laiho, "CNN using memristors for neighborhood connections", CNNA 2010; Biolek-type sinh drift as in the Laiho-Biolek HSPICE model (aguirref/memristive_ANN_sim)',
  reviewLink: 'Section 1 and 3: exponential field acceleration of ionic drift; analog resistive switching',
  params, states,
  zeroCrossing: true, // both conduction laws give I(0) = 0 (chi (exp(0) - 1) = 0)
  stiff: false,
  setPolarity: 1,
  rhs(_t, v, x, p, dx, n) {
    for (let j = 0; j < n; j++) {
      const V = v[j];
      const rate = p[P.drift * n + j] === 0 ? p[P.k * n + j] * limsinh(p[P.a * n + j] * V) : p[P.k * n + j] * Math.pow(V, p[P.q * n + j]);
      let i = 0;
      if (p[P.window * n + j] === 2) i = V; // Biolek needs only the sign of I, which is the sign of V here
      dx[j] = applyWindow(p[P.window * n + j], rate, x[j], p[P.p * n + j], 1, i);
    }
  },
  current(v, x, p, i, didv, n) {
    for (let j = 0; j < n; j++) {
      const V = v[j], w = x[j];
      if (p[P.conduction * n + j] === 0) {
        const g = p[P.gon * n + j] * w + p[P.goff * n + j] * (1 - w);
        i[j] = V * g;
        if (didv) didv[j] = g;
      } else {
        const wn = Math.pow(Math.max(w, 0), p[P.nexp * n + j]);
        const al = p[P.alpha * n + j], be = p[P.beta * n + j], ch = p[P.chi * n + j], ga = p[P.gam * n + j];
        const e = limexp(ga * V);
        i[j] = wn * be * limsinh(al * V) + ch * (e - 1);
        if (didv) didv[j] = wn * be * al * Math.cosh(Math.min(al * V, 80)) + ch * ga * e;
      }
    }
  },
};

export const nonlinearDriftPresets: Preset[] = [
  {
    id: 'baseline-sinh', model: 'nonlinear-drift', title: 'Benchmark sinh-drift memristor (shared/baselines)',
    params: { drift: 'sinh', conduction: 'linear', k: 1.476, a: 3, gon: 1e-3, goff: 1e-5, window: 'joglekar', p: 1, w0: 0.05 },
    citation: 'shared/baselines/device/memristor.sub (benchmark problem; Laiho-Biolek sinh drift with Joglekar p = 1)',
    fittedTo: 'nothing measured: the side-by-side benchmark against ngspice, whose exact final state is known in closed form',
    sweep: { vSet: 1.2, vReset: -1.2, period: 2, vRead: 0.1 },
  },
  {
    id: 'lehtonen-technion', model: 'nonlinear-drift', title: 'Lehtonen-Laiho nonlinear drift (Technion defaults)',
    params: { drift: 'power', conduction: 'lehtonen', k: 4, q: 13, nexp: 14, beta: 9, alpha: 2, chi: 0.01, gam: 4, window: 'joglekar', p: 1, w0: 0.5 },
    citation: LL,
    fittedTo: 'the default parameters of the Technion Verilog-A implementation (Kvatinsky et al.), not a measured device',
    notes: 'Rectifying, strongly nonlinear I-V; power-law drift gives a soft threshold.',
    sweep: { vSet: 1.5, vReset: -1.5, period: 2, vRead: 0.2 },
  },
];
