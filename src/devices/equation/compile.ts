/**
 * Expression trees -> JavaScript functions over struct-of-arrays device data.
 *
 * The generated source is built only from this module's own templates, validated names
 * (prefixed `s_` for states, `p_` for parameters) and finite number literals; no user text is
 * ever pasted into it, so `new Function` here never evaluates user input. The result is one
 * plain loop over the N devices per model function, which V8 compiles like hand-written code.
 * @module devices/equation/compile
 */
import { type Expr, EquationError, namesIn, parseExpr } from './parse.js';
import { CONSTANTS, FUNCTIONS, HELPERS, INTERNAL_FUNCTIONS } from './functions.js';

/**
 * Check names and arities in a tree.
 * @param vars names that may be used as variables (besides the constants)
 * @throws EquationError at the position of the first unknown name or wrong call
 */
export function checkExpr(e: Expr, vars: ReadonlySet<string>, context: string): void {
  switch (e.kind) {
    case 'num': return;
    case 'var':
      if (vars.has(e.name) || e.name in CONSTANTS) return;
      if (e.name in FUNCTIONS) throw new EquationError(`${e.name} is a function; call it as ${e.name}(...)`, e.pos);
      throw new EquationError(`unknown name "${e.name}" (${context}: ${[...vars].join(', ')}; constants ${Object.keys(CONSTANTS).join(', ')})`, e.pos);
    case 'neg': checkExpr(e.arg, vars, context); return;
    case 'bin': checkExpr(e.left, vars, context); checkExpr(e.right, vars, context); return;
    case 'call': {
      const f = FUNCTIONS[e.fn];
      if (!f || INTERNAL_FUNCTIONS.has(e.fn)) {
        const known = Object.keys(FUNCTIONS).filter((n) => !INTERNAL_FUNCTIONS.has(n));
        throw new EquationError(`unknown function ${e.fn}() (known: ${known.join(', ')})`, e.pos);
      }
      if (e.args.length < f.min || e.args.length > f.max) {
        const want = f.min === f.max ? `${f.min}` : `${f.min} to ${f.max}`;
        throw new EquationError(`${e.fn}() takes ${want} argument${f.max === 1 ? '' : 's'}, got ${e.args.length}`, e.pos);
      }
      for (const a of e.args) checkExpr(a, vars, context);
    }
  }
}

/** How names map to JS locals in the generated loop. */
export interface Binding {
  readonly states: readonly string[];
  readonly params: readonly string[];
}

function lit(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`internal: non-finite literal ${v}`);
  const s = String(v);
  return v < 0 ? `(${s})` : s;
}

/** JS source of one expression (names must have been checked). */
export function emit(e: Expr, b: Binding): string {
  switch (e.kind) {
    case 'num': return lit(e.value);
    case 'var':
      if (e.name === 'V') return 'V';
      if (e.name === 't') return 't';
      if (e.name === 'I') return 'I_';
      if (b.states.includes(e.name)) return `s_${e.name}`;
      if (b.params.includes(e.name)) return `p_${e.name}`;
      return lit(CONSTANTS[e.name]);
    case 'neg': return `(-${emit(e.arg, b)})`;
    case 'bin': {
      const l = emit(e.left, b), r = emit(e.right, b);
      switch (e.op) {
        case '^':
          if (e.right.kind === 'num' && e.right.value === 2) return `H_sq(${l})`;
          return `Math.pow(${l}, ${r})`;
        case '==': return `(${l} === ${r} ? 1 : 0)`;
        case '!=': return `(${l} !== ${r} ? 1 : 0)`;
        case '<': case '<=': case '>': case '>=': return `(${l} ${e.op} ${r} ? 1 : 0)`;
        default: return `(${l} ${e.op} ${r})`;
      }
    }
    case 'call': return FUNCTIONS[e.fn].emit(e.args.map((a) => emit(a, b)));
  }
}

/** Smooth bound of one state: the rate is gated so that x stays inside [lo, hi]. */
export interface StateGate { lo: number; hi: number; eps: number }

