/**
 * Data-driven analog synapse: the conductance change per programming pulse is tabulated as a
 * function of the conductance itself, separately for potentiating (V > 0) and depressing
 * (V < 0) pulses, as measured potentiation / depression curves give it. Nothing about the
 * physics is assumed beyond "the change depends on the present conductance and the pulse".
 *
 *   x = (G - G_min) / (G_max - G_min) in [0, 1]                  state (normalised conductance)
 *   I = G V,  G = G_min + x (G_max - G_min)                      ohmic read
 *   dx/dt = dP(x) s_P(V) / t_w                for V >  v_thP
 *         = dD(x) s_D(V) / t_w                for V < -v_thD,     0 otherwise
 *   s_P(V) = ((V - v_thP) / (v_P - v_thP))^nu,  s_D(V) = ((-V - v_thD) / (v_D - v_thD))^nu
 *
 * dP and dD are the change of x per reference pulse (amplitude v_P or -v_D, width t_w) at nine
 * equally spaced knots x_k = k / 8 (parameters dp0..dp8, dd0..dd8), interpolated by monotone
 * piecewise-cubic Hermite (Fritsch & Carlson, SIAM J. Numer. Anal. 17, 238 (1980)): the
 * interpolant neither overshoots nor adds extrema between knots, so asymmetric, saturating
 * and non-monotonic branches are reproduced as tabulated. Growth is gated smoothly 1e-3 inside
 * x = 0 and 1 (math/smooth `gate`).
 *
 * Per-pulse -> continuous-time mapping: a rectangular pulse of the reference amplitude and
 * width t_w changes x by int_0^t_w dP(x(t)) / t_w dt = dP(x) + O(dP dP'/2), i.e. exactly the
 * tabulated step to first order in the step size (steps are 1-3 % of the range for the
 * shipped preset, so the second-order term is below 0.05 % of the range). Other amplitudes
 * scale the rate by s(V) (nu = 1: linear above threshold; the data of one amplitude do not
 * constrain nu or the thresholds), other widths scale the step linearly with time.
 * @module devices/models/data-driven
 */
import { type DeviceModel, type Preset, param, paramIndex } from '../contract.js';
import { gate } from '../../math/smooth.js';

const SRC = 'tabulated from measured potentiation / depression curves (nanoionics fit)';
/** Number of knots per branch. */
export const DD_KNOTS = 9;
const knots = (prefix: string, what: string) => Array.from({ length: DD_KNOTS }, (_, k) =>
  param(`${prefix}${k}`, prefix === 'dp' ? 0.02 : -0.02, '1', 'dimensionless', -1, 1, `change of x per reference ${what} pulse at x = ${k}/8 (fraction of the range)`, SRC));

const params = [
  param('gmin', 1e-6, 'S', 'conductance', 1e-15, 1e3, 'lowest conductance G_min', SRC),
  param('gmax', 1e-4, 'S', 'conductance', 1e-15, 1e3, 'highest conductance G_max', SRC),
  param('x0', 0, '1', 'dimensionless', 0, 1, 'initial normalised conductance', 'choice of the experiment'),
  param('vp', 1, 'V', 'voltage', 1e-3, 100, 'reference potentiating pulse amplitude v_P', SRC),
  param('vd', 1, 'V', 'voltage', 1e-3, 100, 'reference depressing pulse amplitude v_D (magnitude of the negative pulse)', SRC),
  param('vthp', 0.5, 'V', 'voltage', 0, 100, 'potentiation threshold v_thP (below it no change)', 'not constrained by single-amplitude data; default half of v_P'),
  param('vthd', 0.5, 'V', 'voltage', 0, 100, 'depression threshold v_thD (magnitude)', 'not constrained by single-amplitude data; default half of v_D'),
  param('tw', 1e-3, 's', 'time', 1e-12, 1e3, 'reference pulse width t_w', SRC),
  param('nu', 1, '1', 'dimensionless', 0.1, 10, 'amplitude exponent nu of the over-threshold drive', 'assumption (linear over-drive)'),
  ...knots('dp', 'potentiating'),
  ...knots('dd', 'depressing'),
] as const;
const P = paramIndex(params);
const DP0 = P.dp0, DD0 = P.dd0;
/**
 * Gate width in x, and the gate's inset from the bounds: under a sustained drive r (1/s) the
 * gated state creeps past the inset edge by (EPS/2) ln(1 + 2 r t / EPS), which reaches the
 * inset 1e-3 only after r t ~ 2e4 full-range sweeps, so x stays inside [0, 1].
 */
