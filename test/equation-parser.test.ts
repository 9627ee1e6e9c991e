import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileExpr, parseExpr, EquationError, buildEquationModel } from '../src/devices/equation/index.js';
import { G0, KB, Q } from '../src/units/constants.js';

const ev = (src: string, names: string[] = [], vals: number[] = []) => compileExpr(src, names)(vals);

test('precedence, associativity and unary minus follow the documented grammar', () => {
  const cases: Array<[string, number]> = [
    ['1 + 2 * 3', 7], ['(1 + 2) * 3', 9], ['-2^2', -4], ['(-2)^2', 4], ['2^3^2', 512], ['2**3', 8],
    ['2^-1', 0.5], ['- -3', 3], ['+4', 4], ['8 / 4 / 2', 1], ['10 - 4 - 3', 3], ['.5 + 1.5e1', 15.5],
    ['1 < 2', 1], ['2 <= 1', 0], ['3 == 3', 1], ['3 != 3', 0], ['1 + 1 > 1', 1], ['2.5E+2', 250],
  ];
  for (const [src, want] of cases) assert.equal(ev(src), want, src);
});

test('functions, constants and if() (lazy: the untaken branch is never evaluated)', () => {
  assert.equal(ev('if(0, log(-1), 7)'), 7);
  assert.equal(ev('if(x > 0, sqrt(x), -1)', ['x'], [-4]), -1);
  assert.equal(ev('min(3, 1, 2) + max(3, 1, 2)'), 4);
  assert.equal(ev('pow(2, 10)'), 1024);
  assert.equal(ev('abs(-3) * sign(-2)'), -3);
  assert.equal(ev('step(-1) + step(0) + step(2)'), 1.5);
  assert.equal(ev('sstep(0, 1)'), 0.5);
  assert.ok(Math.abs(ev('sstep(5, 0.1)') - 1) < 1e-15);
  // limexp continues linearly above 80: finite and C1 where exp overflows
  assert.ok(Number.isFinite(ev('limexp(1000)')) && !Number.isFinite(ev('exp(1000)')));
  assert.equal(ev('limexp(81)'), Math.exp(80) * 2);
  assert.equal(ev('G0'), G0);
  assert.equal(ev('q / kB'), Q / KB);
  assert.equal(ev('pi'), Math.PI);
  assert.equal(ev('asinh(sinh(0.3)) + log10(100) + cosh(0) + tanh(0) + exp(0) + log(1)'), 0.3 + 2 + 1 + 0 + 1 + 0);
  assert.equal(ev('a*V + t*I', ['a', 'V', 't', 'I'], [2, 3, 4, 5]), 26);
});

test('syntax and name errors carry the character position', () => {
  const pos = (src: string, names: string[] = []): number => {
    try { compileExpr(src, names); } catch (e) { if (e instanceof EquationError) return e.pos; throw e; }
    assert.fail(`${src} should not compile`);
  };
  assert.equal(pos('k*(V', ['k', 'V']), 4); // missing ")" at the end (0-based offset 4)
  assert.equal(pos('2V', ['V']), 0); // number glued to a name: no units inside equations
  assert.equal(pos('k*sinh(b*V)', ['k', 'V']), 7); // unknown name b
  assert.equal(pos('foo(1)'), 0); // unknown function
  assert.equal(pos('pow(1)'), 0); // wrong arity
  assert.equal(pos('1 < 2 < 3'), 6); // chained comparison
  assert.equal(pos('1 + # 2'), 4); // bad character
  assert.equal(pos('exp'), 0); // function used as a variable
  assert.equal(pos('(1 + 2'), 6);
  assert.equal(pos('1 2'), 2); // trailing input
  assert.equal(pos('dlimexp(1)'), 0); // internal helpers are not part of the language
  assert.throws(() => parseExpr('   '), EquationError);
  assert.throws(() => parseExpr('1e999'), /not finite/);
});

test('symbolic dI/dV agrees with a central difference', () => {
  const src = 'I = w^3*b*sinh(al*V) + c*(limexp(g*V) - 1) + V/(1 + V^2) + sqrt(1 + V*V)*tanh(V) + abs(V)*min(V, 0.2) + if(V > 0, V^2, 0) + sstep(V, 0.3) + (1 + V)^(w + V)';
  const { model } = buildEquationModel({ equations: {
    current: src,
    states: { w: { rate: '0', init: 0.6, min: 0, max: 1 } },
    params: { b: 1e-4, al: 2, c: 1e-3, g: 4 },
  } }, 'device');
  const p = Float64Array.of(1e-4, 2, 1e-3, 4), x = Float64Array.of(0.6);
  const i = new Float64Array(1), g = new Float64Array(1), ip = new Float64Array(1), im = new Float64Array(1);
  for (const V of [0.05, 0.15, 0.4, 0.9]) {
    const h = 1e-6;
    model.current(Float64Array.of(V), x, p, i, g, 1);
    model.current(Float64Array.of(V + h), x, p, ip, null, 1);
    model.current(Float64Array.of(V - h), x, p, im, null, 1);
    const fd = (ip[0] - im[0]) / (2 * h);
    // central difference, h = 1e-6: truncation ~ h^2 |I'''| and round-off ~ 1e-16 |I| / h, both below 1e-7 relative here
    assert.ok(Math.abs(g[0] - fd) <= 1e-7 * Math.max(1, Math.abs(fd)), `V = ${V}: dI/dV ${g[0]} vs ${fd}`);
  }
});
