/**
 * VTEAM: voltage threshold adaptive memristor (Kvatinsky, Ramadan, Friedman, Kolodny,
 * IEEE TCAS-II 62, 786 (2015)); defaults of MemTorch `VTEAM.py` (models.md §3.2).
 *
 *   dx/dt = k_off (V/v_off - 1)^a_off f_off(x)     V > v_off  (> 0)
 *         = 0                                      v_on <= V <= v_off
 *         = k_on  (V/v_on - 1)^a_on  f_on(x)       V < v_on   (< 0, k_on < 0)
 *   linear I-V:      R(x) = R_on + (R_off - R_on) (x - x_on)/(x_off - x_on)
 *   exponential I-V: R(x) = R_on exp(lambda (x - x_on)/(x_off - x_on)),  lambda = ln(R_off/R_on)
 *   I = V / R(x)
 *   windows: none (f = 1) or Kvatinsky: f_off = exp(-exp((x - a_off)/w_c)),
 *                                       f_on  = exp(-exp(-(x - a_on)/w_c))
 *
 * x -> x_off is OFF; a positive voltage above v_off RESETs, a negative one below v_on SETs.
 * MemTorch clips x to [x_on, x_off] after each step; here the clip is replaced by the smooth
 * directional gate of devices/bound-gate (growth switched off near x_off, decay near x_on, width
 * `gateEps` (x_off - x_on)), so the state never sticks at a bound and nothing winds up.
 * The threshold branches are continuous (the bracket is 0 at each threshold) because
 * a_on, a_off >= 1.
 * @module devices/models/vteam
 */
import { type DeviceModel, type Preset, param, paramIndex } from '../contract.js';
import { boundGate } from '../bound-gate.js';

const MT = 'MemTorch memtorch/bh/memristor/VTEAM.py defaults (models.md §3.2)';
const KV = 'Kvatinsky et al., IEEE TCAS-II 62, 786 (2015)';
const params = [
  param('ron', 50, 'Ohm', 'resistance', 1e-3, 1e12, 'ON resistance R_on (x = x_on)', MT),
  param('roff', 1000, 'Ohm', 'resistance', 1e-3, 1e15, 'OFF resistance R_off (x = x_off)', MT),
  param('kon', -10, 'm/s', 'velocity', -1e6, 0, 'SET rate constant k_on (negative)', MT),
  param('koff', 5e-4, 'm/s', 'velocity', 0, 1e6, 'RESET rate constant k_off (positive)', MT),
  param('alphaon', 3, '1', 'dimensionless', 1, 20, 'SET exponent alpha_on', MT),
  param('alphaoff', 1, '1', 'dimensionless', 1, 20, 'RESET exponent alpha_off', MT),
  param('von', -0.2, 'V', 'voltage', -100, -1e-6, 'SET threshold v_on (negative)', MT),
  param('voff', 0.02, 'V', 'voltage', 1e-6, 100, 'RESET threshold v_off (positive)', MT),
  param('xon', 0, 'm', 'length', 0, 1e-6, 'state bound of the ON state x_on', MT),
  param('xoff', 3e-9, 'm', 'length', 1e-11, 1e-6, 'state bound of the OFF state x_off (MemTorch d)', MT),
  param('iv', 0, '1', 'dimensionless', 0, 1, 'I-V relation: linear or exponential', KV, { integer: true, choices: ['linear', 'exponential'], fixed: true }),
  param('window', 0, '1', 'dimensionless', 0, 1, 'window: none (gates only) or kvatinsky', KV, { integer: true, choices: ['none', 'kvatinsky'], fixed: true }),
  param('aon', 0, 'm', 'length', -1e-6, 1e-6, 'Kvatinsky window position a_on', 'Technion Verilog-A TEAM/VTEAM (a_on = x_on)'),
  param('aoff', 3e-9, 'm', 'length', -1e-6, 1e-6, 'Kvatinsky window position a_off', 'Technion Verilog-A TEAM/VTEAM (a_off = x_off)'),
  param('wc', 1e-10, 'm', 'length', 1e-13, 1e-6, 'Kvatinsky window width w_c', 'Technion Verilog-A TEAM/VTEAM (w_c = 0.1 nm)'),
  param('gateEps', 1e-3, '1', 'dimensionless', 1e-6, 0.1, 'width of the smooth bound gates, in units of x_off - x_on', 'nanoionics (replaces the hard clip)'),
  param('x0', 0, 'm', 'length', 0, 1e-6, 'initial state x', 'MemTorch (device starts ON at x = 0)'),
] as const;
const states = [{ name: 'x', unit: 'm', min: 0, max: 1e-6, meaning: 'state variable (undoped width; x_off = OFF)', atol: 1e-14, init: 'x0' }] as const;
const P = paramIndex(params);

