/**
 * Electrochemical metallization (ECM) cell with electrochemical kinetics and quantized
 * contact conductance. Process chain after Menzel et al. (JART ECM v1: PCCP 15, 6945 (2013);
 * JAP 111, 014501 (2012)), models.md §8.1; quantized point contact after §8.3.
 *
 * Ionic branch (active electrode -> electrolyte -> filament tip), series processes carry one
 * ionic current I_ion; the cell voltage divides as V = eta_ac + eta_hop:
 *   Butler-Volmer:  I_BV  = j0 A_ac [exp((1-alpha) z q eta_ac/kT) - exp(-alpha z q eta_ac/kT)]
 *   ion hopping:    I_hop = 2 z q c a nu0 A_ac exp(-dW_hop/kT) sinh(a z q eta_hop/(2 kT x_e)),
 *                   x_e = x + a (field eta_hop / x_e across the gap, finite at contact)
 *   I_BV(eta_ac) = I_hop(V - eta_ac) solved for eta_ac by bracketed Newton (monotone).
 * Nucleation progress nu = 1 - exp(-int dt/t_nuc) (nucleus stable at int dt/t_nuc = 1,
 * i.e. nu = 1 - 1/e):
 *   dnu/dt = (1 - nu) r(eta_ac) - nu r(-eta_ac),  r(eta) = (exp((N_c + alpha) z q eta/kT) - 1)_+ / t_nuc0
 * Filament gap x (growth needs the nucleus, s_nuc = (1 + tanh((nu - 1 + 1/e)/0.03))/2;
 * dissolution first thins the contact, the gap opens once n < 1/2):
 *   phi = I_ion/(z q)  (atoms/s),   dx/dt = -Omega phi / A_fil * (phi > 0 ? s_nuc : s(1/2 - n))
 * Contact channels n (atom-thin filament, one channel per n_atom deposited atoms at contact):
 *   dn/dt = phi c_t / n_atom,  c_t = t^2 (growth, in contact), 1 (dissolution)
 * Electronic branch (in parallel with the ionic one, which carries negligible current):
 *   t = exp(-2 kappa (x - x_lo)),  kappa = sqrt(2 m* dW_0)/hbar      (WKB tunnelling, 1 G0 at contact)
 *   I = V [G_leak + G0 (t + Q(Q(n)))],  Q(n) = n - sin(2 pi n)/(2 pi),  G0 = 2 q^2/h
 *   Q(Q(n)) is a smooth staircase, flat to third order at every integer: the conductance dwells
 *   at (1 + k) G0 while k channels are open and moves quickly between plateaus.
 * x, n are held in [x_lo, L], [0, n_max] by the directional gates of devices/bound-gate.
 * quantize = 'stochastic': n is an integer changed only by the `jump` hook: after an accepted
 * step [t0, t1] it moves by k ~ Poisson(|dn/dt| (t1 - t0)) channels in the sign of dn/dt
 * (rate evaluated at t1; step-consistent as the integrator's steps resolve the rate), so G
 * sits exactly on (1 + n) G0 at contact and jumps between plateaus.
 * No emf (nanobattery) term: I = 0 at V = 0. SET at positive voltage on the active electrode.
 * @module devices/models/ecm-kinetic
 */
import { type DeviceModel, type Preset, param, paramIndex } from '../contract.js';
import { limexp, limsinh, sstep } from '../../math/smooth.js';
import { G0, HBAR, KB, ME, Q } from '../../units/constants.js';
import { boundGate } from '../bound-gate.js';

