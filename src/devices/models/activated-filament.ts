/**
 * Thermally activated filament cell with wear: a memory-oriented compact model whose
 * switching, retention and endurance all follow from activated ion hopping. It carries the
 * three additions that memory figures of merit need and that the drift models lack:
 * exponential field acceleration of switching (voltage-time dilemma), an Arrhenius-activated
 * relaxation of the programmed state (retention), and a wear state that grows with the charge
 * passed while switching (endurance).
 *
 *   conduction   G(w) = G_off^(1 - w) G_on^w                   (tunnel-gap-like, log-linear)
 *                I = G(w) v_nl sinh(V / v_nl)                   (v_nl -> inf: ohmic)
 *   temperature  T = T_amb + R_th |I V|                         (quasi-static Joule heating)
 *   switching    r_s = nu_s h(exp(-E_s / kT) sinh(V+ / v_s)),  r_r = nu_r h(exp(-E_r / kT) sinh(V- / v_r))
 *                V+ = max(V, 0), V- = max(-V, 0)                (SET at V > 0)
 *                h(z) = z / (1 + z): the rate saturates at the attempt frequency once the
 *                field has lowered the barrier to zero (no hop is faster than 1 / nu)
 *   retention    r_ret = nu_ret exp(-E_ret / kT)                 (zero-field filament dissolution)
 *   state        dw/dt = r_s (1 - w) - (r_r + r_ret) (w - w_floor)
 *                (first-order occupancy kinetics: w stays in [w_floor, 1] exactly, and the
 *                largest eigenvalue is the rate itself, not rate / smoothing width, so the
 *                model is not stiff; a floor rising with wear pushes w up with it)
 *   wear         dq/dt = (1 - q) |I| s(|V| - V_wear) / Q_wear,   w_floor = c_wear q
 *
 * Switching: field-lowered hopping with an activation barrier (Mott-Gurney sinh law, the
 * form of JART VCM / ECM ion hopping, Menzel et al. PCCP 15, 6945 (2013); review Section 1
 * "exponential speed-up of ion hopping with field"). Retention: the same activated hopping
 * at zero field, time constant tau_ret = exp(E_ret / kT) / nu_ret, which is what a bake
 * measures and extrapolates by Arrhenius (e.g. Lee et al., Nat. Mater. 10, 625 (2011)).
 * Wear: window closure by accumulated defects (excess vacancies / metal left in the
 * electrolyte) growing with the charge passed in switching pulses, which raises the HRS floor
 * until the device sticks in LRS (B. Chen et al., IEDM 2011 "Physical mechanisms of endurance
 * degradation in TMO-RRAM"; Y. Y. Chen et al., IEEE TED 60, 1114 (2013); both recalled, not
 * read: the functional form here is a one-parameter stand-in, not their model).
 * s(x) = (1 + tanh(x / 20 mV)) / 2, so reads below V_wear cause no wear.
 *
 * What it cannot do: gradual filament morphology, quantized conductance, volatile (diffusive)
 * switching, HRS instability / RTN, and any thermal transient (T is quasi-static).
 * @module devices/models/activated-filament
 */
import { type DeviceModel, type Preset, param, paramIndex } from '../contract.js';
import { limexp, limsinh, sstep } from '../../math/smooth.js';
import { KB_EV } from '../../units/constants.js';

