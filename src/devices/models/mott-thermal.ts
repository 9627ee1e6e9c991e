/**
 * Electro-thermal insulator-metal threshold switch (VO2, NbO2): lumped heat balance with the
 * temperature as a state, a hysteretic metallic fraction and the device capacitance
 * (Zhang et al., "collective dynamics" thermal neuristors, Nat. Commun. 2024, equations as
 * implemented in gabebere/single-neuristor; Pickett, Medeiros-Ribeiro, Williams,
 * Nat. Mater. 12, 114 (2013) for NbO2). models.md §7.5.
 *
 *   C > 0:     I = (V - v_c) / R_s                     (contact/lead resistance R_s)
 *              C dv_c/dt = I - v_c / R(T, m)            (device capacitance, state v_c)
 *              C_th dT/dt = v_c^2 / R - S_e (T - T0)
 *   C = 0:     I = V / (R_s + R(T, m)),  C_th dT/dt = I^2 R - S_e (T - T0)   (v_c unused, 0)
 *   R(T, m) = R0 exp(E_a/(kB T)) (1 - m) + R_m          (insulating Arrhenius part + metal R_m)
 *   hysteresis: metallic fraction on heating m_h(T) = 1/2 - 1/2 tanh(beta (T_c + w/2 - T)),
 *               on cooling m_c(T) = 1/2 - 1/2 tanh(beta (T_c - w/2 - T))   (m_c >= m_h),
 *               tau_m dm/dt = softplus(m_h - m, d) - softplus(m - m_c, d),  d = 1e-4 (inside the band both terms are ~ d exp(-gap/d): no drift)
 *   m follows the heating branch when below it and the cooling branch when above it and stays
 *   where it is in between: the play operator, a smooth form of the delta = +-1 branch switch
 *   of Zhang et al. (which needs the sign of dT/dt and is not a function of the state).
 *
 * The load resistor of the neuristor (R_load) is the circuit's job (`circuit.series`), so the
 * same device sits behind a 12 kOhm load, a compliance or a selector stack. With R_s C << the
 * thermal time the device is quasi-resistive; NDR + C + R_load give relaxation oscillations (set cdev > 0)
 * (physical: do not damp them, models.md §7.6). The capacitor breaks the zero crossing.
 * Not modelled: Poole-Frenkel field lowering of E_a (NbO2), the thermal noise term, array
 * coupling S_c grad^2 T.
 * @module devices/models/mott-thermal
 */
import { type DeviceModel, type Preset, param, paramIndex } from '../contract.js';
import { softplus } from '../../math/smooth.js';

const Z = 'Zhang et al., Nat. Commun. 2024, "paper" preset of gabebere/single-neuristor (models.md §7.5)';
const params = [
  param('r0', 1.06e-3, 'Ohm', 'resistance', 1e-12, 1e12, 'Arrhenius prefactor R0 of the insulating phase', 'calibrated (not captured from Zhang 2024): R_ins(325 K) = 10 kOhm'),
  param('ea', 5220, 'K', 'temperature', 0, 1e5, 'activation energy of the insulating phase, E_a/kB', Z),
  param('rm', 262.5 * 4.9, 'Ohm', 'resistance', 1e-3, 1e9, 'metallic-phase resistance R_m', Z),
  param('tc', 332.8, 'K', 'temperature', 1, 3000, 'transition temperature T_c', Z),
  param('w', 7.19, 'K', 'temperature', 0, 500, 'hysteresis width w', Z),
  param('beta', 0.253, '1/K', 'any', 1e-4, 100, 'steepness of the transition beta', Z),
  param('cth', 4.963e-11, 'J/K', 'heat-capacity', 1e-20, 1e-3, 'heat capacity C_th', Z),
  param('se', 2.056e-4, 'W/K', 'any', 1e-12, 1, 'thermal conductance to the bath S_e', Z),
  param('t0', 325, 'K', 'temperature', 1, 2000, 'bath temperature T0', Z),
  param('cdev', 0, 'F', 'capacitance', 0, 1e-6, 'device capacitance C parallel to R(T); 0: none (quasi-resistive, read conductance meaningful); Zhang 2024: 145.3 pF', Z),
  param('rs', 10, 'Ohm', 'resistance', 1e-3, 1e6, 'contact/lead resistance R_s in series with C || R(T)', 'nanoionics (makes the capacitor a state; small against R_m)'),
  param('taum', 1e-9, 's', 'time', 1e-15, 1, 'relaxation time of the metallic fraction tau_m', 'nanoionics (fast against the thermal time)'),
] as const;
const states = [
  { name: 'T', unit: 'K', min: 0, max: 1e4, meaning: 'device temperature', atol: 1e-4, init: 't0' },
  { name: 'm', unit: '1', min: 0, max: 1, meaning: 'metallic fraction', atol: 1e-8, init: 0 },
  { name: 'vc', unit: 'V', min: -1e4, max: 1e4, meaning: 'voltage on the device capacitance', atol: 1e-9, init: 0 },
] as const;
const P = paramIndex(params);
const D = 1e-4;

