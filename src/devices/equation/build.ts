/**
 * The `equation` model: a compact model written as equation strings in a spec (Chua's
 * memristive-system form, models.md section 1.1), enough for any first- or second-order
 * memristive system without writing TypeScript:
 *
 *   I = G(x, V) V   or   I = f(x, V)          (current; x = all states)
 *   dx_k/dt = f_k(x, V, I, t)                (one rate per state, any number of states)
 *
 * ```yaml
 * device:
 *   model: equation
 *   equations:
 *     current: "I = (gon*w + goff*(1-w)) * V"     # or "G = gon*w + goff*(1-w)" (I = G V)
 *     states:
 *       w: { rate: "k*sinh(a*V)*4*w*(1-w)", init: 0.05, min: 0, max: 1, unit: "1" }
 *       T: { rate: "I*V/Cth - (T - T0)/tau", init: 300 K, min: 0, max: 3000, unit: K }
 *     params:
 *       k: { value: 1.476, unit: 1/s, meaning: drift prefactor }
 *       tau: { value: 100 ns, unit: s }
 *     stiff: true                                  # pick the Rosenbrock solver
 *   set: { k: 2, kDtod: 0.1 }                      # overrides and variability as for any model
 * ```
 *
 * Names available: V (device voltage), t (time, rates only), I (device current, rates only),
 * every state, every parameter, the constants q, kB, h, G0, pi; functions in ./functions.ts.
 * Numbers inside equations are SI; units belong to parameter values ("100 ns").
 * A state with finite min/max has its rate gated smoothly at the bounds (math/smooth gate,
 * width `gate`, default 1e-3 of the range; `gate: 0` turns it off), so it can neither leave
 * them nor stick to them. dI/dV for the circuit solvers is derived symbolically.
 * @module devices/equation/build
 */
import type { DeviceModel, ParamDef, Preset, StateDef } from '../contract.js';
import { lookupUnit, parseQuantity, SpecError, type Dimension } from '../../units/parse.js';
import { parseExpr, EquationError, type Expr } from './parse.js';
import { checkExpr, compileModel, type StateGate } from './compile.js';
import { derive } from './derive.js';
import { CONSTANTS, FUNCTIONS } from './functions.js';

type Obj = Record<string, unknown>;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = new Set(['V', 't', 'I', 'G']);
const EQ_KEYS = ['current', 'states', 'params', 'stiff', 'title', 'citation', 'fittedTo', 'setPolarity', 'zeroCrossing'];
const STATE_KEYS = ['rate', 'init', 'min', 'max', 'unit', 'atol', 'gate', 'meaning'];
const PARAM_KEYS = ['value', 'unit', 'meaning', 'min', 'max', 'source'];

function obj(v: unknown, path: string, what: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SpecError(path, v, what);
  return v as Obj;
}
function onlyKeys(o: Obj, keys: readonly string[], path: string): void {
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new SpecError(`${path}.${k}`, o[k], `one of ${keys.join(', ')}`);
}

/** Parse one equation field; errors name the field and the character position. */
function expr(src: unknown, path: string, vars: ReadonlySet<string>, context: string, offset = 0, full?: string): Expr {
  if (typeof src !== 'string') throw new SpecError(path, src, 'an equation string');
  try {
    const e = parseExpr(src);
    checkExpr(e, vars, context);
    return e;
  } catch (err) {
    if (err instanceof EquationError) throw new SpecError(path, full ?? src, `a valid equation: ${err.reason} at character ${err.pos + offset + 1}`);
    throw err;
  }
}

/** Dimension and display unit of a declared unit string. */
function unitDim(unit: string, path: string): Dimension {
  if (unit === '1/s') return 'frequency';
  const u = lookupUnit(unit);
  if (!u) return 'any'; // compound units (1/V, J/K, ...) are documentation; values must then be SI numbers or known units
  if (u.factor !== 1 && u.dim !== 'mass') throw new SpecError(path, unit, `an SI unit (e.g. "Ohm", not "kOhm"); write prefixes in the value ("10 kOhm")`);
  return u.dim;
}

function validName(name: string, path: string, taken: Set<string>): void {
  if (!NAME.test(name)) throw new SpecError(path, name, 'a name of letters, digits and _ that starts with a letter or _');
  if (RESERVED.has(name) || name in CONSTANTS || name in FUNCTIONS) throw new SpecError(path, name, `a name that is not reserved (V, t, I, G, ${Object.keys(CONSTANTS).join(', ')} and function names are)`);
  if (taken.has(name)) throw new SpecError(path, name, 'a name not used by another state or parameter');
  taken.add(name);
}

