// Makes the "measured" data files of examples/fit/ from known devices with seeded noise, in
// the formats instruments export (units in headers, several cycles and devices per file).
// Run after `npm run build`:  node scripts/make-fit-data.mjs
// The true parameters are listed in examples/fit/README.md so that fits can be checked.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolveSpec, simulate } from '../dist/src/experiment/index.js';
import { Rng } from '../dist/src/rng/rng.js';

const dir = 'examples/fit';
mkdirSync(dir, { recursive: true });
const g = (x) => Number(x.toPrecision(6));

// 1. I-V sweeps: HP linear drift, ron 150 Ohm, roff 12 kOhm, muv 2e-14; 2 cycles, 1 % noise
{
  const r = simulate(resolveSpec({ device: { preset: 'hp-tio2-strukov2008', set: { ron: 150, roff: 12e3, muv: 2e-14 } }, stimulus: { type: 'sweep', vmax: '1 V', period: '1 s', cycles: 2 }, record: { every: 0.01 } }));
  const rng = new Rng(101).stream('noise');
  const { t, vs, i } = r.columns;
  let rms = 0;
  for (const x of i) rms += x * x;
  rms = Math.sqrt(rms / i.length);
  const rows = ['# Synthetic I-V export (nanoionics scripts/make-fit-data.mjs): hp-tio2-strukov2008 with ron 150, roff 12e3, muv 2e-14; noise 1 % of RMS', 'Cycle,Time (ms),Voltage (V),Current (mA)'];
  for (let k = 0; k < t.length; k++) {
    const cyc = Math.min(2, Math.floor(t[k] / 1 + 1e-9) + 1);
    rows.push(`${cyc},${g((t[k] - (cyc - 1)) * 1e3)},${g(vs[k])},${g((i[k] + 0.01 * rms * rng.normal()) * 1e3)}`);
  }
  writeFileSync(join(dir, 'iv-sweeps.csv'), rows.join('\n') + '\n');
}

// 2. Potentiation / depression: the Ag/a-Si data-driven preset with gmax 5e-8 S, 40 + 40 pulses, 1 % read noise
{
  const amps = [...new Array(40).fill(3.2), ...new Array(40).fill(-2.8)];
  const t = [], v = [];
  let time = 0;
  const row = (tt, vv) => { t.push(tt); v.push(vv); };
  row(0, 0.1); time = 1e-3; row(time, 0.1);
  for (const a of amps) { row(time, a); time += 300e-6; row(time, a); row(time, 0.1); time += 1e-3; row(time, 0.1); }
  const r = simulate(resolveSpec({ device: { preset: 'ag-asi-jo2010', set: { gmax: 5e-8 } }, stimulus: { type: 'pwl', points: t.map((x, k) => [x, v[k]]) }, record: { every: 'breakpoint' } }));
  const rng = new Rng(102).stream('noise');
  const rows = ['# Synthetic pulse-train export: ag-asi-jo2010 with gmax 5e-8 S; 40 pulses +3.2 V / 300 us then 40 pulses -2.8 V / 300 us; reads at 0.1 V; 1 % read noise', 'time [us]\tV [V]\tG [nS]'];
  let j = 0;
  for (let k = 0; k < t.length; k++) {
    while (j + 1 < r.columns.t.length && r.columns.t[j + 1] <= t[k]) j++;
    rows.push(`${g(t[k] * 1e6)}\t${v[k]}\t${g(r.columns.g[j] * 1e9 * (1 + 0.01 * rng.normal()))}`);
  }
  writeFileSync(join(dir, 'pulses.tsv'), rows.join('\n') + '\n');
}

// 3. Switching statistics: 8 devices x 25 cycles, lognormal R with D2D 0.2 / C2C 0.1 (sigma of ln),
//    V_set / V_reset normal with D2D 5 % / C2C 8 %
{
  const rng = new Rng(103).stream('cycles');
  const rows = ['# Synthetic cycling summary: R_off D2D 0.2 / C2C 0.1 (sigma of ln), R_on D2D 0.1 / C2C 0.05, V_set D2D 5 % / C2C 8 %', 'device,cycle,V_set (V),V_reset (V),R_on (Ohm),R_off (kOhm)'];
  for (let d = 0; d < 8; d++) {
    const mon = Math.log(150) + 0.1 * rng.normal(), moff = Math.log(12) + 0.2 * rng.normal();
    const vs = 0.8 * (1 + 0.05 * rng.normal()), vr = -0.7 * (1 + 0.05 * rng.normal());
    for (let c = 1; c <= 25; c++) {
      rows.push(`D${d + 1},${c},${g(vs * (1 + 0.08 * rng.normal()))},${g(vr * (1 + 0.08 * rng.normal()))},${g(Math.exp(mon + 0.05 * rng.normal()))},${g(Math.exp(moff + 0.1 * rng.normal()))}`);
    }
  }
  writeFileSync(join(dir, 'cycles.csv'), rows.join('\n') + '\n');
}
console.log(`wrote ${dir}/iv-sweeps.csv, pulses.tsv, cycles.csv`);
