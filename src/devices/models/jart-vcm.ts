/**
 * JART VCM v1b (Juelich Aachen Resistive switching Tools), valence-change filament with an
 * oxygen-vacancy disc, a Schottky contact and a quasi-static local temperature
 * (Cueppers et al., APL Mater. 7, 091105 (2019); Bengel et al., IEEE TCAS-I 67, 4618 (2020));
 * equations as verified from two public ports in models.md §5.2.
 *
 * Series chain: Schottky contact (V_S) -> disc (l_disc, N_disc) -> plug (l_cell - l_disc, N_plug)
 * -> series resistance. State N = N_disc / (1e26 m^-3). A = pi r^2.
 *   R_disc = l_disc/(z q mu N A),  R_plug = (l_cell - l_disc)/(z q mu N_plug A)
 *   R_ser  = R_TiOx + R0 (1 + alpha_line R0 I^2 R_th,line)
 *   barrier: psi = phi_Bn0 - phi_n - V_S, smoothed psi_s = softplus(psi, eps) + eps (§5.5: the
 *            fourth root has infinite slope at psi -> 0), dphi = [q^3 z N psi_s/(8 pi^2 eps_phiB^3)]^(1/4),
 *            phi_Bn = softplus(phi_Bn0 - dphi, 1 mV)                        (>= 0, smooth)
 *   V_S >= 0: I = A A* T^2 exp(-q phi_Bn/kT) (exp(q V_S/kT) - 1)              (thermionic)
 *   V_S <  0: W00 = (q h/4 pi) sqrt(z N/(m* eps)), W0 = W00/tanh(W00/kT),
 *             eps' = W00/(W00/kT - tanh(W00/kT)),
 *             I = -A (A* T/kB) sqrt(pi W00 q (|V_S| + phi_Bn/cosh^2(W00/kT))) exp(-q phi_Bn/W0) (exp(q|V_S|/eps') - 1)
 *   Kirchhoff: V = V_S + I (R_disc + R_plug + R_ser(I)), solved for V_S by bracketed Newton
 *   temperature (quasi-static): T = T0 + I (V_S + I (R_disc + R_plug)) R_th,eff,
 *             R_th,eff = R_th0 (r_det/r)^2 (SET, V < 0), times R_th,scale (RESET),
 *             solved for T by a bracketed secant (Illinois) outside the V_S solve; T <= T0 + 3000 K
 *             (thermal runaway beyond is reported as T0 + 3000 K).
 *   field:    SET E = I R_disc / l_disc;  RESET E = (V_S + I (R_disc + R_plug)) / l_cell
 *   ions:     gamma = min(z a |E| / (pi dW_a), 1)   (clamp: sqrt/asin domain, §5.5)
 *             dW_min = dW_a [sqrt(1-gamma^2) - gamma pi/2 + gamma asin(gamma)],  dW_max: + gamma pi/2
 *             I_ion = sign(E) z q c a nu0 A [exp(-dW_min/kT) - exp(-dW_max/kT)] F_lim, c = (N_plug + N)/2
 *             F_lim = 1 - (N/N_max)^10 (SET),  1 - (N_min/N)^10 (RESET)    (smooth, self-bounding)
 *   state:    dN/dt = -I_ion / (A l_disc q z)  (in 1e26 m^-3 / s)
 * SET at negative active-electrode voltage (setPolarity -1). No allocation: the internal
 * solves use module-level scalars.
 * @module devices/models/jart-vcm
 */
import { type DeviceModel, type Preset, param, paramIndex } from '../contract.js';
import { limexp, softplus } from '../../math/smooth.js';
import { EPS0, H, KB, ME, Q } from '../../units/constants.js';

