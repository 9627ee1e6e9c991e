/**
 * The single-device benchmark problem of ../shared/baselines (device/): one sinh-drift
 * memristor with a Joglekar (p = 1) window driven by N trapezoidal pulses, written three ways
 * from one set of numbers: an ngspice netlist (behavioural sources, the state as the voltage
 * of a 1 F capacitor, as in the baseline's memristor.sub), a nanoionics spec with the
 * built-in `baseline-sinh` preset, and the same spec as an `equation` model.
 *
 *   dw/dt = k sinh(a V) (1 - (2w - 1)^2),   I = V (gon w + goff (1 - w))
 *
 * Between pulses V = 0, so logit(w) grows by the same amount every pulse: the final state is
 * known in closed form (exactFinalW).
 * @module bench/baseline-problem
 */

/** Device parameters (SI). */
export const DEVICE = { k: 1.476, a: 3, gon: 1e-3, goff: 1e-5, w0: 0.05 } as const;
/** SPICE PULSE(v1 v2 td tr tf pw per): 1 V, 10 ns edges, 990 ns flat top, 2 us period. */
export const PULSE = { v1: 0, v2: 1, td: 0, tr: 10e-9, tf: 10e-9, pw: 990e-9, per: 2e-6 } as const;

/** End time: N whole periods. */
export const tStop = (n: number): number => n * PULSE.per;

/** Exact w after n whole periods: integral of sinh(a V) over one period, times 4k, added to logit(w0). */
export function exactFinalW(n: number): number {
  const { a, k, w0 } = DEVICE;
  const v = PULSE.v2;
  const edge = (Math.cosh(a * v) - 1) / (a * v); // mean of sinh(a V) over a linear ramp from 0 to v
  const perPulse = Math.sinh(a * v) * PULSE.pw + (PULSE.tr + PULSE.tf) * edge;
  const logit = Math.log(w0 / (1 - w0)) + 4 * k * perPulse * n;
  return 1 / (1 + Math.exp(-logit));
}

/** err / dw: |w - w_exact| over the total change |w_exact - w0| (the baselines' measure). */
export function relErr(w: number, n: number): number {
  const ex = exactFinalW(n);
  return Math.abs(w - ex) / Math.abs(ex - DEVICE.w0);
}

/** SPICE number: shortest round-trip decimal. */
const num = (x: number): string => String(x);

/**
 * ngspice netlist of the problem. The state w is the voltage of a 1 F capacitor charged by a
 * behavioural current source; a 1e15 Ohm leak gives node w a DC path. w is measured a quarter
 * period before the end, where V = 0 and w no longer changes.
 * @param tstep the .tran print step (ngspice also uses it to cap its internal step)
 */
export function ngspiceNetlist(n: number, tstep = 100e-9): string {
  const { k, a, gon, goff, w0 } = DEVICE;
  const p = PULSE;
  const tstop = tStop(n);
  return [
    `* nanoionics bench: sinh-drift memristor, ${n} trapezoidal pulses of ${p.v2} V, period ${p.per} s`,
    `.subckt sinhdrift top bot params: k=${num(k)} a=${num(a)} gon=${num(gon)} goff=${num(goff)} w0=${num(w0)}`,
    'Bw 0 w I = {k}*sinh({a}*v(top,bot))*(1-(2*v(w)-1)*(2*v(w)-1))',
    'Cw w 0 1 IC={w0}',
    'Rw w 0 1e15',
    'Bi top bot I = v(top,bot)*({gon}*v(w)+{goff}*(1-v(w)))',
    '.ends sinhdrift',
    `Vin in 0 PULSE(${[p.v1, p.v2, p.td, p.tr, p.tf, p.pw, p.per].map(num).join(' ')})`,
    'X1 in 0 sinhdrift',
    '.options acct',
    '.save v(x1.w)',
    `.tran ${num(tstep)} ${num(tstop)} uic`,
    `.meas tran wfinal FIND v(x1.w) AT=${num(tstop - 0.25 * p.per)}`,
    '.end',
    '',
  ].join('\n');
}

/** The pulse train as a nanoionics stimulus spec (tail: the rest of the last period). */
export function stimulusSpec(n: number): Record<string, unknown> {
  const p = PULSE;
  return { type: 'pulse-train', base: p.v1, amplitude: p.v2, delay: p.td, rise: p.tr, width: p.pw, fall: p.tf, period: p.per, count: n, tail: p.per - p.tr - p.pw - p.tf };
}

/** The same device as an `equation` model spec. */
export const EQUATION_DEVICE = {
  model: 'equation',
  equations: {
    title: 'bench: sinh drift, Joglekar p = 1 (memristor.sub as equations)',
    current: 'G = gon*w + goff*(1 - w)',
    states: { w: { rate: 'k*sinh(a*V)*(1 - (2*w - 1)^2)', init: 'w0', min: 0, max: 1, atol: 1e-10 } },
    params: {
      k: { value: DEVICE.k, unit: '1/s' }, a: { value: DEVICE.a, unit: '1/V' },
      gon: { value: DEVICE.gon, unit: 'S' }, goff: { value: DEVICE.goff, unit: 'S' }, w0: DEVICE.w0,
    },
  },
} as const;