const M = 'Menzel et al., PCCP 15, 6945 (2013) (process chain; parameter classes of models.md §8.1)';
const CAL = 'calibrated by hand (no published parameter table retrieved; models.md §13)';
const params = [
  param('z', 1, '1', 'dimensionless', 1, 4, 'charge number of the mobile cation (Ag+ 1, Cu2+ 2)', M),
  param('alpha', 0.5, '1', 'dimensionless', 0.01, 0.99, 'charge-transfer coefficient alpha', `${M}: 0.3-0.5`),
  param('j0', 1e-2, 'A/m^2', 'current-density', 1e-10, 1e10, 'exchange current density j0 of the redox reaction', CAL),
  param('rac', 10e-9, 'm', 'length', 1e-10, 1e-5, 'radius of the active ionic area (electrode and hopping)', CAL),
  param('cion', 1e26, 'm^-3', 'density', 1e18, 1e29, 'mobile-ion concentration c', CAL),
  param('a', 0.25e-9, 'm', 'length', 1e-11, 1e-8, 'ion hopping distance a', `${M}: ~0.25 nm`),
  param('nu0', 1e13, 'Hz', 'frequency', 1e6, 1e16, 'attempt frequency nu0', `${M}: ~1e13 Hz`),
  param('dwhop', 0.5 * Q, 'J', 'energy', 0, 3 * Q, 'hopping barrier dW_hop', CAL),
  param('temp', 300, 'K', 'temperature', 1, 2000, 'device temperature (no self-heating)', 'choice of the experiment'),
  param('tnuc0', 1e3, 's', 'time', 1e-12, 1e20, 'nucleation time at zero overpotential t_0 exp(dG_nuc/kT)', CAL),
  param('nc', 3, '1', 'dimensionless', 0, 50, 'critical nucleus size N_c (atoms)', CAL),
  param('omega', 1.71e-29, 'm^3', 'any', 1e-31, 1e-27, 'atomic volume M/(rho N_A) of the filament metal (Ag 1.71e-29, Cu 1.18e-29)', 'CRC handbook densities'),
  param('rfil', 1e-9, 'm', 'length', 1e-10, 1e-6, 'filament tip radius (growth area A_fil)', CAL),
  param('len', 10e-9, 'm', 'length', 1e-10, 1e-5, 'electrolyte thickness L (largest gap)', CAL),
  param('xlo', 1e-12, 'm', 'length', 0, 1e-9, 'smallest gap x_lo (contact)', 'nanoionics'),
  param('xEps', 2e-11, 'm', 'length', 1e-14, 1e-9, 'width of the gap-bound gates', 'nanoionics'),
  param('dw0', 1 * Q, 'J', 'energy', 0.01 * Q, 10 * Q, 'tunnelling barrier height dW_0', `${M}: a few eV`),
  param('mstar', ME, 'kg', 'mass', 1e-33, 1e-28, 'tunnelling effective mass m*', 'free electron'),
  param('gleak', 1e-9, 'S', 'conductance', 0, 1, 'parallel leakage conductance of the electrolyte', CAL),
  param('natom', 20, '1', 'dimensionless', 1e-3, 1e9, 'deposited atoms per additional conduction channel', CAL),
  param('nmax', 200, '1', 'dimensionless', 1, 1e6, 'largest number of contact channels', CAL),
  param('x0', 10e-9, 'm', 'length', 0, 1e-5, 'initial gap', CAL),
  param('quantize', 0, '1', 'dimensionless', 0, 1, "contact channels: 'smooth' (continuous n, staircase conductance) or 'stochastic' (integer n, +-1 Poisson events)", 'models.md §8.3 (discrete-event implementation)', { integer: true, choices: ['smooth', 'stochastic'], fixed: true }),
] as const;
const states = [
  { name: 'x', unit: 'm', min: 0, max: 1e-5, meaning: 'tunnelling gap between filament tip and counter electrode', atol: 1e-14, init: 'x0' },
  { name: 'n', unit: '1', min: 0, max: 1e6, meaning: 'open conduction channels of the contact (beyond the tip atom)', atol: 1e-6, init: 0 },
  { name: 'nu', unit: '1', min: 0, max: 1, meaning: 'nucleation progress 1 - exp(-int dt/t_nuc)', atol: 1e-6, init: 0 },
] as const;
const P = paramIndex(params);
const NUC = 1 - Math.exp(-1);
const TWO_PI = 2 * Math.PI;

/** Smooth staircase Q(n) = n - sin(2 pi n)/(2 pi). */
function stair(n: number): number { return n - Math.sin(TWO_PI * n) / TWO_PI; }

/** Electronic conductance of device j. */
function conductance(p: Float64Array, n: number, j: number, x: number, nc: number): number {
  const kappa = Math.sqrt(2 * p[P.mstar * n + j] * p[P.dw0 * n + j]) / HBAR;
  const t = Math.exp(-2 * kappa * Math.max(x - p[P.xlo * n + j], 0));
  return p[P.gleak * n + j] + G0 * (t + stair(stair(Math.max(nc, 0))));
}

