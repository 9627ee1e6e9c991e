/**
 * Metaplastic filament: position, length and width of a vacancy column as separate states,
 * with complementary switching and a local temperature (after Zhu, Du, Jeong, Lu, Nanoscale
 * 9, 45 (2017), Pt/Ta2O5-x/TaOy/Pt); review Section 3.3, Fig. 8 (metaplasticity). No
 * published compact model exists (models.md 6.5); this is the minimum model that section
 * asks for, built here: the conductance is a many-to-one function of the geometry, so two
 * histories can leave the same conductance but a different (even opposite) response.
 *
 * Geometry, in units of the switching-layer thickness: a column of oxygen vacancies of length
 * l, centred at p (0 = bottom electrode, 1 = top), leaves a top gap g_t = 1 - p - l/2 and a
 * bottom gap g_b = p - l/2; w is its normalised width (cross-section).
 *
 *   R     = [R_f + R_g (exp(g_t/lambda) - 1) + R_g (exp(g_b/lambda) - 1)] / w,   I = V / R
 *   dp/dt = -nu_p exp(-E_p / k_B T) sinh(V / V_p)        walled to [l/2, 1 - l/2]
 *   dl/dt =  nu_l exp(-E_l / k_B T) sinh(V / V_l)        walled to [l_min, l_max]
 *   dw/dt =  nu_w exp(-E_w / k_B T) [ theta (1 - w) - (w - w_min) ],  theta = max(T - T0, 0)/dT_w (smoothed)
 *   dT/dt =  I V / C_th - (T - T0) / tau_th
 *
 * A positive top voltage drives the positively charged vacancies down (p decreases). The two
 * tunnelling gaps are in series, so for a given length the conductance is largest with the
 * column centred and falls when it moves toward either electrode. Complementary switching
 * follows: a column anchored at the top (p > 1/2) is potentiated by positive pulses, one
 * anchored at the bottom (p < 1/2) is depressed by the same pulses, and the two can have the
 * same conductance (the map is symmetric in p about 1/2). The width grows only while the
 * filament is hot (Joule heating, Arrhenius with a high E_w) and is otherwise frozen, so the
 * rate and amplitude of priming pulses are remembered in w: a wider filament carries more
 * current, heats more, and its position then moves faster under identical test pulses.
 * Positions, lengths and widths are held in their ranges by the walls of math/smooth.
 * @module devices/models/metaplastic-filament
 */
import { type DeviceModel, type Preset, param, paramIndex } from '../contract.js';
import { limexp, limsinh, softplus, wall } from '../../math/smooth.js';
import { KB, Q, T_ROOM } from '../../units/constants.js';

const ZHU = 'Zhu, Du, Jeong, Lu, Nanoscale 9, 45 (2017) (measurements.md A4)';
const CAL = 'calibrated by hand (no published compact model, models.md 6.5)';
const params = [
  param('rf', 20e3, 'Ohm', 'resistance', 1e-3, 1e12, 'resistance of the full-width column itself R_f', CAL),
  param('rg', 1e3, 'Ohm', 'resistance', 1e-3, 1e12, 'tunnelling-gap resistance scale R_g (per gap, full width)', CAL),
  param('lambda', 0.1, '1', 'dimensionless', 1e-3, 1, 'tunnelling decay length of a gap, in units of the layer thickness', CAL),
  param('nuP', 8e4, '1/s', 'frequency', 0, 1e20, 'attempt rate of column drift (position)', CAL),
  param('eP', 0.5 * Q, 'J', 'energy', 0, 5 * Q, 'activation energy of column drift (give it as "0.5 eV")', CAL),
  param('vP', 0.1, 'V', 'voltage', 1e-3, 10, 'voltage scale of column drift', CAL),
  param('nuL', 800, '1/s', 'frequency', 0, 1e20, 'attempt rate of length change (vacancy generation / recombination at the tips)', CAL),
  param('eL', 0.5 * Q, 'J', 'energy', 0, 5 * Q, 'activation energy of length change', CAL),
  param('vL', 0.1, 'V', 'voltage', 1e-3, 10, 'voltage scale of length change', CAL),
  param('nuW', 5e18, '1/s', 'frequency', 0, 1e30, 'attempt rate of lateral (width) growth and shrinkage', CAL),
  param('eW', 1.5 * Q, 'J', 'energy', 0, 5 * Q, 'activation energy of width change (high: width frozen at room temperature)', CAL),
  param('dTw', 100, 'K', 'temperature', 1e-3, 1e4, 'temperature rise at which growth and shrinkage of the width balance at w = (1 + w_min)/2', CAL),
  param('cth', 1.6e-14, 'J/K', 'heat-capacity', 1e-20, 1e-3, 'effective heat capacity C_th', CAL),
  param('tauTh', 150e-9, 's', 'time', 1e-12, 1, 'thermal relaxation time tau_th', `${ZHU}: 6.7 vs 5.0 MHz histories need tau_th of 50-500 ns`),
  param('t0', T_ROOM, 'K', 'temperature', 1, 2000, 'ambient temperature T0', 'room temperature'),
  param('lMin', 0.3, '1', 'dimensionless', 0, 1, 'shortest column length', CAL),
  param('lMax', 0.95, '1', 'dimensionless', 0, 1, 'longest column length', CAL),
  param('wMin', 0.1, '1', 'dimensionless', 1e-3, 1, 'narrowest width (relaxed filament)', CAL),
  param('d', 1e-3, '1', 'dimensionless', 1e-6, 0.1, 'width of the walls that bound p and l', 'models.md 1.2'),
  param('p0', 0.65, '1', 'dimensionless', 0, 1, 'initial column centre (0.65 with l0 = 0.7: anchored at the top electrode)', 'choice of the experiment'),
  param('l0', 0.7, '1', 'dimensionless', 0, 1, 'initial column length', 'choice of the experiment'),
  param('w0', 0.5, '1', 'dimensionless', 0, 1, 'initial width', 'choice of the experiment'),
] as const;
const P = paramIndex(params);
const states = [
  { name: 'p', unit: '1', min: 0, max: 1, meaning: 'centre of the vacancy column (0 bottom, 1 top electrode)', atol: 1e-9, init: 'p0' },
  { name: 'l', unit: '1', min: 0, max: 1, meaning: 'length of the vacancy column', atol: 1e-9, init: 'l0' },
  { name: 'w', unit: '1', min: 0, max: 1, meaning: 'normalised width of the column', atol: 1e-9, init: 'w0' },
  { name: 'T', unit: 'K', min: 0, max: 1e4, meaning: 'local temperature of the filament', atol: 1e-3, init: 't0' },
] as const;

