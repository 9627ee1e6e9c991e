/**
 * Leaky integrate-and-fire neurons, N per group, struct-of-arrays (one Float64Array per
 * variable). Two synapse models:
 *
 *  current-based:      tau_m dv/dt = v_rest + v_bias - v + I,       dI/dt = -I / tau_syn
 *  conductance-based:  tau_m dv/dt = v_rest + v_bias - v + g_e (E_e - v) + g_i (E_i - v),
 *                      dg_e/dt = -g_e / tau_e,  dg_i/dt = -g_i / tau_i
 *
 * I is the synaptic current times the membrane resistance (V) and g_e, g_i are conductances in
 * units of the leak conductance (dimensionless), as in the Brian2 baseline
 * (`dv/dt = (v_rest - v + ge (e_exc - v)) / tau_m`). A presynaptic spike adds the synaptic
 * weight to I (V) or to g_e / g_i (1). v_bias = R I_ext is a constant drive (V).
 *
 * Integration over one step h = dt (`integration`):
 *  - `exact` (default). Current-based: the exact propagator of the linear system (Rotter &
 *    Diesmann 1999): v+ = v_inf + (v - v_inf) e^{-h/tau_m} + I tau_s/(tau_s - tau_m)
 *    (e^{-h/tau_s} - e^{-h/tau_m}), I+ = I e^{-h/tau_s}. Conductance-based: exponential Euler
 *    with the step-averaged conductances gbar = g tau/h (1 - e^{-h/tau}) (exact for the
 *    conductance decay; exact for v when the conductances are constant, second order
 *    otherwise): G = 1 + gbar_e + gbar_i, v_inf = (v_rest + v_bias + gbar_e E_e + gbar_i E_i)/G,
 *    v+ = v_inf + (v - v_inf) e^{-G h / tau_m}, g+ = g e^{-h/tau}.
 *  - `euler`: forward Euler on every variable with the values at the start of the step,
 *    Brian2's `method='euler'` (for side-by-side comparisons with Brian2 scripts).
 *
 * Threshold, reset and refractoriness follow Brian2: a neuron spikes in step n when, after
 * the update, v > v_threshold and it is not refractory; the spike is stamped t = n dt (the
 * start of the step); v is then set to v_reset. It stays refractory (v clamped, conductances
 * and currents still decay) while n - n_last < R, R = floor(refractory / dt + 1e-3) (Brian2's
 * `timestep`), so updates resume in step n_last + R.
 * @module network/lif
 */
import type { SpikingGroup } from './types.js';

/** Resolved (SI) LIF parameters. */
export interface LifOptions {
  n: number;
  synapse: 'current' | 'conductance';
  integration: 'exact' | 'euler';
  /** Membrane time constant (s). */
  tauM: number;
  vRest: number;
  vReset: number;
  vThreshold: number;
  /** Refractory period (s), >= 0. */
  refractory: number;
  /** Constant drive R I_ext (V). */
  vBias: number;
  /** Initial membrane potential (V). */
  v0: number;
  /** Current-based: synaptic current decay time (s). */
  tauSyn: number;
  /** Conductance-based: excitatory / inhibitory decay times (s) and reversal potentials (V). */
  tauE: number;
  tauI: number;
  eExc: number;
  eInh: number;
}

/** Defaults of the optional LIF parameters (SI). */
export const LIF_DEFAULTS = {
  synapse: 'conductance', integration: 'exact', refractory: 0, vBias: 0,
  tauSyn: 5e-3, tauE: 5e-3, tauI: 10e-3, eExc: 0, eInh: -0.08,
} as const;

const NEVER = -2147483648;

/** A group of N leaky integrate-and-fire neurons. */
export class LifGroup implements SpikingGroup {
  readonly n: number;
  readonly v: Float64Array;
  /** Current-based: R I_syn (V); conductance-based: excitatory conductance (1). */
  readonly ge: Float64Array;
  /** Conductance-based inhibitory conductance (1); unused (zeros) for current-based neurons. */
  readonly gi: Float64Array;
  /** Step of each neuron's last spike (a very negative number when it never spiked). */
  readonly lastSpike: Int32Array;
  readonly spikes: Int32Array;
  spikeCount = 0;
  readonly inputNames: readonly string[];
  readonly stateNames: readonly string[];
  private dt = NaN;
  private refSteps = 0;
  // propagators (precomputed in prepare)
  private aM = 0; private dE = 0; private dI = 0; private fE = 0; private fI = 0; private p21 = 0;