const EPS = 1e-4, INSET = 1e-3;

/**
 * Monotone cubic Hermite interpolation of 9 equally spaced knots stored at p[(base + k) n + j],
 * evaluated at x in [0, 1]. No allocation.
 */
export function pchipKnots(p: Float64Array, base: number, n: number, j: number, x: number): number {
  const m = DD_KNOTS - 1;
  const s = (x < 0 ? 0 : x > 1 ? 1 : x) * m;
  let k = Math.floor(s);
  if (k >= m) k = m - 1;
  const t = s - k;
  const y0 = p[(base + k) * n + j], y1 = p[(base + k + 1) * n + j];
  const dk = y1 - y0;
  const dPrev = k > 0 ? y0 - p[(base + k - 1) * n + j] : dk;
  const dNext = k + 2 <= m ? p[(base + k + 2) * n + j] - y1 : dk;
  const s0 = dPrev * dk > 0 ? (2 * dPrev * dk) / (dPrev + dk) : 0;
  const s1 = dk * dNext > 0 ? (2 * dk * dNext) / (dk + dNext) : 0;
  const t2 = t * t, t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * y0 + (t3 - 2 * t2 + t) * s0 + (-2 * t3 + 3 * t2) * y1 + (t3 - t2) * s1;
}

export const dataDriven: DeviceModel = {
  id: 'data-driven',
  title: 'Data-driven analog synapse (tabulated dG(G) per pulse)',
  summary: 'x = normalised G; dx/dt = dP(x) s_P(V) / t_w for V > v_thP, dD(x) s_D(V) / t_w for V < -v_thD; dP, dD monotone-cubic through 9 knots each; I = G V.',
  citation: 'tabulated-update approach of NeuroSim (Chen, Peng, Yu, IEEE TCAD 37, 3067 (2018)) and aihwkit PiecewiseStep devices; interpolation: Fritsch & Carlson, SIAM J. Numer. Anal. 17, 238 (1980)',
  reviewLink: 'Section 4 (synaptic weight update in arrays): nonlinear, asymmetric potentiation and depression',
  params,
  states: [{ name: 'x', unit: '1', min: 0, max: 1, meaning: 'normalised conductance (G - G_min) / (G_max - G_min)', atol: 1e-9, init: 'x0' }],
  zeroCrossing: true,
  stiff: false,
  setPolarity: 1,
  rhs(_t, v, x, p, dx, n) {
    for (let j = 0; j < n; j++) {
      const V = v[j], xs = x[j];
      const vthp = p[P.vthp * n + j], vthd = p[P.vthd * n + j];
      let rate = 0;
      if (V > vthp) {
        const s = Math.pow((V - vthp) / Math.max(p[P.vp * n + j] - vthp, 1e-12), p[P.nu * n + j]);
        rate = (pchipKnots(p, DP0, n, j, xs) * s) / p[P.tw * n + j];
      } else if (V < -vthd) {
        const s = Math.pow((-V - vthd) / Math.max(p[P.vd * n + j] - vthd, 1e-12), p[P.nu * n + j]);
        rate = (pchipKnots(p, DD0, n, j, xs) * s) / p[P.tw * n + j];
      }
      dx[j] = gate(rate, xs, INSET, 1 - INSET, EPS);
    }
  },
  current(v, x, p, i, didv, n) {
    for (let j = 0; j < n; j++) {
      const gmin = p[P.gmin * n + j];
      const g = gmin + x[j] * (p[P.gmax * n + j] - gmin);
      i[j] = g * v[j];
      if (didv) didv[j] = g;
    }
  },
};