let sEta = 0;
/** Ionic current through BV + hopping in series at cell voltage V (sets sEta = eta_ac). */
function ionic(p: Float64Array, n: number, j: number, V: number, x: number): number {
  const kT = KB * p[P.temp * n + j], z = p[P.z * n + j], al = p[P.alpha * n + j];
  const rac = p[P.rac * n + j], area = Math.PI * rac * rac;
  const kbv = p[P.j0 * n + j] * area, f = (z * Q) / kT;
  const a = p[P.a * n + j];
  const khop = 2 * z * Q * p[P.cion * n + j] * a * p[P.nu0 * n + j] * area * Math.exp(-p[P.dwhop * n + j] / kT);
  const b = (a * z * Q) / (2 * kT * (x + a));
  let lo = Math.min(0, V), hi = Math.max(0, V), e = 0.5 * V;
  let ib = 0;
  for (let it = 0; it < 100; it++) {
    const e1 = limexp((1 - al) * f * e), e2 = limexp(-al * f * e);
    ib = kbv * (e1 - e2);
    const ih = khop * limsinh(b * (V - e));
    const F = ib - ih;
    if (F === 0) break;
    if (F > 0) hi = e; else lo = e;
    const dF = kbv * f * ((1 - al) * e1 + al * e2) + khop * b * Math.cosh(Math.min(Math.abs(b * (V - e)), 700));
    let en = e - F / dF;
    if (!(en > lo && en < hi)) en = 0.5 * (lo + hi);
    const done = Math.abs(en - e) <= 1e-13 + 1e-10 * Math.abs(e) || hi - lo <= 1e-14;
    e = en;
    if (done) break;
  }
  sEta = e;
  return kbv * (limexp((1 - al) * f * e) - limexp(-al * f * e));
}

export const ecmKinetic: DeviceModel = {
  id: 'ecm-kinetic',
  title: 'ECM cell: Butler-Volmer redox, ion hopping, nucleation, tunnelling gap, quantized contact',
  summary: 'Ionic current from Butler-Volmer and sinh hopping in series; nucleation progress; gap dx/dt = -Omega I_ion/(z q A_fil); contact channels n; I = V [G_leak + G0 (exp(-2 kappa x) + Q(Q(n)))] with a smooth staircase Q at integer multiples of G0.',
  citation: 'S. Menzel et al., PCCP 15, 6945 (2013); S. Menzel, U. Boettger, R. Waser, JAP 111, 014501 (2012); quantized point contact: Miranda & Sune (models.md §8.3)',
  reviewLink: 'Ag/Cu ECM cells (Fig. 1, Fig. 13a,b): cation filaments, SET kinetics, quantized conductance',
  params, states,
  zeroCrossing: true,
  stiff: true, // nucleation rates grow like exp(30 eta/V): fast, stiff transients
  setPolarity: 1,
  rhs(_t, v, x, p, dx, n) {
    for (let j = 0; j < n; j++) {
      const V = v[j], xs = x[j], nc = x[n + j], nu = x[2 * n + j];
      const iion = ionic(p, n, j, V, xs);
      const kT = KB * p[P.temp * n + j], z = p[P.z * n + j];
      const k = ((p[P.nc * n + j] + p[P.alpha * n + j]) * z * Q) / kT;
      const t0 = p[P.tnuc0 * n + j];
      const rp = sEta > 0 ? (limexp(k * sEta) - 1) / t0 : 0;
      const rm = sEta < 0 ? (limexp(-k * sEta) - 1) / t0 : 0;
      dx[2 * n + j] = (1 - nu) * rp - nu * rm;
      const phi = iion / (z * Q);
      const rf = p[P.rfil * n + j];
      const kappa = Math.sqrt(2 * p[P.mstar * n + j] * p[P.dw0 * n + j]) / HBAR;
      const xlo = p[P.xlo * n + j];
      let vx: number, vn: number;
      if (phi > 0) {
        vx = (-p[P.omega * n + j] * phi) / (Math.PI * rf * rf) * sstep(nu - NUC, 0.03);
        const t = Math.exp(-2 * kappa * Math.max(xs - xlo, 0));
        vn = (phi * t * t) / p[P.natom * n + j];
      } else {
        vx = ((-p[P.omega * n + j] * phi) / (Math.PI * rf * rf)) * sstep(0.5 - nc, 0.1);
        vn = phi / p[P.natom * n + j];
      }
      dx[j] = boundGate(vx, xs, xlo, p[P.len * n + j], p[P.xEps * n + j]);
      dx[n + j] = p[P.quantize * n + j] === 1 ? 0 : boundGate(vn, nc, 0, p[P.nmax * n + j], 0.05);
    }
  },
  current(v, x, p, i, didv, n) {
    for (let j = 0; j < n; j++) {
      const g = conductance(p, n, j, x[j], x[n + j]);
      i[j] = v[j] * g;
      if (didv) didv[j] = g;
    }
  },
  jump(t0, t1, v, x, p, rng, n) {
    let changed = false;
    for (let j = 0; j < n; j++) {
      if (p[P.quantize * n + j] !== 1) continue;
      const phi = ionic(p, n, j, v[j], x[j]) / (p[P.z * n + j] * Q);
      let r = phi / p[P.natom * n + j];
      if (phi > 0) {
        const kappa = Math.sqrt(2 * p[P.mstar * n + j] * p[P.dw0 * n + j]) / HBAR;
        const t = Math.exp(-2 * kappa * Math.max(x[j] - p[P.xlo * n + j], 0));
        r *= t * t;
      }
      const lam = Math.abs(r) * (t1 - t0);
      if (!(lam > 0)) continue;
      const k = rng.poisson(lam);
      if (k === 0) continue;
      const nc = x[n + j] + (r > 0 ? k : -k);
      x[n + j] = nc < 0 ? 0 : Math.min(nc, Math.floor(p[P.nmax * n + j]));
      changed = true;
    }
    return changed;
  },
  outputs: [{ name: 'gG0', unit: '1', meaning: 'electronic conductance in units of G0 = 2e^2/h' }, { name: 'iion', unit: 'A', meaning: 'ionic current' }],
  outputsAt(v, x, p, out, n) {
    for (let j = 0; j < n; j++) {
      out[j] = conductance(p, n, j, x[j], x[n + j]) / G0;
      out[n + j] = ionic(p, n, j, v[j], x[j]);
    }
  },
};

