/**
 * Measured-data import: units from headers and flags, several cycles and devices per file,
 * and rejection of malformed files with the line number.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importData, parseDataRef } from '../src/fit/import.js';
import { SpecError } from '../src/units/parse.js';

const rejects = (text: string, kind: 'iv' | 'pulse' | 'retention' | 'cycles', re: RegExp) => {
  assert.throws(() => importData(text, 'dev.csv', { kind }), (e: unknown) => e instanceof SpecError && re.test(e.message), `expected ${re}`);
};

test('header units (mA, us, kOhm) and (unit) / [unit] forms are converted to SI', () => {
  const text = '# Keithley 4200 export\nTime (us),Voltage [V],Current [mA]\n0,0,0\n10,0.5,1.5\n20,1,2\n';
  const { sets } = importData(text, 'a.csv', { kind: 'iv' });
  assert.equal(sets.length, 1);
  // a few ulp: the prefix factor 1e-6 and the product are each rounded once (2^-51 = 4.4e-16)
  [0, 10e-6, 20e-6].forEach((t, k) => assert.ok(Math.abs(sets[0].t[k] - t) <= 4.5e-16 * t, `t ${sets[0].t[k]}`));
  // exact decimal scaling up to one rounding of the factor multiplication
  assert.ok(Math.abs(sets[0].y[1] - 1.5e-3) < 1e-18);
  assert.deepEqual(Array.from(sets[0].line), [3, 4, 5]);
  const r = importData('t [s]\tR [kOhm]\n0\t10\n1\t20\n', 'r.tsv', { kind: 'retention' });
  assert.ok(Math.abs(r.sets[0].y[1] - 1 / 20e3) < 1e-20, 'resistance turned into conductance');
});

test('columns by index and unit flags when the header has none', () => {
  const text = 'a;b;c\n0;0;0\n1;0.1;5\n2;0.2;9\n';
  const { sets } = importData(text, 'b.csv', { kind: 'iv', columns: { time: 1, voltage: 'b', current: 3 }, units: { current: 'uA', time: 'ms' } });
  assert.deepEqual(Array.from(sets[0].y, (x) => Math.round(x * 1e9)), [0, 5000, 9000]);
  assert.equal(sets[0].t[2], 2e-3);
});

test('cycles whose clock restarts are placed one after the other; devices become separate sets', () => {
  const text = 'device,cycle,t,V,I\nA,1,0,0,0\nA,1,1,1,1\nA,2,0,0,0\nA,2,1,1,2\nB,1,0,0,0\nB,1,1,1,3\n';
  const { sets } = importData(text, 'c.csv', { kind: 'iv' });
  assert.equal(sets.length, 2);
  assert.deepEqual(Array.from(sets[0].t), [0, 1, 2, 3]);
  assert.deepEqual(Array.from(sets[0].cycle), [1, 1, 2, 2]);
  assert.equal(sets[1].name, 'c.csv[B]');
});

test('I-V without time is replayed at the given sweep rate', () => {
  const { sets } = importData('V,I\n0,0\n0.5,1\n1,2\n0,0\n', 'd.csv', { kind: 'iv', rate: 2 });
  assert.deepEqual(Array.from(sets[0].t), [0, 0.25, 0.5, 1]);
});

test('malformed files are rejected with the line number', () => {
  rejects('t,V,I\n0,0,0\n1,0.5\n', 'iv', /line 3/); // too few cells
  rejects('t,V,I\n0,0,0\n1,,2\n', 'iv', /line 3.*missing value/); // missing value
  rejects('t,V,I\n0,0,0\n1,abc,2\n', 'iv', /line 3.*a number/); // not a number
  rejects('t,V,I\n0,0,0\n2,0.5,1\n1,1,2\n', 'iv', /line 4.*monotonic/); // time goes back
  rejects('t [s],V [V],I [V]\n0,0,0\n1,1,1\n', 'iv', /unit mismatch/); // current column in volts
  rejects('t,V,I\n0,0,0\n1,1,nan\n', 'iv', /line 3.*missing value/);
  rejects('t,G\n0,1\n', 'pulse', /voltage|current or conductance|at least two/);
  rejects('x,y\n0,1\n1,2\n', 'retention', /time column/);
  assert.throws(() => importData('t,V,I [mA]\n0,0,0\n1,1,1\n', 'e.csv', { kind: 'iv', units: { current: 'uA' } }), /disagree/);
});

test('summary cycle tables and FILE:kind references', () => {
  const text = 'cycle,device,V_set (V),V_reset (V),R_on (kOhm),R_off (kOhm)\n1,A,1.0,-0.8,1,100\n2,A,1.1,-0.9,1.1,120\n';
  const r = importData(text, 'f.csv', { kind: 'cycles' });
  assert.equal(r.sets.length, 0);
  assert.deepEqual(Array.from(r.cycles!.roff!), [100e3, 120e3]);
  assert.deepEqual(parseDataRef('data/x.csv:pulse'), { file: 'data/x.csv', kind: 'pulse' });
  assert.deepEqual(parseDataRef('x.csv'), { file: 'x.csv', kind: 'iv' });
  assert.throws(() => parseDataRef('x.csv:bogus'), SpecError);
});
