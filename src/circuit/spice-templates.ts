/**
 * Behavioural expressions of catalogue models for circuit simulators. A model's compact
 * equations live in TypeScript functions, which no circuit simulator can read, so each exportable
 * model has a template here that writes the same equations as expression strings in a neutral
 * syntax shared by ngspice B-sources and Verilog-A: `{V}` is the device voltage, `{s:NAME}` a
 * state; functions sinh, exp, tanh, pow, abs and the ternary `c ? a : b` (both dialects have them).
 * Parameter values are inlined as numbers. Models without a template are reported, not guessed.
 * @module circuit/spice-templates
 */
import type { DeviceModel } from '../devices/contract.js';

/** A model written as expressions. */
export interface ExpressionModel {
  /** Exported states; `scale` (default 1): exported value = model state * scale (keeps node voltages of order 1). */
  states: { name: string; init: number; min: number; max: number; scale?: number }[];
  /**
   * Algebraic internal nodes (optional): each unknown `{s:NAME}` is the voltage of an internal
   * node that satisfies `residual = 0` (a B-source injecting the residual, which must decrease
   * as the node voltage rises, so that it acts as a positive conductance); ngspice and a
   * Verilog-A simulator solve it with the circuit's Newton iteration.
   */
  nodes?: { name: string; residual: string; init: number }[];
  /** Device current I(V, states). */
  current: string;
  /** d state / dt for each state. */
  rhs: string[];
}

/** Template: model parameters by name -> expressions. */
export type SpiceTemplate = (p: Record<string, number>, model: DeviceModel) => ExpressionModel;

const templates = new Map<string, SpiceTemplate>();

/** Register a template for a model id (other model files may add theirs). */
export function registerSpiceTemplate(modelId: string, t: SpiceTemplate): void { templates.set(modelId, t); }
/** Template of a model, or undefined. */
export function spiceTemplate(modelId: string): SpiceTemplate | undefined { return templates.get(modelId); }
/** Model ids with a template. */
export function spiceModels(): string[] { return [...templates.keys()]; }

/** A number as its shortest round-trip literal (both dialects read 1e-15 style exponents). */
export function num(x: number): string { return String(x); }

/**
 * Window expression of devices/windows.ts applied to `rate`, state `{s:x}`.
 * The `none` window uses a hard directional stop at the bounds (the TypeScript model's smooth
 * gate has width 1e-3, so the two differ only within 1e-3 of a bound).
 */
function windowed(w: number, rate: string, x: string, p: number, j: number, cur: string): string {
  const P2 = num(2 * p);
  switch (w) {
    case 1: return `(${rate})*(1-pow(abs(2*${x}-1),${P2}))`;
    case 2: return `(${rate})*(1-pow(abs(${x}-0.5*(1+tanh(-(${cur})/1e-9))),${P2}))`;
    case 3: return `(${rate})*${num(j)}*(1-pow((${x}-0.5)*(${x}-0.5)+0.75,${num(p)}))`;
    case 4: return `(${rate})*${x}*(1-${x})`;
    default: return `(((${rate})>0 ? (${x}<1 ? 1 : 0) : (${x}>0 ? 1 : 0))*(${rate}))`;
  }
}

registerSpiceTemplate('linear-drift', (p) => {
  const x = '{s:x}', r = `(${num(p.ron)}*${x}+${num(p.roff)}*(1-${x}))`, cur = `({V}/${r})`;
  const k = (p.muv * p.ron) / (p.d * p.d);
  return {
    states: [{ name: 'x', init: p.x0, min: 0, max: 1 }],
    current: cur,
    rhs: [windowed(p.window, `${num(k)}*${cur}`, x, p.p, p.j, cur)],
  };
});

registerSpiceTemplate('nonlinear-drift', (p) => {
  const w = '{s:w}';
  const rate = p.drift === 0 ? `${num(p.k)}*sinh(${num(p.a)}*{V})` : `${num(p.k)}*pow({V},${num(p.q)})`;
  const cur = p.conduction === 0
    ? `({V}*(${num(p.gon)}*${w}+${num(p.goff)}*(1-${w})))`
    : `(pow(abs(${w}),${num(p.nexp)})*${num(p.beta)}*sinh(${num(p.alpha)}*{V})+${num(p.chi)}*(exp(${num(p.gam)}*{V})-1))`;
  return { states: [{ name: 'w', init: p.w0, min: 0, max: 1 }], current: cur, rhs: [windowed(p.window, rate, w, p.p, 1, '{V}')] };
});

registerSpiceTemplate('diffusive', (p) => {
  // deterministic part of devices/models/diffusive.ts; the Poisson rupture jumps are not exported
  const s = '({s:f}+{s:r})', sc = `min(max(${s},0),1)`;
  const R = `(${num(p.ron)}*${sc}+${num(p.roff)}*(exp((1-${sc})/${num(p.lambda)})-1)/${num(Math.expm1(1 / p.lambda))})`;
  const vabs = `(sqrt({V}*{V}+${num(p.vEps * p.vEps)})-${num(p.vEps)})`;
  const den = `max(${num(p.alpha)}+1-${s},${num(0.5 * p.alpha)})`;
  return {
    states: [{ name: 'f', init: p.f0, min: 0, max: 1 }, { name: 'r', init: p.r0, min: 0, max: 1 }],
    current: `({V}/${R})`,
    rhs: [`${num(p.mu)}*${vabs}/${den}*tanh((1-${s})/${num(p.eps)})-${num(p.gamma1 + p.beta)}*{s:f}`, `${num(p.beta)}*{s:f}-${num(p.gamma2)}*{s:r}`],
  };
});

registerSpiceTemplate('filament-growth', (p) => {
  // exported state: hn = h / h_max (a capacitor voltage of order 1, not of order 1e-8 V, which
  // would sit below ngspice's voltage tolerances)
  const hm = num(p.hmax), H = `(${hm}*{s:hn})`, hc = `min(max(${H},0),${hm})`;
  const R = `(${num(p.ron)}*${hc}/${hm}+${num(p.roff)}*(exp((${hm}-${hc})/${num(p.hLambda)})-1)/${num(Math.expm1(p.hmax / p.hLambda))})`;
  const i0 = `({V}/${R})`, icc = num(p.icc), pl = num(p.pLim);
  const vn = Array.from({ length: p.n }, () => '{V}').join('*');
  const g = (c: number, s: number): string => `exp(-0.5*((${H}-${num(c)})/${num(s)})*((${H}-${num(c)})/${num(s)}))/${num(Math.sqrt(2 * Math.PI) * s)}`;
  const rate = `(${num(p.alpha)}*${vn}*${g(p.h1, p.sigmaG)}*0.5*(1+tanh((${icc}-abs(${i0}))/${num(0.05 * p.icc)}))-${num(p.beta)}*(${hc}/${hm})*${g(p.h2, p.sigmaD)})`;
  const ew = num(p.eps * p.hmax);
  return {
    states: [{ name: 'hn', init: p.h0 / p.hmax, min: 0, max: 1, scale: 1 / p.hmax }],
    current: `(${i0}*pow(1+pow(abs(${i0})/${icc},${pl}),${num(-1 / p.pLim)}))`,
    rhs: [`((${rate})>0 ? (${rate})*tanh((${hm}-${H})/${ew}) : (${rate})*tanh(${H}/${ew}))/${hm}`],
  };
});