const SRC = 'activated-hopping form of Menzel et al., PCCP 15, 6945 (2013); values per preset';
const params = [
  param('gon', 1e-4, 'S', 'conductance', 1e-12, 10, 'conductance of the fully formed filament (w = 1) at low bias', SRC),
  param('goff', 1e-7, 'S', 'conductance', 1e-15, 10, 'conductance of the dissolved filament (w = 0) at low bias', SRC),
  param('vnl', 0.5, 'V', 'voltage', 1e-3, 1e3, 'conduction nonlinearity voltage v_nl (I = G v_nl sinh(V / v_nl))', 'tunnel / hopping conduction, generic'),
  param('rth', 0, 'K/W', 'thermal-resistance', 0, 1e9, 'thermal resistance of the filament (Joule heating T = T_amb + R_th |IV|)', 'Stanford-PKU / JART quasi-static heating'),
  param('tamb', 300, 'K', 'temperature', 1, 1500, 'ambient temperature T_amb', 'choice of the experiment'),
  param('nuset', 1e13, '1/s', 'frequency', 0, 1e16, 'SET attempt frequency nu_s', 'phonon frequency ~1e13 Hz (JART nu0)'),
  param('easet', 1.0, 'eV', 'any', 0, 5, 'SET activation energy E_s (eV)', SRC),
  param('vset0', 0.1, 'V', 'voltage', 1e-3, 10, 'SET field-acceleration voltage v_s (sinh scale)', SRC),
  param('nureset', 1e13, '1/s', 'frequency', 0, 1e16, 'RESET attempt frequency nu_r', 'phonon frequency ~1e13 Hz'),
  param('eareset', 1.0, 'eV', 'any', 0, 5, 'RESET activation energy E_r (eV)', SRC),
  param('vreset0', 0.1, 'V', 'voltage', 1e-3, 10, 'RESET field-acceleration voltage v_r', SRC),
  param('nuret', 1e13, '1/s', 'frequency', 0, 1e16, 'retention (zero-field dissolution) attempt frequency nu_ret', 'phonon frequency ~1e13 Hz'),
  param('earet', 1.5, 'eV', 'any', 0, 5, 'retention activation energy E_ret (eV)', 'Arrhenius bakes of oxide RRAM report 1-2 eV (recalled)'),
  param('qwear', Infinity, 'C', 'charge', 1e-18, Infinity, 'switched charge that closes 63 % of the window (Infinity: no wear)', 'stand-in for endurance degradation; calibrated per preset'),
  param('vwear', 0.3, 'V', 'voltage', 0, 10, 'bias above which passed charge causes wear (reads below it do not)', 'choice: above the read voltage'),
  param('cwear', 1, '1', 'dimensionless', 0, 1, 'HRS floor reached at full wear (1: stuck in LRS)', 'stand-in'),
  param('w0', 0, '1', 'dimensionless', 0, 1, 'initial filament state', 'choice of the experiment'),
] as const;
const states = [
  { name: 'w', unit: '1', min: 0, max: 1, meaning: 'normalised filament state (0 dissolved, 1 formed)', atol: 1e-9, init: 'w0' },
  { name: 'q', unit: '1', min: 0, max: 1, meaning: 'wear fraction 1 - exp(-Q_switched / Q_wear)', atol: 1e-13, init: 0 },
] as const;
const P = paramIndex(params);
/** Width of the wear-onset smooth step, V. */
const WEAR_EPS = 0.02;

/** Current and its derivative at (V, w) for device j. */
function iv(V: number, w: number, p: Float64Array, n: number, j: number, out: Float64Array): void {
  const gon = p[P.gon * n + j], goff = p[P.goff * n + j], vnl = p[P.vnl * n + j];
  const g = goff * Math.exp(w * Math.log(gon / goff));
  const z = V / vnl;
  out[0] = g * vnl * limsinh(z);
  out[1] = g * Math.cosh(Math.min(Math.abs(z), 80));
}
const tmp = new Float64Array(2);