/** What compileModel needs. */
export interface ModelExprs {
  /** Device current I(V, states, params). */
  current: Expr;
  /** dI/dV. */
  didv: Expr;
  /** One rate per state, in state order. */
  rates: readonly Expr[];
  /** One gate (or null) per state. */
  gates: readonly (StateGate | null)[];
}

/** Compiled model functions with the DeviceModel signatures. */
export interface CompiledModel {
  rhs(t: number, v: Float64Array, x: Float64Array, p: Float64Array, dx: Float64Array, n: number): void;
  current(v: Float64Array, x: Float64Array, p: Float64Array, i: Float64Array, didv: Float64Array | null, n: number): void;
  /** The generated source (for inspection and error reports). */
  readonly source: string;
}

function loads(used: ReadonlySet<string>, b: Binding): string {
  const out: string[] = [];
  b.states.forEach((s, k) => { if (used.has(s)) out.push(`const s_${s} = x[${k} * n + j];`); });
  b.params.forEach((p, k) => { if (used.has(p)) out.push(`const p_${p} = p[${k} * n + j];`); });
  return out.join('\n      ');
}

/** Run generated source (this module's templates only) with the helpers as arguments. */
function instantiate(source: string): unknown {
  const names = [...Object.keys(HELPERS), 'H_sq'];
  const values = [...Object.values(HELPERS), (z: number) => z * z];
  return new Function(...names, source)(...values);
}

/** Generate and instantiate rhs and current for a model. */
export function compileModel(m: ModelExprs, b: Binding): CompiledModel {
  const curUsed = new Set(namesIn(m.current).keys());
  const dUsed = new Set([...curUsed, ...namesIn(m.didv).keys()]);
  const rateUsed = new Set<string>();
  m.rates.forEach((r) => { for (const k of namesIn(r).keys()) rateUsed.add(k); });
  const needI = rateUsed.has('I');
  if (needI) for (const k of curUsed) rateUsed.add(k);
  m.gates.forEach((g, k) => { if (g) rateUsed.add(b.states[k]); });
  const I = emit(m.current, b);
  const rateLines = m.rates.map((r, k) => {
    const g = m.gates[k];
    const code = emit(r, b);
    return g ? `dx[${k} * n + j] = H_gate(${code}, s_${b.states[k]}, ${lit(g.lo)}, ${lit(g.hi)}, ${lit(g.eps)});` : `dx[${k} * n + j] = ${code};`;
  });
  const source = `"use strict";
return {
  rhs: function (t, v, x, p, dx, n) {
    for (let j = 0; j < n; j++) {
      const V = v[j];
      ${loads(rateUsed, b)}
      ${needI ? `const I_ = ${I};` : ''}
      ${rateLines.join('\n      ')}
    }
  },
  current: function (v, x, p, i, didv, n) {
    if (didv === null) {
      for (let j = 0; j < n; j++) {
        const V = v[j];
        ${loads(curUsed, b)}
        i[j] = ${I};
      }
    } else {
      for (let j = 0; j < n; j++) {
        const V = v[j];
        ${loads(dUsed, b)}
        i[j] = ${I};
        didv[j] = ${emit(m.didv, b)};
      }
    }
  },
};`;
  const made = instantiate(source) as Omit<CompiledModel, 'source'>;
  return { rhs: made.rhs, current: made.current, source };
}

/**
 * Compile a single expression over named inputs (for tests, metrics and tools):
 * `compileExpr("a*x^2", ["a", "x"])([2, 3]) === 18`. Names are checked like model names.
 * @throws EquationError with the character position of the problem
 */
export function compileExpr(src: string, names: readonly string[]): (values: ArrayLike<number>) => number {
  const e = parseExpr(src);
  checkExpr(e, new Set(names), 'inputs');
  const special: Record<string, string> = { V: 'V', t: 't', I: 'I_' };
  const decl = names.map((n, k) => `const ${special[n] ?? `p_${n}`} = a[${k}];`).join(' ');
  const body = `"use strict"; return function (a) { ${decl} return ${emit(e, { states: [], params: names.filter((n) => !(n in special)) })}; };`;
  return instantiate(body) as (values: ArrayLike<number>) => number;
}