const J = 'JART VCM v1b defaults, HfO2/TiOx (Cueppers et al. 2019; models.md §5.2)';
const params = [
  param('t0', 293, 'K', 'temperature', 1, 1000, 'ambient temperature T0', J),
  param('astar', 6.01e5, 'A/(m^2 K^2)', 'any', 0, 1e8, 'effective Richardson constant A*', J),
  param('epsr', 17, '1', 'dimensionless', 1, 1000, 'static relative permittivity', J),
  param('epsphib', 5.5, '1', 'dimensionless', 1, 1000, 'relative permittivity for image-force lowering', J),
  param('phibn0', 0.18 * Q, 'J', 'energy', 0, 2 * Q, 'nominal Schottky barrier phi_Bn0 (0.1-0.5 eV)', J),
  param('phin', 0.1 * Q, 'J', 'energy', 0, 2 * Q, 'Fermi level to conduction band phi_n (0.1-0.3 eV)', J),
  param('mun', 4e-6, 'm^2/(V s)', 'mobility', 1e-12, 1, 'electron mobility mu_n', J),
  param('zvo', 2, '1', 'dimensionless', 1, 4, 'charge number of an oxygen vacancy', J),
  param('nmax', 20, '1e26/m^3', 'dimensionless', 0.1, 1000, 'largest disc concentration N_max', J),
  param('nmin', 0.008, '1e26/m^3', 'dimensionless', 1e-5, 10, 'smallest disc concentration N_min', J),
  param('nplug', 20, '1e26/m^3', 'dimensionless', 1e-3, 1000, 'plug concentration N_plug', J),
  param('a', 0.25e-9, 'm', 'length', 1e-11, 1e-8, 'ion hopping distance a', J),
  param('nu0', 2e13, 'Hz', 'frequency', 1e6, 1e16, 'attempt frequency nu0', J),
  param('dwa', 1.35 * Q, 'J', 'energy', 0.1 * Q, 5 * Q, 'ion migration barrier dW_a (0.8-1.5 eV)', J),
  param('rth0', 1.572e7, 'K/W', 'thermal-resistance', 0, 1e10, 'thermal resistance R_th0', J),
  param('rdet', 45e-9, 'm', 'length', 1e-10, 1e-6, 'reference filament radius r_det of R_th0', J),
  param('r', 45e-9, 'm', 'length', 1e-10, 1e-6, 'filament radius r (40.5-49.5 nm in the var model)', J),
  param('lcell', 3e-9, 'm', 'length', 1e-10, 1e-6, 'cell (oxide) length l_cell', J),
  param('ldisc', 0.4e-9, 'm', 'length', 1e-11, 1e-6, 'disc length l_disc (0.36-0.44 nm in the var model)', J),
  param('rthScale', 0.27, '1', 'dimensionless', 0, 10, 'R_th scale in RESET', J),
  param('rtiox', 650, 'Ohm', 'resistance', 0, 1e9, 'TiOx series resistance', J),
  param('r0', 719.24, 'Ohm', 'resistance', 0, 1e9, 'line resistance R0 at T0', J),
  param('rthline', 90471, 'K/W', 'thermal-resistance', 0, 1e10, 'line thermal resistance (as coded)', J),
  param('alphaline', 3.92e-3, '1/K', 'any', 0, 1, 'temperature coefficient of the line resistance', J),
  param('mstar', ME, 'kg', 'mass', 1e-33, 1e-28, 'effective electron mass m* (free electron)', J),
  param('psiEps', 1e-3, 'V', 'voltage', 1e-6, 0.1, 'smoothing of the barrier-lowering argument psi', 'nanoionics (models.md §5.5 suggestion)'),
  param('n0', 0.008, '1e26/m^3', 'dimensionless', 1e-5, 1000, 'initial disc concentration (HRS = N_min)', J),
] as const;
const states = [{ name: 'ndisc', unit: '1e26/m^3', min: 0, max: 1000, meaning: 'oxygen-vacancy concentration in the disc', atol: 1e-7, init: 'n0' }] as const;
const P = paramIndex(params);
const T_CAP = 3000;

// scratch of the internal solve (module level: no allocation per call)
let sI = 0, sVS = 0, sT = 0, sRd = 0, sRp = 0;

/** Schottky current at contact voltage vs, temperature T (device j, disc concentration N in m^-3). */
function schottky(p: Float64Array, n: number, j: number, vs: number, T: number, N: number, area: number): number {
  const z = p[P.zvo * n + j];
  const kT = KB * T, vt = kT / Q;
  const eps = p[P.psiEps * n + j];
  const psi = softplus((p[P.phibn0 * n + j] - p[P.phin * n + j]) / Q - vs, eps) + eps;
  const ephi = p[P.epsphib * n + j] * EPS0;
  const dphi = Math.pow((Q * Q * Q * z * N * psi) / (8 * Math.PI * Math.PI * ephi * ephi * ephi), 0.25);
  const phib = softplus(p[P.phibn0 * n + j] / Q - dphi, 1e-3); // V
  const astar = p[P.astar * n + j];
  if (vs >= 0) return area * astar * T * T * Math.exp(-phib / vt) * (limexp(vs / vt) - 1);
  const w00 = ((Q * H) / (4 * Math.PI)) * Math.sqrt((z * N) / (p[P.mstar * n + j] * p[P.epsr * n + j] * EPS0));
  const xw = w00 / kT, th = Math.tanh(xw);
  const w0 = w00 / th;
  const dx = xw - th;
  const ep = dx > 1e-12 ? w00 / dx : (3 * kT) / (xw * xw); // x - tanh x ~ x^3/3
  const ch = Math.cosh(Math.min(xw, 700));
  const s = Math.sqrt(Math.PI * w00 * Q * (-vs + phib / (ch * ch)));
  return -area * ((astar * T) / KB) * s * Math.exp((-Q * phib) / w0) * (limexp((-Q * vs) / ep) - 1);
}