export const ecmKineticPresets: Preset[] = [
  {
    id: 'ag-sio2-pt', model: 'ecm-kinetic', title: 'Ag/SiO2/Pt ECM cell (calibrated)',
    params: {},
    citation: `${M}; review Fig. 1 and Fig. 13a`,
    fittedTo: 'calibrated by hand, no published parameter set: SET near +0.3 to +0.6 V and RESET at small negative voltage in a 1 s triangular sweep with 100 uA compliance, ON/OFF > 1e3 (measurements.md D)',
    notes: 'Menzel parameter classes (alpha 0.5, a 0.25 nm, nu0 1e13 Hz); j0, dW_hop, t_nuc0, areas chosen by hand.',
    sweep: { vSet: 1, vReset: -1, period: 1, vRead: 0.05, compliance: 100e-6 },
  },
  {
    id: 'nb-zno-pt-quantized', model: 'ecm-kinetic', title: 'Nb/ZnO/Pt atom-thin filament with quantized conductance (calibrated)',
    params: { natom: 200, gleak: 1e-8, len: 5e-9, x0: 5e-9 },
    citation: 'review ref. [99] (quantized conductance in Nb/ZnO/Pt; measurements.md B4)',
    fittedTo: 'calibrated by hand to show conductance plateaus at n G0 under weak programming (compliance of a few G0); no published kinetic parameters',
    notes: 'Slow channel opening (200 atoms per channel) so that plateaus at 1, 2, 3 ... G0 are resolved.',
    sweep: { vSet: 1, vReset: -1, period: 1, vRead: 0.05, compliance: 20e-6 },
  },
  {
    id: 'cu-sio2-ecm', model: 'ecm-kinetic', title: 'Cu/SiO2 ECM cell (calibrated)',
    params: { z: 2, omega: 1.18e-29, dwhop: 0.6 * Q, tnuc0: 1e4 },
    citation: `${M}; JART ECM v1 var validated on Cu/SiO2/W (doi:10.26165/JUELICH-DATA/WHSSZA)`,
    fittedTo: 'calibrated by hand: Cu2+ (z = 2), Cu atomic volume, higher hopping barrier than Ag so that SET needs a higher voltage; no published parameter table',
    sweep: { vSet: 1.5, vReset: -1.5, period: 1, vRead: 0.05, compliance: 100e-6 },
  },
];
