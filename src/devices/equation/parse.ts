/**
 * A small, safe expression language for user device models: text -> abstract syntax tree.
 * Nothing here evaluates user text; the tree is checked and compiled by ./compile.ts.
 *
 * Grammar (lowest precedence first; `^` binds tighter than unary minus, so -x^2 = -(x^2),
 * and is right-associative, 2^3^2 = 2^9):
 *
 *   cmp     := sum (( '<' | '<=' | '>' | '>=' | '==' | '!=' ) sum)?
 *   sum     := product (('+' | '-') product)*
 *   product := unary (('*' | '/') unary)*
 *   unary   := ('-' | '+') unary | power
 *   power   := atom (('^' | '**') unary)?
 *   atom    := number | name | name '(' cmp (',' cmp)* ')' | '(' cmp ')'
 *
 * Numbers: 12, 1.5, .5, 1e-3, 2.5E+4 (plain SI values; no unit suffixes inside equations).
 * Names: [A-Za-z_][A-Za-z0-9_]*. Comparisons give 1 or 0.
 * @module devices/equation/parse
 */

/** Expression tree node. `pos` is the 0-based character offset in the source text. */
export type Expr =
  | { kind: 'num'; value: number; pos: number }
  | { kind: 'var'; name: string; pos: number }
  | { kind: 'neg'; arg: Expr; pos: number }
  | { kind: 'bin'; op: BinOp; left: Expr; right: Expr; pos: number }
  | { kind: 'call'; fn: string; args: Expr[]; pos: number };

/** Binary operators. */
export type BinOp = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=';

/** A syntax or name error at a character position of an equation. */
export class EquationError extends Error {
  /** 0-based character offset. */
  readonly pos: number;
  /** What went wrong, without the position. */
  readonly reason: string;
  constructor(reason: string, pos: number) {
    super(`${reason} at character ${pos + 1}`);
    this.name = 'EquationError';
    this.reason = reason;
    this.pos = pos;
  }
}

type Tok = { t: 'num'; v: number; pos: number } | { t: 'name'; v: string; pos: number } | { t: 'op'; v: string; pos: number } | { t: 'end'; pos: number };

const OPS = ['<=', '>=', '==', '!=', '**', '+', '-', '*', '/', '^', '(', ')', ',', '<', '>'];
const NUM = /^(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    const rest = src.slice(i);
    const mn = NUM.exec(rest);
    if (mn) {
      const v = Number(mn[0]);
      if (!Number.isFinite(v)) throw new EquationError(`number ${mn[0]} is not finite`, i);
      if (NAME.test(src.slice(i + mn[0].length, i + mn[0].length + 1))) throw new EquationError(`a number followed by a name ("${mn[0]}${src[i + mn[0].length]}..."); write a '*' between them, and no units inside equations`, i);
      out.push({ t: 'num', v, pos: i });
      i += mn[0].length;
      continue;
    }
    const mm = NAME.exec(rest);
    if (mm) { out.push({ t: 'name', v: mm[0], pos: i }); i += mm[0].length; continue; }
    const op = OPS.find((o) => rest.startsWith(o));
    if (op) { out.push({ t: 'op', v: op === '**' ? '^' : op, pos: i }); i += op.length; continue; }
    throw new EquationError(`unexpected character "${c}"`, i);
  }
  out.push({ t: 'end', pos: src.length });
  return out;
}

/**
 * Parse an expression.
 * @throws EquationError with the character position of the problem
 */
export function parseExpr(src: string): Expr {
  if (typeof src !== 'string' || !src.trim()) throw new EquationError('an empty expression', 0);
  const toks = tokenize(src);
  let k = 0;
  const peek = () => toks[k];
  const isOp = (v: string) => { const p = toks[k]; return p.t === 'op' && p.v === v; };
  const expect = (v: string, what: string) => {
    const p = toks[k];
    if (p.t === 'op' && p.v === v) { k++; return; }
    throw new EquationError(`expected ${what}, found ${describe(p)}`, p.pos);
  };

  function cmp(): Expr {
    const left = sum();
    const p = peek();
    if (p.t === 'op' && ['<', '<=', '>', '>=', '==', '!='].includes(p.v)) {
      k++;
      const right = sum();
      const q = peek();
      if (q.t === 'op' && ['<', '<=', '>', '>=', '==', '!='].includes(q.v)) throw new EquationError('chained comparison; use if() or a product of comparisons', q.pos);
      return { kind: 'bin', op: p.v as BinOp, left, right, pos: p.pos };
    }
    return left;
  }
  function sum(): Expr {
    let left = product();
    for (;;) {
      const p = peek();
      if (p.t === 'op' && (p.v === '+' || p.v === '-')) { k++; left = { kind: 'bin', op: p.v, left, right: product(), pos: p.pos }; } else return left;
    }
  }
  function product(): Expr {
    let left = unary();
    for (;;) {
      const p = peek();
      if (p.t === 'op' && (p.v === '*' || p.v === '/')) { k++; left = { kind: 'bin', op: p.v, left, right: unary(), pos: p.pos }; } else return left;
    }
  }
  function unary(): Expr {
    const p = peek();
    if (p.t === 'op' && p.v === '-') { k++; return { kind: 'neg', arg: unary(), pos: p.pos }; }
    if (p.t === 'op' && p.v === '+') { k++; return unary(); }
    return power();
  }
  function power(): Expr {
    const base = atom();
    const p = peek();
    if (p.t === 'op' && p.v === '^') { k++; return { kind: 'bin', op: '^', left: base, right: unary(), pos: p.pos }; }
    return base;
  }
  function atom(): Expr {
    const p = peek();
    if (p.t === 'num') { k++; return { kind: 'num', value: p.v, pos: p.pos }; }
    if (p.t === 'name') {
      k++;
      if (isOp('(')) {
        k++;
        const args: Expr[] = [];
        if (!isOp(')')) {
          args.push(cmp());
          while (isOp(',')) { k++; args.push(cmp()); }
        }
        expect(')', `"," or ")" closing the call of ${p.v}()`);
        return { kind: 'call', fn: p.v, args, pos: p.pos };
      }
      return { kind: 'var', name: p.v, pos: p.pos };
    }
    if (p.t === 'op' && p.v === '(') {
      k++;
      const e = cmp();
      expect(')', 'a closing ")"');
      return e;
    }
    throw new EquationError(`expected a number, a name or "(", found ${describe(p)}`, p.pos);
  }

  const e = cmp();
  const last = peek();
  if (last.t !== 'end') throw new EquationError(`unexpected ${describe(last)} after a complete expression`, last.pos);
  return e;
}

function describe(p: Tok): string {
  if (p.t === 'end') return 'the end of the expression';
  if (p.t === 'num') return `the number ${p.v}`;
  if (p.t === 'name') return `the name "${p.v}"`;
  return `"${p.v}"`;
}

/** Names used by an expression (variables only, not function names), in order of first use. */
export function namesIn(e: Expr, out: Map<string, number> = new Map()): Map<string, number> {
  switch (e.kind) {
    case 'num': break;
    case 'var': if (!out.has(e.name)) out.set(e.name, e.pos); break;
    case 'neg': namesIn(e.arg, out); break;
    case 'bin': namesIn(e.left, out); namesIn(e.right, out); break;
    case 'call': for (const a of e.args) namesIn(a, out); break;
  }
  return out;
}