/** Build a DeviceModel (and its spec preset) from `{ model: equation, equations: {...} }`. */
export function buildEquationModel(raw: Obj, path: string): { model: DeviceModel; preset: Preset } {
  const ep = `${path}.equations`;
  const eq = obj(raw.equations, ep, 'a map with current, states and params (see README: equation models)');
  onlyKeys(eq, EQ_KEYS, ep);
  const taken = new Set<string>();

  // parameters
  const params: ParamDef[] = [];
  const pRaw = eq.params === undefined ? {} : obj(eq.params, `${ep}.params`, 'a map of parameter names to { value, unit, meaning }');
  for (const [name, spec] of Object.entries(pRaw)) {
    const pp = `${ep}.params.${name}`;
    validName(name, pp, taken);
    const o: Obj = typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? spec as Obj : { value: spec };
    onlyKeys(o, PARAM_KEYS, pp);
    const unit = o.unit === undefined ? '1' : String(o.unit);
    const dim = unitDim(unit, `${pp}.unit`);
    if (o.value === undefined) throw new SpecError(`${pp}.value`, undefined, 'a finite default value (number in SI or a string with a unit)');
    const value = parseQuantity(o.value, dim, `${pp}.value`);
    const min = o.min === undefined ? -Infinity : parseQuantity(o.min, dim, `${pp}.min`);
    const max = o.max === undefined ? Infinity : parseQuantity(o.max, dim, `${pp}.max`);
    if (min > max) throw new SpecError(`${pp}.min`, o.min, `a lower bound not above max (${max})`);
    if (!(value >= min && value <= max)) throw new SpecError(`${pp}.value`, o.value, `a value within [${min}, ${max}]`);
    params.push({ name, default: value, unit, dim, min, max, meaning: o.meaning === undefined ? `parameter ${name}` : String(o.meaning), source: o.source === undefined ? 'user equation spec' : String(o.source) });
  }

  // states (declaration first, rates after every name is known)
  const sRaw = obj(eq.states, `${ep}.states`, 'a map of state names to { rate, init, min, max, unit }');
  const stateNames = Object.keys(sRaw);
  if (!stateNames.length) throw new SpecError(`${ep}.states`, eq.states, 'at least one state variable (a memristive system has a state)');
  const states: StateDef[] = [];
  const gates: (StateGate | null)[] = [];
  for (const name of stateNames) {
    const sp = `${ep}.states.${name}`;
    validName(name, sp, taken);
    const o = obj(sRaw[name], sp, 'a map { rate, init, min, max, unit }');
    onlyKeys(o, STATE_KEYS, sp);
    if (o.rate === undefined) throw new SpecError(`${sp}.rate`, undefined, `the rate d${name}/dt as an equation string`);
    if (o.init === undefined) throw new SpecError(`${sp}.init`, undefined, 'an initial value (number, quantity or parameter name)');
    const unit = o.unit === undefined ? '1' : String(o.unit);
    const dim = unitDim(unit, `${sp}.unit`);
    const min = o.min === undefined ? -Infinity : parseQuantity(o.min, dim, `${sp}.min`);
    const max = o.max === undefined ? Infinity : parseQuantity(o.max, dim, `${sp}.max`);
    if (!(min <= max)) throw new SpecError(`${sp}.min`, o.min, `a lower bound not above max (${o.max})`);
    let init: number | string;
    if (typeof o.init === 'string' && NAME.test(o.init)) {
      const pd = params.find((p) => p.name === o.init);
      if (!pd) throw new SpecError(`${sp}.init`, o.init, `a number, a quantity or a parameter name (${params.map((p) => p.name).join(', ') || 'none declared'})`);
      init = pd.name;
    } else {
      init = parseQuantity(o.init, dim, `${sp}.init`);
      if (!(init >= min && init <= max)) throw new SpecError(`${sp}.init`, o.init, `an initial value within [${min}, ${max}]`);
    }
    const range = max - min;
    const scale = Number.isFinite(range) && range > 0 ? range : Math.max(1, Math.abs(typeof init === 'number' ? init : 1));
    const atol = o.atol === undefined ? 1e-9 * scale : parseQuantity(o.atol, dim, `${sp}.atol`);
    if (!(atol > 0)) throw new SpecError(`${sp}.atol`, o.atol, 'a positive absolute tolerance');
    const eps = o.gate === undefined ? 1e-3 * scale : parseQuantity(o.gate, dim, `${sp}.gate`);
    if (!(eps >= 0)) throw new SpecError(`${sp}.gate`, o.gate, 'a non-negative gate width (0: no gate)');
    gates.push(eps > 0 && (Number.isFinite(min) || Number.isFinite(max)) ? { lo: min, hi: max, eps } : null);
    states.push({ name, unit, min, max, atol, init, meaning: o.meaning === undefined ? `state ${name}` : String(o.meaning) });
  }

  // equations
  const names = [...stateNames, ...params.map((p) => p.name)];
  const curVars = new Set(['V', ...names]);
  const rateVars = new Set(['V', 't', 'I', ...names]);
  const cp = `${ep}.current`;
  if (eq.current === undefined) throw new SpecError(cp, undefined, 'the current equation, "I = ..." or "G = ..." (I = G V)');
  if (typeof eq.current !== 'string') throw new SpecError(cp, eq.current, 'an equation string "I = ..." or "G = ..."');
  const m = /^\s*([IG])\s*=(?!=)/.exec(eq.current);
  const body = m ? eq.current.slice(m[0].length) : eq.current;
  const offset = m ? m[0].length : 0;
  const curCtx = 'the current may use V, the states and the parameters';
  let current = expr(body, cp, curVars, curCtx, offset, eq.current);
  if (m && m[1] === 'G') current = { kind: 'bin', op: '*', left: current, right: { kind: 'var', name: 'V', pos: -1 }, pos: -1 };
  const rates = stateNames.map((n) => expr((sRaw[n] as Obj).rate, `${ep}.states.${n}.rate`, rateVars, 'a rate may use V, t, I, the states and the parameters'));
  let didv: Expr;
  try { didv = derive(current, 'V'); } catch (err) {
    if (err instanceof EquationError) throw new SpecError(cp, eq.current, `a differentiable current: ${err.reason}`);
    throw err;
  }
  const compiled = compileModel({ current, didv, rates, gates }, { states: stateNames, params: params.map((p) => p.name) });

  const stiff = eq.stiff === undefined ? false : eq.stiff;
  if (typeof stiff !== 'boolean') throw new SpecError(`${ep}.stiff`, eq.stiff, 'true (Rosenbrock solver) or false');
  const pol = eq.setPolarity ?? 1;
  if (pol !== 1 && pol !== -1) throw new SpecError(`${ep}.setPolarity`, eq.setPolarity, '1 or -1');
  const zc = eq.zeroCrossing ?? probeZeroCrossing(compiled.current, states, params);
  if (typeof zc !== 'boolean') throw new SpecError(`${ep}.zeroCrossing`, eq.zeroCrossing, 'true or false');
  const title = eq.title === undefined ? 'User equation model' : String(eq.title);
  const model: DeviceModel = {
    id: 'equation',
    title,
    summary: `I: ${eq.current}; ${stateNames.map((n) => `d${n}/dt = ${(sRaw[n] as Obj).rate}`).join('; ')}`,
    citation: eq.citation === undefined ? 'user-defined equations in the experiment spec' : String(eq.citation),
    reviewLink: 'Chua memristive-system framework (review Eq. 1-2): any device as I = G(w, V) V, dw/dt = f(w, V, t)',
    params, states,
    zeroCrossing: zc, stiff, setPolarity: pol,
    rhs: compiled.rhs,
    current: compiled.current,
  };
  checkFinite(model, ep, sRaw);
  const preset: Preset = {
    id: 'equation-spec', model: 'equation', title, params: {},
    citation: model.citation,
    fittedTo: eq.fittedTo === undefined ? 'nothing: equations and parameter values written by the user in the spec' : String(eq.fittedTo),
  };
  return { model, preset };
}