/** Kirchhoff residual pieces: solve V = V_S + I (R_d + R_p + R_ser(I)) for V_S at temperature T. */
function solveVs(p: Float64Array, n: number, j: number, V: number, T: number, N: number, area: number, guess: number): number {
  const rdp = sRd + sRp, rtiox = p[P.rtiox * n + j], r0 = p[P.r0 * n + j], k = p[P.alphaline * n + j] * r0 * p[P.rthline * n + j];
  let lo = Math.min(0, V), hi = Math.max(0, V);
  let x = guess > lo && guess < hi ? guess : 0.5 * (lo + hi);
  for (let it = 0; it < 100; it++) {
    const i = schottky(p, n, j, x, T, N, area);
    const f = x + i * (rdp + rtiox + r0 * (1 + k * i * i)) - V;
    sI = i;
    if (f === 0) return x;
    if (f > 0) hi = x; else lo = x;
    const h = 1e-7 * (1e-3 + Math.abs(x));
    const di = (schottky(p, n, j, x + h, T, N, area) - i) / h;
    const df = 1 + di * (rdp + rtiox + r0 * (1 + 3 * k * i * i));
    let xn = df > 0 ? x - f / df : NaN;
    if (!(xn > lo && xn < hi)) xn = 0.5 * (lo + hi);
    if (Math.abs(xn - x) <= 1e-12 + 1e-10 * Math.abs(x) || hi - lo <= 1e-13) { x = xn; break; }
    x = xn;
  }
  sI = schottky(p, n, j, x, T, N, area);
  return x;
}

/** Solve the cell of device j at voltage V: sets sI, sVS, sT, sRd, sRp. */
function solveCell(p: Float64Array, n: number, j: number, V: number, Nn: number): void {
  const N = Math.max(Nn, 1e-9) * 1e26;
  const r = p[P.r * n + j], area = Math.PI * r * r;
  const zqmA = p[P.zvo * n + j] * Q * p[P.mun * n + j] * area;
  const ld = p[P.ldisc * n + j];
  sRd = ld / (zqmA * N);
  sRp = (p[P.lcell * n + j] - ld) / (zqmA * p[P.nplug * n + j] * 1e26);
  const t0 = p[P.t0 * n + j];
  const rd = p[P.rdet * n + j] / r;
  const rth = p[P.rth0 * n + j] * rd * rd * (V < 0 ? 1 : p[P.rthScale * n + j]);
  // h(T) = T - T0 - R_th P(T), P = I (V_S + I (R_d + R_p)) >= 0
  let vs = solveVs(p, n, j, V, t0, N, area, 0.5 * V);
  let ha = -rth * sI * (vs + sI * (sRd + sRp));
  if (!(-ha > 1e-6)) { sVS = vs; sT = t0; return; }
  let a = t0, b = Math.min(t0 - 2 * ha, t0 + T_CAP), hb = 0;
  for (let k = 0; k < 60; k++) {
    vs = solveVs(p, n, j, V, b, N, area, vs);
    hb = b - t0 - rth * sI * (vs + sI * (sRd + sRp));
    if (hb >= 0 || b >= t0 + T_CAP) break;
    a = b; ha = hb; b = Math.min(t0 + 2 * (b - t0), t0 + T_CAP);
  }
  if (hb < 0) { sVS = vs; sT = b; return; } // thermal runaway: capped
  let side = 0;
  let T = b;
  for (let k = 0; k < 80; k++) {
    T = (a * hb - b * ha) / (hb - ha);
    vs = solveVs(p, n, j, V, T, N, area, vs);
    const hT = T - t0 - rth * sI * (vs + sI * (sRd + sRp));
    if (Math.abs(hT) < 1e-6 || b - a < 1e-9 * T) break;
    if (hT > 0) { b = T; hb = hT; if (side === 1) ha *= 0.5; side = 1; } else { a = T; ha = hT; if (side === -1) hb *= 0.5; side = -1; }
  }
  sVS = vs; sT = T;
}