  constructor(readonly name: string, readonly opt: LifOptions) {
    this.n = opt.n;
    this.v = new Float64Array(opt.n).fill(opt.v0);
    this.ge = new Float64Array(opt.n);
    this.gi = new Float64Array(opt.n);
    this.lastSpike = new Int32Array(opt.n).fill(NEVER);
    this.spikes = new Int32Array(opt.n);
    this.inputNames = opt.synapse === 'current' ? ['I'] : ['ge', 'gi'];
    this.stateNames = opt.synapse === 'current' ? ['v', 'I'] : ['v', 'ge', 'gi'];
  }

  input(name: string): Float64Array | undefined {
    if (this.opt.synapse === 'current') return name === 'I' ? this.ge : undefined;
    return name === 'ge' ? this.ge : name === 'gi' ? this.gi : undefined;
  }

  state(name: string): Float64Array | undefined { return name === 'v' ? this.v : this.input(name); }

  prepare(dt: number): void {
    const o = this.opt;
    this.dt = dt;
    this.refSteps = Math.floor(o.refractory / dt + 1e-3);
    this.aM = Math.exp(-dt / o.tauM);
    if (o.synapse === 'current') {
      this.dE = Math.exp(-dt / o.tauSyn);
      this.p21 = Math.abs(o.tauSyn - o.tauM) > 1e-12 * o.tauM
        ? (o.tauSyn / (o.tauSyn - o.tauM)) * (this.dE - this.aM)
        : (dt / o.tauM) * this.aM; // the limit tau_syn -> tau_m
    } else {
      this.dE = Math.exp(-dt / o.tauE);
      this.dI = Math.exp(-dt / o.tauI);
      this.fE = (o.tauE / dt) * (1 - this.dE);
      this.fI = (o.tauI / dt) * (1 - this.dI);
    }
  }

  update(step: number): void {
    const o = this.opt, n = this.n, v = this.v, ge = this.ge, gi = this.gi, last = this.lastSpike, R = this.refSteps;
    const vInf0 = o.vRest + o.vBias, h = this.dt, tauM = o.tauM;
    if (o.synapse === 'current') {
      const aM = this.aM, dS = this.dE, p21 = this.p21, eu = o.integration === 'euler', kS = h / o.tauSyn, kM = h / tauM;
      for (let j = 0; j < n; j++) {
        const I = ge[j];
        if (step - last[j] >= R) {
          v[j] = eu ? v[j] + kM * (vInf0 - v[j] + I) : vInf0 + (v[j] - vInf0) * aM + I * p21;
        }
        ge[j] = eu ? I - kS * I : I * dS;
      }
      return;
    }
    const eE = o.eExc, eI = o.eInh;
    if (o.integration === 'euler') {
      const kM = h / tauM, kE = h / o.tauE, kI = h / o.tauI;
      for (let j = 0; j < n; j++) {
        const g1 = ge[j], g2 = gi[j], vj = v[j];
        if (step - last[j] >= R) v[j] = vj + kM * (vInf0 - vj + g1 * (eE - vj) + g2 * (eI - vj));
        ge[j] = g1 - kE * g1;
        gi[j] = g2 - kI * g2;
      }
      return;
    }
    const dE = this.dE, dI = this.dI, fE = this.fE, fI = this.fI, c = -h / tauM;
    for (let j = 0; j < n; j++) {
      const g1 = ge[j], g2 = gi[j];
      if (step - last[j] >= R) {
        const be = g1 * fE, bi = g2 * fI, G = 1 + be + bi;
        const vi = (vInf0 + be * eE + bi * eI) / G;
        v[j] = vi + (v[j] - vi) * (G === 1 ? this.aM : Math.exp(c * G));
      }
      ge[j] = g1 * dE;
      gi[j] = g2 * dI;
    }
  }

  threshold(step: number): void {
    const n = this.n, v = this.v, th = this.opt.vThreshold, last = this.lastSpike, R = this.refSteps, s = this.spikes;
    let c = 0;
    for (let j = 0; j < n; j++) if (v[j] > th && step - last[j] >= R) s[c++] = j;
    this.spikeCount = c;
  }

  reset(step: number): void {
    const s = this.spikes, v = this.v, last = this.lastSpike, vr = this.opt.vReset;
    for (let k = 0; k < this.spikeCount; k++) { v[s[k]] = vr; last[s[k]] = step; }
  }
}
