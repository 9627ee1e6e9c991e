import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuantity, SpecError, formatSI, G0 } from '../src/units/index.js';

test('parses the units specs use', () => {
  const cases: Array<[string, Parameters<typeof parseQuantity>[1], number]> = [
    ['1.4 V', 'voltage', 1.4], ['500 ns', 'time', 5e-7], ['10 kOhm', 'resistance', 1e4], ['100 uA', 'current', 1e-4],
    ['5 nm', 'length', 5e-9], ['300 K', 'temperature', 300], ['6.7 MHz', 'frequency', 6.7e6], ['25 C', 'temperature', 298.15],
    ['0.6 eV', 'energy', 0.6 * 1.602176634e-19], ['1e-3', 'dimensionless', 1e-3], ['2.5MOhm', 'resistance', 2.5e6], ['3 µs', 'time', 3e-6],
  ];
  for (const [s, dim, v] of cases) {
    const got = parseQuantity(s, dim, 'x');
    // relative tolerance of a few ulps: prefixes multiply by inexact powers of ten
    assert.ok(Math.abs(got - v) <= 4 * Number.EPSILON * Math.abs(v), `${s} -> ${got}, expected ${v}`);
  }
  assert.equal(parseQuantity(42, 'time', 'x'), 42);
});

test('wrong dimension, unknown unit and NaN are errors that name the field', () => {
  assert.throws(() => parseQuantity('5 nm', 'time', 'stimulus.width'), (e: unknown) => e instanceof SpecError && /stimulus\.width/.test(e.message) && /time/.test(e.message) && /length/.test(e.message));
  assert.throws(() => parseQuantity('5 furlongs', 'length', 'device.set.d'), (e: unknown) => e instanceof SpecError && /device\.set\.d/.test(e.message) && /unknown unit/.test(e.message));
  assert.throws(() => parseQuantity(NaN, 'voltage', 'a.b'), /a\.b: got NaN/);
  assert.throws(() => parseQuantity('fast', 'time', 'a.c'), /a\.c/);
  assert.throws(() => parseQuantity(undefined, 'time', 'a.d'), /a\.d: got nothing/);
});

test('formats with engineering prefixes', () => {
  assert.equal(formatSI(5e-7, 's'), '500 ns');
  assert.equal(formatSI(1.4, 'V'), '1.4 V');
  assert.equal(formatSI(12906.4, 'Ohm', 3), '12.9 kOhm');
});

test('conductance quantum is 2e^2/h = 77.48 uS (exact SI constants)', () => {
  assert.ok(Math.abs(G0 - 7.748091729e-5) < 1e-13);
});

test('formatParam writes values that parse back to the same number', async () => {
  const { formatParam } = await import('../src/units/format.js');
  const cases: Array<[number, string, Parameters<typeof parseQuantity>[1]]> = [
    [0.5 * 1.602176634e-19, 'J', 'energy'], [100, 'Ohm', 'resistance'], [4e-14, 'm^2/(V s)', 'mobility'], [1.476, '1/s', 'frequency'], [293, 'K', 'temperature'],
  ];
  for (const [v, unit, dim] of cases) {
    const s = formatParam(v, unit, dim);
    assert.ok(Math.abs(parseQuantity(s, dim, 'x') - v) <= 1e-11 * Math.abs(v), `${s}`);
  }
});