export const jartVcm: DeviceModel = {
  id: 'jart-vcm',
  title: 'JART VCM v1b: oxygen-vacancy disc, Schottky contact, quasi-static temperature',
  summary: 'Schottky contact + disc + plug + series R solved internally for V_S; T = T0 + P R_th; dN_disc/dt = -I_ion/(A l_disc q z) with field-lowered hopping (gamma clamp) and F_lim bounds; SET at negative voltage.',
  citation: 'C. Bengel et al., IEEE TCAS-I 67, 4618 (2020); F. Cueppers et al., APL Mater. 7, 091105 (2019); JART VCM v1b, doi:10.26165/JUELICH-DATA/TQOP7I',
  reviewLink: 'VCM physics-based compact model: oxygen-vacancy filaments, Schottky interface, Joule heating',
  params, states,
  zeroCrossing: true,
  stiff: true, // F_lim with exponent 10 and thermal runaway give fast transients
  setPolarity: -1,
  rhs(_t, v, x, p, dx, n) {
    for (let j = 0; j < n; j++) {
      const V = v[j], N = x[j];
      solveCell(p, n, j, V, N);
      const I = sI;
      const E = V < 0 ? (I * sRd) / p[P.ldisc * n + j] : (sVS + I * (sRd + sRp)) / p[P.lcell * n + j];
      const z = p[P.zvo * n + j], dwa = p[P.dwa * n + j], a = p[P.a * n + j];
      const kT = KB * sT;
      const gam = Math.min((z * a * Math.abs(E)) / (Math.PI * (dwa / Q)), 1);
      const base = Math.sqrt(1 - gam * gam) + gam * Math.asin(gam);
      const dwmin = dwa * (base - (gam * Math.PI) / 2), dwmax = dwa * (base + (gam * Math.PI) / 2);
      const r = p[P.r * n + j], area = Math.PI * r * r;
      const c = 0.5 * (p[P.nplug * n + j] + N) * 1e26;
      const flim = E < 0 ? 1 - Math.pow(N / p[P.nmax * n + j], 10) : 1 - Math.pow(p[P.nmin * n + j] / Math.max(N, 1e-12), 10);
      const iion = Math.sign(E) * z * Q * c * a * p[P.nu0 * n + j] * area * (Math.exp(-dwmin / kT) - Math.exp(-dwmax / kT)) * flim;
      dx[j] = -iion / (area * p[P.ldisc * n + j] * Q * z) / 1e26;
    }
  },
  current(v, x, p, i, didv, n) {
    for (let j = 0; j < n; j++) {
      const V = v[j];
      if (V === 0) { i[j] = 0; if (didv) didv[j] = slope(p, n, j, x[j]); continue; }
      solveCell(p, n, j, V, x[j]);
      i[j] = sI;
      if (didv) didv[j] = V !== 0 && sI / V > 0 ? sI / V : slope(p, n, j, x[j]);
    }
  },
  outputs: [{ name: 'temp', unit: 'K', meaning: 'quasi-static filament temperature' }, { name: 'vschottky', unit: 'V', meaning: 'voltage across the Schottky contact' }],
  outputsAt(v, x, p, out, n) {
    for (let j = 0; j < n; j++) { solveCell(p, n, j, v[j], x[j]); out[j] = sT; out[n + j] = sVS; }
  },
};

/** Small-signal conductance at V = 0 (a Newton slope for the circuit solver; secant elsewhere). */
function slope(p: Float64Array, n: number, j: number, N: number): number {
  solveCell(p, n, j, 1e-6, N);
  return Math.max(sI / 1e-6, 1e-15);
}

export const jartVcmPresets: Preset[] = [
  {
    id: 'jart-hfo2-cuppers2019', model: 'jart-vcm', title: 'JART VCM v1b, Pt/HfO2/TiOx/Ti (Cueppers 2019)',
    params: {},
    citation: J,
    fittedTo: 'the default parameter set of JART VCM v1b (fitted by its authors to HfO2/TiOx devices, Cueppers et al. 2019); not re-fitted here',
    notes: 'SET at negative voltage, gradual RESET at positive voltage; D2D/C2C: rDtod, ldiscDtod, nmaxC2c, nminC2c (ranges in models.md §5.3).',
    sweep: { vSet: -1.2, vReset: 1.5, period: 2, vRead: -0.2 },
  },
];