/** Resistance of the switching element of device j. */
function res(p: Float64Array, n: number, j: number, T: number, m: number): number {
  return p[P.r0 * n + j] * Math.exp(Math.min(p[P.ea * n + j] / Math.max(T, 1), 700)) * (1 - m) + p[P.rm * n + j];
}

export const mottThermal: DeviceModel = {
  id: 'mott-thermal',
  title: 'Electro-thermal insulator-metal threshold switch (VO2 / NbO2)',
  summary: 'I = (V - v_c)/R_s; C dv_c/dt = I - v_c/R(T,m); C_th dT/dt = v_c^2/R - S_e (T - T0); R = R0 exp(Ea/kT)(1 - m) + R_m; metallic fraction m with a smooth play-operator hysteresis between heating and cooling branches.',
  citation: 'Zhang et al., Nat. Commun. (2024) thermal neuristor model (gabebere/single-neuristor); M. D. Pickett, G. Medeiros-Ribeiro, R. S. Williams, Nat. Mater. 12, 114 (2013)',
  reviewLink: 'V2O5 -> VO2 selectors and Mott threshold switches (Fig. 13d): volatile switching, NDR, oscillators',
  params, states,
  zeroCrossing: false, // with C > 0 the device capacitance holds charge (I = 0 at V = 0 when C = 0)
  stiff: true,
  setPolarity: 1,
  rhs(_t, v, x, p, dx, n) {
    for (let j = 0; j < n; j++) {
      const T = x[j], m = x[n + j], c = p[P.cdev * n + j];
      const R = res(p, n, j, T, m), rs = p[P.rs * n + j];
      let pw: number;
      if (c > 0) {
        const vc = x[2 * n + j];
        dx[2 * n + j] = ((v[j] - vc) / rs - vc / R) / c;
        pw = (vc * vc) / R;
      } else {
        const i = v[j] / (rs + R);
        dx[2 * n + j] = 0;
        pw = i * i * R;
      }
      dx[j] = (pw - p[P.se * n + j] * (T - p[P.t0 * n + j])) / p[P.cth * n + j];
      const b = p[P.beta * n + j], tc = p[P.tc * n + j], hw = 0.5 * p[P.w * n + j];
      const mh = 0.5 - 0.5 * Math.tanh(b * (tc + hw - T));
      const mc = 0.5 - 0.5 * Math.tanh(b * (tc - hw - T));
      dx[n + j] = (softplus(mh - m, D) - softplus(m - mc, D)) / p[P.taum * n + j];
    }
  },
  current(v, x, p, i, didv, n) {
    for (let j = 0; j < n; j++) {
      const rs = p[P.rs * n + j];
      const r = p[P.cdev * n + j] > 0 ? rs : rs + res(p, n, j, x[j], x[n + j]);
      i[j] = (p[P.cdev * n + j] > 0 ? v[j] - x[2 * n + j] : v[j]) / r;
      if (didv) didv[j] = 1 / r;
    }
  },
  outputs: [{ name: 'rdev', unit: 'Ohm', meaning: 'resistance R(T, m) of the switching element' }],
  outputsAt(_v, x, p, out, n) {
    for (let j = 0; j < n; j++) out[j] = res(p, n, j, x[j], x[n + j]);
  },
};

export const mottThermalPresets: Preset[] = [
  {
    id: 'vo2-zhang2024', model: 'mott-thermal', title: 'VO2 thermal neuristor (Zhang et al. 2024)',
    params: {},
    citation: Z,
    fittedTo: 'C_th, S_e, T0, E_a, R_m, w, T_c, beta and C from the "paper" preset of the public implementation of Zhang et al. 2024; R0 was not captured and is calibrated so that R_ins(325 K) = 10 kOhm; R_s and tau_m are numerical choices',
    notes: 'Capacitance off (cdev = 0) so that the read conductance is meaningful; set cdev: 145.3 pF and circuit.series: 12 kOhm (the paper R_load) for the spiking neuristor. Threshold near 4 V, hold near 1 V.',
    sweep: { vSet: 6, vReset: -6, period: 1e-3, vRead: 0.1, compliance: 3e-3 },
  },
  {
    id: 'nbo2-pickett2013', model: 'mott-thermal', title: 'NbO2 Mott memristor, calibrated (Pickett-Williams structure)',
    params: { r0: 366, ea: 1200, rm: 100, tc: 1070, w: 20, beta: 0.1, cth: 2e-15, se: 1e-6, t0: 300, cdev: 0, rs: 1, taum: 1e-10 },
    citation: 'M. D. Pickett, G. Medeiros-Ribeiro, R. S. Williams, Nat. Mater. 12, 114 (2013) (structure and transition near 1070 K); parameters not published in a usable form',
    fittedTo: 'calibrated, not published: the same lumped structure with T_c = 1070 K, R_ins(300 K) = 20 kOhm, R_m = 100 Ohm, R_th = 1 MK/W and tau_th = 2 ns chosen by hand so that threshold switching occurs near 1 V and 1 mA as in the Pickett 2013 devices',
    notes: 'No Poole-Frenkel field lowering: the pre-transition NDR is purely thermal.',
    sweep: { vSet: 2, vReset: -2, period: 1e-5, vRead: 0.1, compliance: 3e-3 },
  },
];