/** Resistance of the column with its two gaps; gaps clipped at 0 (walls keep them >= 0 up to d). */
function resistance(p: number, l: number, w: number, rf: number, rg: number, lam: number): number {
  const gt = Math.max(1 - p - 0.5 * l, 0), gb = Math.max(p - 0.5 * l, 0);
  return (rf + rg * (Math.expm1(gt / lam) + Math.expm1(gb / lam))) / Math.max(w, 1e-6);
}

export const metaplasticFilament: DeviceModel = {
  id: 'metaplastic-filament',
  title: 'Metaplastic filament: position, length and width states with complementary switching (Zhu 2017)',
  summary: 'R = [R_f + R_g (e^{g_t/lambda} - 1) + R_g (e^{g_b/lambda} - 1)] / w, g_t = 1 - p - l/2, g_b = p - l/2; dp/dt = -nu_p e^{-E_p/kT} sinh(V/V_p); dl/dt = nu_l e^{-E_l/kT} sinh(V/V_l); dw/dt = nu_w e^{-E_w/kT} [theta (1 - w) - (w - w_min)]; dT/dt = IV/C_th - (T - T0)/tau_th.',
  citation: `${ZHU}; model constructed here (models.md 6.5 minimum model)`,
  reviewLink: 'Section 3.3, Fig. 8: metaplasticity from filament position, width and length',
  params, states,
  zeroCrossing: true,
  stiff: true,
  setPolarity: 1,
  rhs(_t, v, x, p, dx, n) {
    for (let j = 0; j < n; j++) {
      const V = v[j], pos = x[j], l = x[n + j], w = x[2 * n + j], Traw = x[3 * n + j];
      const T = Traw > 1 ? Traw : 1;
      const kT = KB * T, d = p[P.d * n + j], t0 = p[P.t0 * n + j];
      const ratP = p[P.nuP * n + j] * limexp(-p[P.eP * n + j] / kT) * limsinh(V / p[P.vP * n + j]);
      dx[j] = wall(-ratP, pos, 0.5 * l, 1 - 0.5 * l, d);
      const ratL = p[P.nuL * n + j] * limexp(-p[P.eL * n + j] / kT) * limsinh(V / p[P.vL * n + j]);
      dx[n + j] = wall(ratL, l, p[P.lMin * n + j], p[P.lMax * n + j], d);
      const theta = softplus(T - t0, 1) / p[P.dTw * n + j];
      dx[2 * n + j] = p[P.nuW * n + j] * limexp(-p[P.eW * n + j] / kT) * (theta * (1 - w) - (w - p[P.wMin * n + j]));
      const R = resistance(pos, l, w, p[P.rf * n + j], p[P.rg * n + j], p[P.lambda * n + j]);
      dx[3 * n + j] = (V * V) / (R * p[P.cth * n + j]) - (Traw - t0) / p[P.tauTh * n + j];
    }
  },
  current(v, x, p, i, didv, n) {
    for (let j = 0; j < n; j++) {
      const R = resistance(x[j], x[n + j], x[2 * n + j], p[P.rf * n + j], p[P.rg * n + j], p[P.lambda * n + j]);
      i[j] = v[j] / R;
      if (didv) didv[j] = 1 / R;
    }
  },
};

export const metaplasticFilamentPresets: Preset[] = [
  {
    id: 'ta2o5-zhu2017', model: 'metaplastic-filament', title: 'Pt/Ta2O5-x/TaOy/Pt metaplastic synapse (Zhu 2017)',
    params: {},
    citation: ZHU,
    fittedTo: 'no published parameter set: calibrated by hand so that 1.1 V / 0.5 us test pulses change G by a few % per pulse, a 1.2 V / 0.5 us pulse heats the filament by ~200 K, and priming with opposite polarity (or at different rates) leaves equal G with opposite-sign (or different-rate) responses (measurements.md A4, qualitative)',
    notes: 'Complementary switching by construction: positive pulses first SET (column moves to the centre) then RESET (past the centre). Conductances (13-20 uS) are illustrative, not measured. Example of equal G, opposite response: 30 pulses of 1.1 V / 0.5 us (column stays on the top side) vs 14 pulses of 1.2 V / 0.5 us (column pushed past the centre), both at 500 kHz, give G within 2 %; ten further 1.1 V pulses then change G by +9 % and -8 %. G after priming is not monotone in the priming amplitude or count (it peaks when the column is centred), and a column driven against the bottom wall (16+ pulses of 1.2 V) responds only weakly.',
    sweep: { vSet: 1.2, vReset: -1.2, period: 1e-3, vRead: 0.1 },
  },
];
