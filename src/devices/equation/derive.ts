/**
 * Symbolic derivative of an expression tree with respect to one variable (the device voltage
 * V, for dI/dV in the circuit Newton iterations), with light simplification (0 and 1 folded).
 *
 * Rules: sum, product, quotient, chain rule; a^b with constant b -> b a^(b-1) a', general a^b
 * -> a^b (b' ln a + b a' / a); min/max/if differentiate the branch that is chosen;
 * comparisons, step and sign have derivative 0 (almost everywhere).
 * @module devices/equation/derive
 */
import type { Expr } from './parse.js';
import { EquationError } from './parse.js';

const num = (value: number): Expr => ({ kind: 'num', value, pos: -1 });
const isNum = (e: Expr, v?: number): boolean => e.kind === 'num' && (v === undefined || e.value === v);

function add(a: Expr, b: Expr): Expr {
  if (isNum(a, 0)) return b;
  if (isNum(b, 0)) return a;
  return { kind: 'bin', op: '+', left: a, right: b, pos: -1 };
}
function sub(a: Expr, b: Expr): Expr {
  if (isNum(b, 0)) return a;
  if (isNum(a, 0)) return neg(b);
  return { kind: 'bin', op: '-', left: a, right: b, pos: -1 };
}
function mul(a: Expr, b: Expr): Expr {
  if (isNum(a, 0) || isNum(b, 0)) return num(0);
  if (isNum(a, 1)) return b;
  if (isNum(b, 1)) return a;
  return { kind: 'bin', op: '*', left: a, right: b, pos: -1 };
}
function div(a: Expr, b: Expr): Expr {
  if (isNum(a, 0)) return num(0);
  if (isNum(b, 1)) return a;
  return { kind: 'bin', op: '/', left: a, right: b, pos: -1 };
}
function neg(a: Expr): Expr {
  if (a.kind === 'num') return num(-a.value);
  return { kind: 'neg', arg: a, pos: -1 };
}
const call = (fn: string, ...args: Expr[]): Expr => ({ kind: 'call', fn, args, pos: -1 });
const pow = (a: Expr, b: Expr): Expr => ({ kind: 'bin', op: '^', left: a, right: b, pos: -1 });

/** True when e does not depend on x. */
function constIn(e: Expr, x: string): boolean {
  switch (e.kind) {
    case 'num': return true;
    case 'var': return e.name !== x;
    case 'neg': return constIn(e.arg, x);
    case 'bin': return constIn(e.left, x) && constIn(e.right, x);
    case 'call': return e.args.every((a) => constIn(a, x));
  }
}

/** d e / d x as a new tree. */
export function derive(e: Expr, x: string): Expr {
  if (constIn(e, x)) return num(0);
  switch (e.kind) {
    case 'num': return num(0);
    case 'var': return num(e.name === x ? 1 : 0);
    case 'neg': return neg(derive(e.arg, x));
    case 'bin': {
      const a = e.left, b = e.right, da = derive(a, x), db = derive(b, x);
      switch (e.op) {
        case '+': return add(da, db);
        case '-': return sub(da, db);
        case '*': return add(mul(da, b), mul(a, db));
        case '/': return div(sub(mul(da, b), mul(a, db)), mul(b, b));
        case '^':
          if (constIn(b, x)) return mul(mul(b, pow(a, sub(b, num(1)))), da);
          return mul(e, add(mul(db, call('log', a)), div(mul(b, da), a)));
        default: return num(0); // comparisons are piecewise constant
      }
    }
    case 'call': {
      const [a, b, c] = e.args;
      const da = derive(a, x);
      switch (e.fn) {
        case 'exp': return mul(e, da);
        case 'limexp': return mul(call('dlimexp', a), da);
        case 'log': return div(da, a);
        case 'log10': return div(da, mul(a, num(Math.LN10)));
        case 'sqrt': return div(da, mul(num(2), e));
        case 'sinh': return mul(call('cosh', a), da);
        case 'cosh': return mul(call('sinh', a), da);
        case 'tanh': return mul(sub(num(1), mul(e, e)), da);
        case 'asinh': return div(da, call('sqrt', add(num(1), mul(a, a))));
        case 'abs': return mul(call('sign', a), da);
        case 'sign': case 'step': return num(0);
        case 'pow': return derive(pow(a, b), x);
        case 'sstep':
          if (!constIn(b, x)) throw new EquationError('sstep(x, eps) with an eps that depends on V cannot be differentiated; make eps a parameter', e.pos);
          return mul(call('dsstep', a, b), da);
        case 'if': return call('if', a, derive(b, x), derive(c, x));
        case 'min': case 'max': {
          // derivative of the selected argument: fold pairwise as if(a <= b, da, db)
          let best = e.args[0], d = da;
          for (let k = 1; k < e.args.length; k++) {
            const o = e.args[k];
            const cond: Expr = { kind: 'bin', op: e.fn === 'min' ? '<=' : '>=', left: best, right: o, pos: -1 };
            d = call('if', cond, d, derive(o, x));
            best = call(e.fn, best, o);
          }
          return d;
        }
        default: throw new EquationError(`no derivative rule for ${e.fn}()`, e.pos);
      }
    }
  }
}
