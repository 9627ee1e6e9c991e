import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datasheet, DATASHEET_FIELDS } from '../src/memory/datasheet.js';
import { datasheetHtml } from '../src/memory/datasheet-html.js';

test('datasheet JSON has every field with a unit, and the four memory-grade criteria', () => {
  const d = datasheet({ preset: 'ag-sio2-ecm-memory' }, { quick: true });
  const j = JSON.parse(JSON.stringify(d, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x)));
  for (const k of DATASHEET_FIELDS) {
    const f = j.fields[k];
    assert.ok(f, `field ${k} missing`);
    assert.equal(typeof f.unit, 'string', `field ${k} has no unit`);
    assert.ok(f.unit.length > 0, `field ${k} has an empty unit`);
    assert.ok(typeof f.value === 'number' || ['NaN', 'Infinity'].includes(f.value), `field ${k} value ${f.value}`);
  }
  assert.deepEqual(d.criteria.map((c) => c.id), ['on-off', 'speed', 'endurance', 'retention']);
  for (const c of d.criteria) assert.ok(['pass', 'fail', 'n/a'].includes(c.status));
  // the ECM preset is an ECM cell with ON/OFF ~1e5 (gon / goff = 1e5): the ON/OFF criterion applies and passes
  assert.equal(d.cellClass, 'ecm');
  assert.equal(d.criteria[0].status, 'pass');
  const html = datasheetHtml(d);
  assert.ok(html.includes('<svg') && html.includes('retention'));
});

test('datasheet of a model without temperature or wear marks those criteria n/a, never pass', () => {
  const d = datasheet({ preset: 'hp-tio2-strukov2008' }, { quick: true });
  const ret = d.criteria.find((c) => c.id === 'retention')!;
  assert.equal(ret.status, 'n/a');
});