/** Resistance of device j at state x. */
function resistance(p: Float64Array, n: number, j: number, x: number): number {
  const ron = p[P.ron * n + j], roff = p[P.roff * n + j], xon = p[P.xon * n + j], xoff = p[P.xoff * n + j];
  const u = (x - xon) / (xoff - xon);
  return p[P.iv * n + j] === 0 ? ron + (roff - ron) * u : ron * Math.exp(Math.log(roff / ron) * u);
}

export const vteam: DeviceModel = {
  id: 'vteam',
  title: 'VTEAM voltage-threshold memristor (Kvatinsky 2015)',
  summary: 'dx/dt = k_off (V/v_off - 1)^a_off f_off(x) for V > v_off, k_on (V/v_on - 1)^a_on f_on(x) for V < v_on, else 0; I = V / R(x) with linear or exponential R(x); smooth bound gates.',
  citation: `${KV}; parameter defaults from MemTorch (Lammie et al., Neurocomputing 485, 124 (2022))`,
  reviewLink: 'circuit-level behavioural baseline (threshold switching for crossbar and learning studies)',
  params, states,
  zeroCrossing: true,
  stiff: false,
  setPolarity: -1,
  rhs(_t, v, x, p, dx, n) {
    for (let j = 0; j < n; j++) {
      const V = v[j], xs = x[j];
      const xon = p[P.xon * n + j], xoff = p[P.xoff * n + j];
      let rate = 0;
      const voff = p[P.voff * n + j], von = p[P.von * n + j];
      const kvw = p[P.window * n + j] === 1, wc = p[P.wc * n + j];
      if (V > voff) {
        rate = p[P.koff * n + j] * Math.pow(V / voff - 1, p[P.alphaoff * n + j]);
        if (kvw) rate *= Math.exp(-Math.exp(Math.min((xs - p[P.aoff * n + j]) / wc, 700)));
      } else if (V < von) {
        rate = p[P.kon * n + j] * Math.pow(V / von - 1, p[P.alphaon * n + j]);
        if (kvw) rate *= Math.exp(-Math.exp(Math.min(-(xs - p[P.aon * n + j]) / wc, 700)));
      }
      dx[j] = boundGate(rate, xs, xon, xoff, p[P.gateEps * n + j] * (xoff - xon));
    }
  },
  current(v, x, p, i, didv, n) {
    for (let j = 0; j < n; j++) {
      const r = resistance(p, n, j, x[j]);
      i[j] = v[j] / r;
      if (didv) didv[j] = 1 / r;
    }
  },
};

export const vteamPresets: Preset[] = [
  {
    id: 'vteam-memtorch', model: 'vteam', title: 'VTEAM with MemTorch defaults',
    params: { ron: 50, roff: 1000, kon: -10, koff: 5e-4, alphaon: 3, alphaoff: 1, von: -0.2, voff: 0.02, xon: 0, xoff: '3 nm', iv: 'linear', window: 'none', x0: 0 },
    citation: MT,
    fittedTo: 'nothing measured: the default (illustrative) parameters of MemTorch VTEAM.py, whose demo is a 1 V, 50 MHz sine for 200 ns',
    notes: 'Thresholds and strongly nonlinear kinetics; no temperature, no retention loss. SET is at negative voltage.',
    sweep: { vSet: -1, vReset: 1, period: 200e-9, vRead: 0.01 },
  },
];
