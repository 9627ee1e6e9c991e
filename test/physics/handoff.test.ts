import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VCM_DEFAULTS } from '../../src/physics/kmc/vcm-lattice.js';
import { cycleStatistics } from '../../src/physics/kmc/vcm-cycles.js';
import { stanfordHandoff } from '../../src/physics/kmc/handoff.js';
import { getModel } from '../../src/devices/catalogue.js';
import { resolveParams } from '../../src/devices/params.js';

test('KMC cycle statistics hand off to a valid stanford-pku parameter set with spreads', () => {
  const st = cycleStatistics(VCM_DEFAULTS, [1, 2], 3);
  assert.equal(st.vSet.failed, 0, 'every cycle switches');
  assert.ok(st.rOff.mean > 10 * st.rOn.mean, `HRS/LRS ratio ${st.rOff.mean / st.rOn.mean}`);
  const h = stanfordHandoff({ gapOff: st.gapOff, rOn: st.rOn, thickness: VCM_DEFAULTS.nz * VCM_DEFAULTS.a, lattice: VCM_DEFAULTS.a });
  const model = getModel(h.model);
  assert.ok(model, 'stanford-pku is in the catalogue');
  const r = resolveParams(model!, undefined, h.set, 'device.set'); // throws SpecError if out of range
  assert.ok(r.spreads.size >= 1, 'gap spreads carried over');
  assert.ok(h.set.gmax >= VCM_DEFAULTS.a && h.set.gmax <= VCM_DEFAULTS.nz * VCM_DEFAULTS.a);
});