/**
 * Ag/a-Si (Jo et al., Nano Lett. 10, 1297 (2010)) as tabulated by NeuroSim V3.0 (user manual
 * Table II; measurements.md F): G from 3.08e-9 S to 3.85e-8 S (R_on 26 MOhm, on/off 12.5),
 * 97 potentiating pulses of +3.2 V / 300 us, 100 depressing pulses of -2.8 V / 300 us,
 * NeuroSim nonlinearity labels 2.40 / -4.88. NeuroSim turns a label into the curvature A of
 * G(P) = B (1 - exp(-P/A)) + G_min through a table of A / P_max (formula.cpp getParamA of
 * MLP_NeuroSim_V3.0, read from the public fork PaU1570/MLP_NeuroSim_V3.0): 0.499181 for 2.40
 * and 0.200303 for 4.88 (negative for LTD: depression changes fastest right after G_max), so
 * A_P = 48.42 and A_D = 20.03 pulses. The knots below are the output of `fit/tabulate` applied
 * to those two curves; test/fit-output.test.ts re-derives them.
 */
export const dataDrivenPresets: Preset[] = [
  {
    id: 'ag-asi-jo2010', model: 'data-driven', title: 'Ag/a-Si analog synapse (Jo 2010, NeuroSim tabulation)',
    params: {
      gmin: 3.0769e-9, gmax: 3.8462e-8, x0: 0, vp: 3.2, vd: 2.8, vthp: 1.6, vthd: 1.4, tw: 300e-6, nu: 1,
      dp0: 0.023872, dp1: 0.02129, dp2: 0.018709, dp3: 0.016127, dp4: 0.013546, dp5: 0.010964, dp6: 0.008383, dp7: 0.0058016, dp8: 0.0032201,
      dd0: -0.00034119, dd1: -0.0065804, dd2: -0.01282, dd3: -0.019059, dd4: -0.025298, dd5: -0.031537, dd6: -0.037777, dd7: -0.044016, dd8: -0.050255,
    },
    citation: 'S. H. Jo et al., Nano Lett. 10, 1297 (2010); parameters as tabulated in the NeuroSim V3.0 manual, Table II',
    fittedTo: 'the NeuroSim exponential update curves of Ag/a-Si (97 / 100 pulses, G 3.1e-9..3.8e-8 S, NL 2.40 / -4.88 -> A = 48.42 / 20.03 pulses by NeuroSim\'s getParamA table), tabulated by fit/tabulate; not raw measured data',
    notes: 'Thresholds (half the pulse amplitudes) and the amplitude exponent are not constrained by the single-amplitude data; NeuroSim\'s 3.5 % cycle-to-cycle spread is not included.',
    sweep: { vSet: 3.2, vReset: -2.8, vRead: 0.1 },
  },
  {
    id: 'sige-epiram-choi2018', model: 'data-driven', title: 'SiGe epiRAM analog synapse (Choi 2018, NeuroSim tabulation)',
    params: {
      gmin: 2.4593e-7, gmax: 1.2346e-5, x0: 0, vp: 5, vd: 3, vthp: 2.5, vthd: 1.5, tw: 5e-6, nu: 1,
      dp0: 0.01893, dp1: 0.018155, dp2: 0.01738, dp3: 0.016605, dp4: 0.015829, dp5: 0.015054, dp6: 0.014279, dp7: 0.013504, dp8: 0.012729,
      dd0: -0.012729, dd1: -0.013504, dd2: -0.014279, dd3: -0.015054, dd4: -0.015829, dd5: -0.016605, dd6: -0.01738, dd7: -0.018155, dd8: -0.01893,
    },
    citation: 'S. Choi et al., Nat. Mater. 17, 335 (2018); parameters as tabulated in the NeuroSim V3.0 manual, Table II (measurements.md F)',
    fittedTo: 'the NeuroSim exponential update curves of SiGe epiRAM (64 / 64 pulses of +5 V / -3 V, 5 us; R_on 81 kOhm, on/off 50.2; NL 0.5 / -0.5 -> A / P_max = 2.519877 by NeuroSim\'s getParamA table, A = 161.3 pulses), tabulated by fit/tabulate; not raw measured data',
    notes: 'Thresholds (half the pulse amplitudes) and the amplitude exponent are not constrained by the single-amplitude data; NeuroSim\'s 2 % cycle-to-cycle spread is not included.',
    sweep: { vSet: 5, vReset: -3, vRead: 0.1 },
  },
];