/** Initial state and parameters of one device with the defaults. */
function defaults(states: readonly StateDef[], params: readonly ParamDef[]): { x: Float64Array; p: Float64Array } {
  const p = Float64Array.from(params.map((d) => d.default));
  const x = Float64Array.from(states.map((s) => (typeof s.init === 'number' ? s.init : p[params.findIndex((d) => d.name === s.init)])));
  return { x, p };
}

/** I(0) = 0 at the initial state and at the bounds / midpoints of every bounded state. */
function probeZeroCrossing(current: DeviceModel['current'], states: readonly StateDef[], params: readonly ParamDef[]): boolean {
  const { x, p } = defaults(states, params);
  const v = new Float64Array(1), i = new Float64Array(1);
  for (const f of [-1, 0, 0.25, 0.5, 0.75, 1]) {
    const y = Float64Array.from(x);
    if (f >= 0) states.forEach((s, k) => { if (Number.isFinite(s.min) && Number.isFinite(s.max)) y[k] = s.min + f * (s.max - s.min); });
    current(v, y, p, i, null, 1);
    if (i[0] !== 0) return false;
  }
  return true;
}

/** Current and rates must be finite at the initial state with the default parameters. */
function checkFinite(m: DeviceModel, ep: string, sRaw: Obj): void {
  const { x, p } = defaults(m.states, m.params);
  const v = new Float64Array(1), i = new Float64Array(1), g = new Float64Array(1), dx = new Float64Array(m.states.length);
  for (const V of [0, 0.1, -0.1]) {
    v[0] = V;
    m.current(v, x, p, i, g, 1);
    if (!Number.isFinite(i[0]) || !Number.isFinite(g[0])) throw new SpecError(`${ep}.current`, m.summary.split(';')[0].slice(3), `an equation finite at the initial state with the default parameters (I = ${i[0]}, dI/dV = ${g[0]} at V = ${V} V)`);
    m.rhs(0, v, x, p, dx, 1);
    m.states.forEach((s, k) => {
      if (!Number.isFinite(dx[k])) throw new SpecError(`${ep}.states.${s.name}.rate`, (sRaw[s.name] as Obj).rate, `a rate finite at the initial state with the default parameters (got ${dx[k]} at V = ${V} V)`);
    });
  }
}
