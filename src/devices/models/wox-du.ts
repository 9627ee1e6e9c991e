/**
 * Second-order WOx memristor with a fast mobility-enhancement state (Du, Ma, Chang,
 * Sheridan, Lu, Adv. Funct. Mater. 25, 4290 (2015)); review Section 3.2, Fig. 6 (PPF, SRDP,
 * STDP from internal dynamics).
 *
 *   I     = (1 - c) alpha [1 - exp(-beta V)] + c gamma sinh(delta V)          (rectifying Schottky + tunnelling paths)
 *   dc/dt = lambda (1 + kappa m) sinh(rho V) a(c) * gate_c  -  (c - c_min) / tau_c  (drift, enhanced by m; slow relaxation)
 *   a(c)  = 1 - c^q when the drift grows c, 1 - (1 - c)^q_s when it shrinks c  (crowding near full / empty)
 *   dm/dt = nu_m (cosh(rho_m V) - 1) (1 - m)  -  m / tau_m                   (activation by any pulse, decay in ms)
 *
 * c in [0, 1] is the area fraction of the VO-rich (tunnelling) region, the long-term weight;
 * m in [0, 1) is the transient enhancement of the VO mobility after a spike (the "Ca2+-like"
 * second state of the paper). The growth slows as the region fills: identical potentiating
 * pulses give decreasing increments (a saturating pulse response) and c approaches 1
 * without reaching it, while at the small c of the PPF experiments a(c) = 1 - c^q ~ 1
 * leaves the pulse response history-free apart from m. Shrinkage is crowded only close to
 * empty (q_s = 40: a(0.1) = 0.985; a factor with q_s = q would make depression several
 * times weaker than potentiation at the c ~ 0.1 of the preset and break the STDP symmetry).
 * The directional wall of math/smooth (gate_c) is a safeguard at both bounds. The drift is multiplied by (1 + kappa m), as
 * models.md Section 6.2 suggests for the paper's mobility-enhanced drift; the third-party
 * HSPICE coding (aguirref/memristive_ANN_sim) instead lets m accelerate the decay of c. The
 * activation (cosh - 1) is even and smooth in V: the mobility enhancement comes from the
 * local heating / structural excitation of any pulse, whatever its sign.
 *
 * A second pulse arriving before m has decayed drifts c further than the first: paired-pulse
 * facilitation PPF = dG2 / dG1 > 1, falling to 1 on the time scale tau_m; a train at a high
 * rate accumulates m and gives the larger weight change (SRDP). Nothing in the equations
 * knows about pulses: the plasticity is the ODE's own response.
 * @module devices/models/wox-du
 */
import { type DeviceModel, type Preset, param, paramIndex } from '../contract.js';
import { woxCurrent, woxConductance } from '../wox-conduction.js';
import { limexp, limsinh, wall } from '../../math/smooth.js';
import { powi } from '../../math/powi.js';

const DU = 'Du et al., Adv. Funct. Mater. 25, 4290 (2015)';
const AG = 'aguirref/memristive_ANN_sim univ_michigan_chaodu_HSPICE_C2.sp (third-party Du model), via models.md 6.2';
const CAL = 'calibrated by hand to the PPF band of measurements.md A2 (1.4 V / 1 ms pulses)';
const params = [
  param('alpha', 2e-7, 'A', 'current', 0, 1, 'Schottky-path current prefactor alpha', AG),
  param('beta', 2.1, '1/V', 'any', 0, 100, 'Schottky-path voltage scale beta', AG),
  param('gamma', 1e-4, 'A', 'current', 0, 1, 'tunnelling-path current prefactor gamma', AG),
  param('delta', 1.35, '1/V', 'any', 0, 100, 'tunnelling-path voltage scale delta', AG),
  param('lambda', 2.2e-3, '1/s', 'frequency', 0, 1e12, 'drift rate prefactor lambda', CAL),
  param('rho', 6, '1/V', 'any', 0, 100, 'drift voltage scale rho (exponential field acceleration)', CAL),
  param('tauC', 30, 's', 'time', 1e-6, 1e12, 'relaxation time of c toward c_min (long-term retention)', CAL),
  param('cMin', 0.001, '1', 'dimensionless', 0, 1, 'resting value of c', AG),
  param('kappa', 6, '1', 'dimensionless', 0, 1e4, 'drift enhancement per unit of m (mobility enhancement)', CAL),
  param('nuM', 0.3, '1/s', 'frequency', 0, 1e15, 'activation rate prefactor of m', CAL),
  param('rhoM', 6, '1/V', 'any', 0, 100, 'activation voltage scale of m', CAL),
  param('tauM', 15e-3, 's', 'time', 1e-9, 1e6, 'decay time of the mobility enhancement m (the PPF time scale)', 'measurements.md A2 (d): PPF decay constant 1-100 ms'),
  param('q', 4, '1', 'dimensionless', 1, 50, 'exponent of the crowding factor a(c) = 1 - c^q of growth', CAL),
  param('qS', 40, '1', 'dimensionless', 1, 200, 'exponent of the crowding factor a(c) = 1 - (1 - c)^q_s of shrinkage', CAL),
  param('eps', 1e-3, '1', 'dimensionless', 1e-8, 0.1, 'width of the wall at the bounds of c', 'models.md 1.2 (math/smooth wall)'),
  param('c0', 0.1, '1', 'dimensionless', 0, 1, 'initial c', 'choice of the experiment'),
  param('m0', 0, '1', 'dimensionless', 0, 1, 'initial m', 'choice of the experiment'),
] as const;
const P = paramIndex(params);
/** Last (V, rho, sinh(rho V), V, rho_m, cosh(rho_m V) - 1) computed by rhs (see there). */
const memo = Float64Array.of(NaN, NaN, 0, NaN, NaN, 0);
const states = [
  { name: 'c', unit: '1', min: 0, max: 1, meaning: 'area fraction of the VO-rich conducting region (long-term weight)', atol: 1e-9, init: 'c0' },
  { name: 'm', unit: '1', min: 0, max: 1, meaning: 'transient mobility enhancement (short-term, ms)', atol: 1e-8, init: 'm0' },
] as const;