export const activatedFilament: DeviceModel = {
  id: 'activated-filament',
  title: 'Thermally activated filament cell with retention and wear',
  summary: 'G = G_off^(1-w) G_on^w, I = G v_nl sinh(V/v_nl); dw/dt = r_s (1-w) - (r_r + r_ret)(w - c q), r_s = nu_s h(e^(-E_s/kT) sinh(V+/v_s)), r_r likewise, r_ret = nu_ret e^(-E_ret/kT), h(z) = z/(1+z); dq/dt = (1-q)|I| s(|V|-V_wear)/Q_wear; T = T_amb + R_th |IV|.',
  citation: 'Activated ion hopping: Menzel et al., PCCP 15, 6945 (2013); JART VCM (Cueppers et al., APL Mater. 7, 091105 (2019)); wear stand-in after B. Chen et al., IEDM 2011 (recalled)',
  reviewLink: 'Introduction and Section 2: memory figures of merit (sub-ns switching, >10 y retention, >1e9 cycles, ON/OFF >1e3)',
  params, states,
  zeroCrossing: true,
  stiff: false,
  setPolarity: 1,
  rhs(_t, v, x, p, dx, n) {
    for (let j = 0; j < n; j++) {
      const V = v[j], w = x[j], q = x[n + j];
      iv(V, w, p, n, j, tmp);
      const I = tmp[0];
      const kT = KB_EV * (p[P.tamb * n + j] + p[P.rth * n + j] * Math.abs(I * V));
      const vp = V > 0 ? V : 0, vm = V < 0 ? -V : 0;
      let rs = 0, rr = 0;
      if (vp > 0) { const z = limexp(-p[P.easet * n + j] / kT) * limsinh(vp / p[P.vset0 * n + j]); rs = (p[P.nuset * n + j] * z) / (1 + z); }
      if (vm > 0) { const z = limexp(-p[P.eareset * n + j] / kT) * limsinh(vm / p[P.vreset0 * n + j]); rr = (p[P.nureset * n + j] * z) / (1 + z); }
      const rret = p[P.nuret * n + j] * limexp(-p[P.earet * n + j] / kT);
      const floor = p[P.cwear * n + j] * q;
      dx[j] = rs * (1 - w) - (rr + rret) * (w - floor);
      const qw = p[P.qwear * n + j];
      dx[n + j] = qw === Infinity ? 0 : ((1 - q) * Math.abs(I) * sstep(Math.abs(V) - p[P.vwear * n + j], WEAR_EPS)) / qw;
    }
  },
  current(v, x, p, i, didv, n) {
    for (let j = 0; j < n; j++) {
      iv(v[j], x[j], p, n, j, tmp);
      i[j] = tmp[0];
      if (didv) didv[j] = tmp[1];
    }
  },
};

export const activatedFilamentPresets: Preset[] = [
  {
    id: 'taox-vcm-memory', model: 'activated-filament', title: 'Ta/TaOx/Pt VCM cell, memory-grade (activated-filament)',
    params: { gon: 1e-4, goff: 1e-6, vnl: 0.5, rth: 5e4, nuset: 1e13, easet: 1.2, vset0: 0.04, nureset: 1e13, eareset: 1.2, vreset0: 0.042, nuret: 1e13, earet: 1.6, qwear: 1, vwear: 0.4, cwear: 1, w0: 0 },
    citation: 'targets: Lee et al., Nat. Mater. 10, 625 (2011) (>1e12 cycles, 10 ns switching); Torrezan et al., Nanotechnology 22, 485203 (2011) (~100 ps, recalled); review Zhu, Lee, Lu 2019 introduction',
    fittedTo: 'calibrated by hand so that +1.5 V SETs in ~1 ns (RESET a few ns), ON/OFF ~ 100 at 0.1 V and E_ret = 1.6 eV; not fitted to a measured curve',
    notes: 'Predicts trends (voltage-time dilemma, Arrhenius retention, wear-limited endurance) with hand-set magnitudes. The cycles-to-failure number follows from Q_wear, which is a stand-in, not a measured wear law. No RTN, no gradual SET under compliance, no thermal transients.',
    sweep: { vSet: 1.5, vReset: -1.5, period: 1e-3, vRead: 0.1 },
  },
  {
    id: 'ag-sio2-ecm-memory', model: 'activated-filament', title: 'Ag/SiO2/Pt ECM cell, memory-grade (activated-filament)',
    params: { gon: 1e-4, goff: 1e-9, vnl: 0.3, rth: 0, nuset: 1e13, easet: 0.9, vset0: 0.043, nureset: 1e13, eareset: 0.9, vreset0: 0.045, nuret: 1e13, earet: 1.2, qwear: 1e-4, vwear: 0.3, cwear: 1, w0: 0 },
    citation: 'targets: Jo & Lu, Nano Lett. 8, 392 (2008) Ag/a-Si (OFF/ON > 1e4, retention > 1e7 s, endurance > 1e6, as tabulated in measurements.md D); hopping barriers of Ag in chalcogenides/SiO2 ~0.3-1 eV (models.md 8.1)',
    fittedTo: 'calibrated by hand to ON/OFF 1e5 at 0.1 V, SET in ~10 ns at 1 V, E_ret = 1.2 eV (retention ~1e7 s at 300 K); not fitted to a measured curve',
    notes: 'Predicts the ECM trends (large ON/OFF, exponential SET kinetics, shorter retention and endurance than VCM) with hand-set magnitudes. No nucleation delay, no quantized conductance, no volatile (diffusive) regime.',
    sweep: { vSet: 1, vReset: -1, period: 1e-3, vRead: 0.1 },
  },
];