export const woxDu: DeviceModel = {
  id: 'wox-du',
  title: 'Second-order WOx memristor with mobility enhancement (Du 2015)',
  summary: 'I = (1-c) alpha (1 - e^{-beta V}) + c gamma sinh(delta V); dc/dt = lambda (1 + kappa m) sinh(rho V) a(c) - (c - c_min)/tau_c, a = 1 - c^q (growth) | 1 - (1 - c)^q_s (shrinkage); dm/dt = nu_m (cosh(rho_m V) - 1)(1 - m) - m/tau_m.',
  citation: `C. Du, W. Ma, T. Chang, P. Sheridan, W. D. Lu, Adv. Funct. Mater. 25, 4290 (2015); conduction and gate from ${AG}`,
  reviewLink: 'Section 3.2, Fig. 6: PPF, SRDP and STDP from a second state variable (ion-mobility enhancement)',
  params, states,
  zeroCrossing: true,
  stiff: false,
  setPolarity: 1,
  rhs(_t, v, x, p, dx, n) {
    // The voltage factors sinh(rho V) and cosh(rho_m V) - 1 are recomputed only when V or the
    // device's rho / rho_m differ from the previous device's (or the previous call's last
    // device's): a batch under one voltage program (network device synapses, zero-bias rests,
    // the flat parts of a pulse) shares them. A cache of exact inputs: same values, bit for bit.
    let sV = memo[0], sR = memo[1], sh = memo[2], cV = memo[3], cR = memo[4], ch = memo[5];
    for (let j = 0; j < n; j++) {
      const V = v[j], c = x[j], m = x[n + j];
      const rho = p[P.rho * n + j], rhoM = p[P.rhoM * n + j];
      // at V = +-0, sinh(rho V) = rho V exactly (signed zero included: the cache's === would
      // not tell -0 from +0)
      if (V !== 0 && (V !== sV || rho !== sR)) { sh = limsinh(rho * V); sV = V; sR = rho; }
      const shj = V === 0 ? rho * V : sh;
      if (V !== cV || rhoM !== cR) { ch = 0.5 * (limexp(rhoM * V) + limexp(-rhoM * V)) - 1; cV = V; cR = rhoM; }
      const d0 = p[P.lambda * n + j] * (1 + p[P.kappa * n + j] * m) * shj;
      // no drift (V = 0): d0 = +-0 times a crowding factor in [0, 1] (c in [0, 1]) is d0
      // itself, sign included, so the power is skipped; outside [0, 1] it is evaluated.
      // Integer q, q_s (the presets' 4, 40) by repeated squaring (math/powi: round-off only)
      const drift = d0 === 0 && c >= 0 && c <= 1 ? d0
        : d0 > 0 ? d0 * (1 - powi(c, p[P.q * n + j])) : d0 * (1 - powi(1 - c, p[P.qS * n + j]));
      const relax = -(c - p[P.cMin * n + j]) / p[P.tauC * n + j];
      dx[j] = wall(drift + relax, c, 0, 1, p[P.eps * n + j]);
      dx[n + j] = p[P.nuM * n + j] * ch * (1 - m) - m / p[P.tauM * n + j];
    }
    memo[0] = sV; memo[1] = sR; memo[2] = sh; memo[3] = cV; memo[4] = cR; memo[5] = ch;
  },
  current(v, x, p, i, didv, n) {
    for (let j = 0; j < n; j++) {
      const V = v[j], c = x[j];
      const a = p[P.alpha * n + j], b = p[P.beta * n + j], g = p[P.gamma * n + j], d = p[P.delta * n + j];
      i[j] = woxCurrent(V, c, a, b, g, d);
      if (didv) didv[j] = woxConductance(V, c, a, b, g, d);
    }
  },
};

export const woxDuPresets: Preset[] = [
  {
    id: 'wox-du2015', model: 'wox-du', title: 'Pd/WOx/W synapse with mobility enhancement (Du 2015)',
    params: {},
    citation: `${DU}; I-V coefficients of ${AG}`,
    fittedTo: 'no published parameter set: calibrated by hand so that 1.4 V / 1 ms pulse pairs give PPF = dG2/dG1 > 1 falling with interval, PPF(10 ms) in the provisional band 1.2-1.6 and a decay constant of 1-100 ms (measurements.md A2); I-V coefficients from the third-party HSPICE model',
    notes: 'PPF and SRDP come from the decay of m (tau_m = 15 ms); c relaxes with tau_c = 30 s, so low-rate trains lose part of their change. Absolute conductances are those of the HSPICE coefficients, not measured.',
    sweep: { vSet: 1.4, vReset: -1.4, period: 2, vRead: 0.1 },
  },
];
