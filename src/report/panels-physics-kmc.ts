/**
 * Report panels of the lattice KMC (issue 4): ECM growth modes vs ion mobility and redox rate
 * (Fig. 1), confinement and switching-parameter distributions (Figs. 11-12, measurements.md
 * B1-B3), quantized-conductance histogram (Fig. 13b, B4). Reduced resolution by default,
 * refined with `--full`; each card states what it used.
 * @module report/panels-physics-kmc
 */
import { ECM_DEFAULTS, growthMap } from '../physics/kmc/ecm-lattice.js';
import { VCM_DEFAULTS } from '../physics/kmc/vcm-lattice.js';
import { cycleStatistics, kineticSpread, variability, SWEEP_DEFAULTS } from '../physics/kmc/vcm-cycles.js';
import { confinementMasks, type ConfinementKind } from '../physics/kmc/confinement.js';
import { ECM_CELL_DEFAULTS } from '../physics/kmc/ecm-cell.js';
import { ecmConfinementStudy, ECM_CONFINEMENT_DEFAULTS, ECM_SWEEP, type EcmKind } from '../physics/kmc/ecm-confinement.js';
import { KB } from '../units/constants.js';
import { QPC_DEFAULTS, qpcHistogram, qpcSet } from '../physics/kmc/qpc.js';
import { G0, Q } from '../units/constants.js';
import { heatmapSvg } from './svg-heatmap.js';
import { renderSvg } from './svg-plot.js';
import { tileSvgs } from './svg-tile.js';
import { computedPanel, holds, inBand, table, type Check, type ComputedPanel, type PanelDef } from './panel.js';

function growthPanel(seed: number, o: { full?: boolean }): ComputedPanel {
  const mob = o.full ? [1e-3, 1e-2, 1e-1, 1, 10] : [1e-3, 1e-1, 10];
  const red = o.full ? [1e-4, 1e-2, 1, 1e2, 1e4] : [1e-4, 1, 1e4];
  const p = ECM_DEFAULTS;
  const cells = growthMap(p, mob, red, seed);
  const at = (m: number, k: number) => cells.find((c) => c.mobility === m && c.redox === k)!;
  const mLo = mob[0], mHi = mob[mob.length - 1], kLo = red[0], kHi = red[red.length - 1];
  const origin = (c: ReturnType<typeof at>) => c.mode.origin, shape = (c: ReturnType<typeof at>) => c.mode.shape;
  const label = (c: ReturnType<typeof at>) => `${origin(c)}/${shape(c)}`;
  const checks: Check[] = [
    holds('originTrend', red.every((k) => at(mLo, k).growth.earlyCentroid > at(mHi, k).growth.earlyCentroid), 'early metal nearer the anode at low than at high mobility, every redox rate', 'Q', 'review Section 2.1'),
    holds('inertOriginHighMobility', red.every((k) => origin(at(mHi, k)) === 'inert'), `grows from the inert cathode at mobility ${mHi} (${red.map((k) => origin(at(mHi, k))).join(', ')})`, 'Q', 'review Section 2.1'),
    holds('activeOriginLowMobility', red.every((k) => origin(at(mLo, k)) === 'active'), `grows from the active anode at mobility ${mLo} (${red.map((k) => origin(at(mLo, k))).join(', ')})`, 'Q', 'review Section 2.1'),
    holds('denseHighRedox', mob.every((m) => shape(at(m, kHi)) === 'dense'), `dense at redox ${kHi} (${mob.map((m) => shape(at(m, kHi))).join(', ')})`, 'Q', 'review Section 2.1'),
    holds('clustersLowRedoxLowMobility', shape(at(mLo, kLo)) === 'clusters', `discrete clusters at low redox, low mobility (${label(at(mLo, kLo))})`, 'Q', 'review Section 2.1'),
    holds('branchedLowRedoxHighMobility', shape(at(mHi, kLo)) === 'branched', `branched at low redox, high mobility (${label(at(mHi, kLo))})`, 'Q', 'review Section 2.1'),
  ];
  const maps = cells.map((c) => heatmapSvg({ values: c.growth.state, nx: p.nx, nz: p.nz, dx: p.a, dz: p.a, title: `M ${c.mobility}, K ${c.redox}: ${label(c)}`, unit: '0 empty, 1 ion, 2 metal', min: 0, max: 2 }));
  return {
    tables: { map: table({ mobility: cells.map((c) => c.mobility), redox: cells.map((c) => c.redox), earlyCentroid: cells.map((c) => c.growth.earlyCentroid), inertOrigin: cells.map((c) => (origin(c) === 'inert' ? 1 : 0)), shapeCode: cells.map((c) => ['dense', 'branched', 'clusters'].indexOf(shape(c))), clusters: cells.map((c) => c.growth.clusters), freeClusters: cells.map((c) => c.growth.freeClusters), branching: cells.map((c) => c.growth.branching), largestFraction: cells.map((c) => c.growth.largestFraction), largestFill: cells.map((c) => c.growth.largestFill), metal: cells.map((c) => c.growth.metal), bridged: cells.map((c) => (c.growth.bridged ? 1 : 0)), time: cells.map((c) => c.growth.time) }, { redox: '1/s', time: 's' }) },
    checks,
    plot: {
      xLabel: 'ion mobility prefactor M', xUnit: '1', yLabel: 'early-metal height (0 cathode, 1 anode)', yUnit: '1', xLog: true, yLog: false,
      series: red.map((k) => ({ name: `redox K = ${k}`, x: mob, y: mob.map((m) => at(m, k).growth.earlyCentroid), kind: 'both' as const })),
      hlines: [{ y: 0.5, label: 'origin threshold' }],
    },
    figures: [tileSvgs(maps, red.length)],
    runs: cells.length, resolution: `${mob.length} x ${red.length} map (rows: mobility ${mob.join(', ')}; columns: anode oxidation rate K ${red.join(', ')} /s; reduction on metal ${p.kRed} /s, isolated nucleation ${p.kNuc} /s fixed), one seeded run per cell on a ${p.nx} x ${p.nz} lattice (a = ${p.a * 1e9} nm) at ${p.voltage} V until bridging; shape from the lattice: 'clusters' = 3 or more metal clusters touching neither electrode, else 'branched' = 0.6 or more side tips per row of the largest cluster, else 'dense' (at high mobility the dense mode is a continuous unbranched wire, not a thick cone); shape code 0 dense, 1 branched, 2 clusters`,
    status: 'ok', messages: [],
  };
}

const KINDS: ConfinementKind[] = ['control', 'dislocation', 'dislocation-pipe', 'nanocrystal', 'nanopore', 'edge'];
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function confinementPanel(seed: number, o: { full?: boolean }): ComputedPanel {
  const p = VCM_DEFAULTS;
  const nDev = o.full ? 10 : 6, nCyc = o.full ? 20 : 10;
  const seeds = Array.from({ length: nDev }, (_, k) => seed + k);
  const st = KINDS.map((kind) => cycleStatistics(p, seeds, nCyc, undefined, () => confinementMasks(p, kind)));
  const by = (k: ConfinementKind) => st[KINDS.indexOf(k)];
  const ctl = by('control');
  const cvs = (s: typeof ctl) => [s.vSet.c2c, s.vReset.c2c, s.rOn.c2c, s.rOff.c2c];
  const below = (k: ConfinementKind) => cvs(by(k)).filter((x, q) => x < cvs(ctl)[q]).length;
  // kinetic floor: SET sweeps from one fixed post-RESET lattice per seed (identical geometry), so
  // the CV is what confining the geometry cannot remove
  const floorSeeds = o.full ? [seed, seed + 1, seed + 2] : [seed], nFloor = o.full ? 40 : 24;
  const floors = KINDS.map((kind) => floorSeeds.map((s) => kineticSpread(p, s, nFloor, undefined, confinementMasks(p, kind))));
  const floorCv = floors.map((f) => f.reduce((a, x) => a + x.cv, 0) / f.length);
  const floorOf = (k: ConfinementKind) => floorCv[KINDS.indexOf(k)];
  // pore study: forming + one cycle per device; at the default 100 uA compliance the
  // self-limited filament is about one site wide whatever the pore, so the width limit of the
  // pore is probed at 300 uA, where the unconfined filament is ~4 sites wide (R_on ~0.9 kOhm)
  const poreW = [1, 2, 4, 8], pHi = { ...p, compliance: 3e-4 };
  const poreRun = (pp: typeof p) => poreW.map((pore) => cycleStatistics(pp, seeds, 1, undefined, () => confinementMasks(pp, 'nanopore', { pore })));
  const pores = poreRun(p), poresHi = poreRun(pHi);
  const meanOf = (xs: number[]) => { const f = xs.filter(Number.isFinite); return f.length ? f.reduce((a, b) => a + b, 0) / f.length : NaN; };
  const ronOf = (ps: typeof pores) => ps.map((s) => meanOf(s.runs.map((r) => r.cycles[0].rOn)));
  const poreForm = pores.map((s) => s.vForm.mean), poreRon = ronOf(pores), poreRonHi = ronOf(poresHi);
  const falls = (xs: number[]) => xs.every((x, k) => k === 0 || x < xs[k - 1]);
  const dis = by('dislocation'), pipe = by('dislocation-pipe');
  // B1 on the ECM pair (epiRAM is an Ag cell): Ag / SiGe with a dislocation pipe against Ag / a-Si,
  // same seeds, cycles and sweeps as the VCM kinds
  const ecmKinds: EcmKind[] = ['control', 'dislocation'], ep = ECM_CELL_DEFAULTS, em = ECM_CONFINEMENT_DEFAULTS;
  const ecm = ecmConfinementStudy(ep, ecmKinds, seeds, nCyc, { floorRuns: nFloor, formRuns: o.full ? 24 : 16, floorSeeds });
  const [eCtl, eDis] = ecm.rows, [eCtlSt, eDisSt] = ecm.stats;
  const checks: Check[] = [
    inBand('ECM dislocation (Ag/SiGe) CV(V_set) c2c', eDis.vSetC2c, '1', 0, 0.02, '<= 2 %', 'B', 'B1 (Choi 2018, 1.7 %)'),
    inBand('ECM dislocation (Ag/SiGe) CV(V_set) d2d', eDis.vSetD2d, '1', 0, 0.05, '<= 5 %', 'R', 'B1 spatial 4-5 %'),
    inBand('ECM control (Ag/a-Si) / dislocation CV(V_set)', eCtl.vSetC2c / eDis.vSetC2c, '1', 3, Infinity, '>= 3', 'Q', 'B1 control'),
    inBand('nanocrystal / control CV(V_set)', by('nanocrystal').vSet.c2c / ctl.vSet.c2c, '1', 0, 1, '< 1', 'Q', 'B2'),
    inBand('nanocrystal / control CV(V_form) d2d', by('nanocrystal').vForm.d2d / ctl.vForm.d2d, '1', 0, 1, '< 1', 'Q', 'B2'),
    ...(['nanocrystal', 'nanopore', 'edge'] as ConfinementKind[]).map((k) => inBand(`${k}: CVs below control`, below(k), '1', 4, 4, '4 of 4 (V_set, V_reset, R_on, R_off)', 'Q', 'B3')),
    holds('smaller pore: higher V_form', falls(poreForm), `V_form ${poreForm.map((v) => v.toFixed(2)).join(' > ')} V for pores ${poreW.join(', ')} sites (${nDev} devices)`, 'Q', 'B3 [96]'),
    holds('smaller pore: lower current', falls(poreRonHi), `R_on ${poreRonHi.map((v) => (v / 1e3).toFixed(2)).join(' > ')} kOhm for pores ${poreW.join(', ')} sites at I_cc 300 uA (at 100 uA: ${poreRon.map((v) => (v / 1e3).toFixed(2)).join(', ')} kOhm, no trend)`, 'Q', 'B3 [96]'),
  ];
  const messages: string[] = [];
  const eRatio = eCtl.vSetC2c / eDis.vSetC2c;
  if (!(eDis.vSetC2c <= 0.02) || !(eDis.vSetD2d <= 0.05) || !(eRatio >= 3)) {
    const kT = KB * ep.t0, gumbel = Math.PI / Math.sqrt(6), eV = (x: number) => (x / Q).toFixed(2), nm = (sites: number) => (sites * ep.a * 1e9).toFixed(2);
    const g = (r: typeof eDis) => r.gapOffSites.toFixed(1);
    // cycles whose RESET left a one-atom break against those that left two or more
    const breaks = (st: typeof eDisSt) => {
      const one = (c: { gapOff: number }) => c.gapOff < 1.5 * ep.a;
      const vOf = (f: (c: { gapOff: number }) => boolean) => st.runs.flatMap((r) => r.cycles.filter(f).map((c) => c.vSet)).filter(Number.isFinite);
      const vMore = vOf((c) => !one(c));
      const devCv = st.runs.map((r) => variability([r.cycles.map((c) => c.vSet)]).c2c).filter(Number.isFinite);
      return { more: vMore.length, n: st.runs.reduce((a, r) => a + r.cycles.length, 0), vOne: meanOf(vOf(one)), vMore: meanOf(vMore), cvOne: variability(st.runs.map((r) => r.cycles.filter(one).map((c) => c.vSet))).c2c, devLo: Math.min(...devCv), devHi: Math.max(...devCv) };
    };
    const bD = breaks(eDisSt), bC = breaks(eCtlSt);
    const v2 = (b: typeof bD) => (b.more ? `, ${b.vMore.toFixed(2)} V instead of ${b.vOne.toFixed(2)} V` : '');
    messages.push(`B1 not reproduced on the ECM cell (${ep.nx} x ${ep.nz} sites of ${ep.a * 1e9} nm): Ag/SiGe with a ${nm(em.pipeWidth)} nm dislocation pipe (Ag+ barrier ${eV(em.ePipe)} eV, crystal ${eV(em.eBulk)} eV) has C2C CV(V_set) ${pct(eDis.vSetC2c)} +- ${pct(eDis.vSetC2cSe)} and D2D ${pct(eDis.vSetD2d)} (mean ${eDis.vSetMean.toFixed(2)} V); the Ag/a-Si control (${eV(ep.eHop)} eV, site disorder ${eV(em.sigma)} eV) ${pct(eCtl.vSetC2c)} +- ${pct(eCtl.vSetC2cSe)} (ratio ${eRatio.toFixed(2)}, needs >= 3). Measured: (1) a SET that grows the filament through the pipe from an empty film (forming, over ${o.full ? 24 : 16} identical fresh cells) spreads by ${pct(eDis.vFormFloor)} (a-Si ${pct(eCtl.vFormFloor)}): it moves many ions and their noise averages out. (2) Cycling does not regrow the filament: the RESET oxidises Ag at the rupture and the ions re-deposit on the Ag still joined to the Ag electrode, the nearest cathodic metal under reverse bias, so the Ag stays in the film and the RESET leaves a break of ${g(eDis)} sites on average (the fewest atoms that reconnect; a-Si ${g(eCtl)}), which the next SET closes. (3) That SET's kinetic floor (${nFloor} SET sweeps from one post-RESET lattice) is ${pct(eDis.vSetFloor)} (a-Si ${pct(eCtl.vSetFloor)}): it is set off by oxidising the electrode-side Ag at the break, a barrier E_red + dG = ${eV(ep.eRed + ep.dG)} eV that the field has to remove almost entirely (one such event alone: (pi/sqrt 6) kT / ${eV(ep.eRed + ep.dG)} eV = ${pct(gumbel * kT / (ep.eRed + ep.dG))} at best; an Ag+ hop, lowered by only z q a E / 2, would be far wider). (4) The rest is mostly the size of the break: a RESET that leaves two or more atoms to refill needs a much higher SET voltage (pipe ${bD.more} of ${bD.n} cycles${v2(bD)}; a-Si ${bC.more} of ${bC.n}${v2(bC)}); over the one-atom breaks alone the C2C CV is ${pct(bD.cvOne)} (pipe) and ${pct(bC.cvOne)} (a-Si), per-device CVs ${pct(bD.devLo)}-${pct(bD.devHi)} (pipe) and ${pct(bC.devLo)}-${pct(bC.devHi)} (a-Si). In a-Si the Ag also takes other paths; the pipe removes that (the confinement effect of the review), but the ratio is ${eRatio.toFixed(2)}, not 3. (5) A RESET swept on further does not widen the break (bench/ecm-reset-study, seed 1, RESET stop voltage -1.5 (the default) / -3 / -6 V; the epiRAM sweep end points are not recovered here, so the default is unchanged): under reverse bias the Ag joined to the inert electrode is the anodic side and dissolves, and its ions re-deposit on the Ag joined to the Ag anode, which is cathodic; the break moves down to the inert electrode (at -6 V no Ag is left on it after 60 of 60 RESETs of the pipe, against 2-12 rows of Ag at -1.5 V), which has nothing to dissolve, and stays one site (59 of 60). C2C CV(V_set) (6 x 10) of the pipe 8.6 / 8.9 / 10.1 %, of a-Si 15.8 / 19.9 / 23.5 % (ratio 1.84 / 2.23 / 2.34); 10 x 20 at -1.5 / -3 / -6 V: pipe 7.2 / 6.9 / 7.5 % (D2D 3.8 / 3.0 / 3.1 %; 199 / 197 / 198 of 200 breaks one site), a-Si 17.5 / 24.3 / 25.9 % (5 / 23 / 17 of 200 breaks of two or more sites, 7 / 27 / 28 of 200 V_set above 1.25 x the device median), ratio 2.42 / 3.54 / 3.47: the deeper RESET widens the a-Si spread, not the pipe's one-atom floor (kinetic floor after a RESET to -6 V 1.7 / 3.0 / 3.3 % for devices 1 / 2 / 3, 40 SET sweeps each), which stays above 2 %. The epiRAM spread would need a cycle that regrows the filament through the pipe (a RESET that takes the Ag out of the pipe, back into the Ag anode, where here it stays in the pipe hanging from the anode), not one that re-closes a one-atom break`);
  }
  if (!(dis.vSet.c2c <= 0.02) || !(ctl.vSet.c2c / dis.vSet.c2c >= 3)) {
    const need = (floorOf('dislocation') / 0.017) ** 2, eV = (x: number) => (x / Q).toFixed(1);
    const e0 = p.eGen - p.eNbrZ, e0Core = e0 - (confinementMasks(p, 'dislocation').genDrop?.[Math.floor(p.nx / 2)] ?? 0);
    messages.push(`VCM lattice (HfOx; kept for reference, B1 is evaluated on the ECM pair): dislocation C2C CV(V_set) ${pct(dis.vSet.c2c)} (control ${pct(ctl.vSet.c2c)}). Its kinetic floor (${nFloor} SET sweeps from one post-RESET lattice, same geometry every sweep) is ${pct(floorOf('dislocation'))}, against ${pct(floorOf('control'))} for the control: the SET is triggered by one activated generation event at the filament tip (each vacancy it adds shortens the gap and speeds up the next: a runaway), so V_set is Gumbel-distributed with width (pi/sqrt 6) kT/dE, dE the field lowering of that barrier at switching; the core's lower formation energy (what confines the filament) lowers that barrier (${eV(e0Core)} against ${eV(e0)} eV) and widens the floor. The rest is the post-RESET gap (CV ${pct(dis.gapOff.c2c)} cycle to cycle, 1-2 sites of ${p.a * 1e9} nm). ~1.7 % would need a SET averaged over about ${need.toFixed(0)} similar-rate events (a channel a few nm wide holding many ions, review section 4.2), not one site-wide lattice filament. A lowered migration barrier along the core (dislocation-pipe, 0.4 eV) gives ${pct(pipe.vSet.c2c)} (kinetic floor ${pct(floorOf('dislocation-pipe'))}): at RESET the vacancies below the rupture leave up the pipe, and the SET starts with a hop down the pipe, whose field lowering z q a E / 2 is a fraction of the generation's, so its Gumbel width is larger`);
  }
  const nc = by('nanocrystal');
  if (!(nc.vSet.c2c < ctl.vSet.c2c) || !(nc.vForm.d2d < ctl.vForm.d2d)) messages.push(`B2 nanocrystal: C2C CV(V_set) ${pct(nc.vSet.c2c)} +- ${pct(nc.vSet.c2cSe)} against ${pct(ctl.vSet.c2c)} +- ${pct(ctl.vSet.c2cSe)} (standard errors over devices), D2D CV(V_form) ${pct(nc.vForm.d2d)} against ${pct(ctl.vForm.d2d)}: no narrowing beyond the noise. The 2 x 2-site dot localises the filament (V_form ${nc.vForm.mean.toFixed(2)} against ${ctl.vForm.mean.toFixed(2)} V) but forming and SET are still triggered by one activated event, whose Gumbel width (kinetic floor ${pct(floorOf('nanocrystal'))}, control ${pct(floorOf('control'))}) a local field enhancement does not reduce`);
  const names = ['V_set', 'V_reset', 'R_on', 'R_off'];
  for (const k of ['nanocrystal', 'nanopore', 'edge'] as ConfinementKind[]) {
    const worse = cvs(by(k)).map((x, q) => (x < cvs(ctl)[q] ? '' : `${names[q]} ${pct(x)} vs ${pct(cvs(ctl)[q])}`)).filter((x) => x);
    if (worse.length) messages.push(`B3 ${k}: C2C CV not below the control for ${worse.join(', ')} (${nDev} devices x ${nCyc} cycles; kinetic floor of V_set ${pct(floorOf(k))}, post-RESET gap CV ${pct(by(k).gapOff.c2c)} against ${pct(ctl.gapOff.c2c)})`);
  }
  // kind codes in the tables: the VCM kinds, then the ECM pair
  const ALL = [...KINDS, ...ecmKinds.map((k) => `ecm-${k}`)], allSt = [...st, ...ecm.stats];
  const allFloor = [...floorCv, ...ecm.rows.map((r) => r.vSetFloor)], formFloor = [...KINDS.map(() => NaN), ...ecm.rows.map((r) => r.vFormFloor)];
  const rows: Record<string, number[]> = { kind: [], device: [], cycle: [], vSet: [], vReset: [], rOn: [], rOff: [], gapOff: [] };
  allSt.forEach((s, q) => s.runs.forEach((r, d) => r.cycles.forEach((c, k) => {
    rows.kind.push(q); rows.device.push(seeds[d]); rows.cycle.push(k + 1); rows.vSet.push(c.vSet); rows.vReset.push(c.vReset); rows.rOn.push(c.rOn); rows.rOff.push(c.rOff); rows.gapOff.push(c.gapOff);
  })));
  const cdf = (s: typeof ctl) => { const v = s.runs.flatMap((r) => r.cycles.map((c) => c.vSet)).filter(Number.isFinite).sort((a, b) => a - b); return { x: v, y: v.map((_, k) => (k + 1) / v.length) }; };
  const idx = ALL.map((_, k) => k), eIdx = ecmKinds.map((_, k) => KINDS.length + k);
  const cvPlot = renderSvg({
    id: 'fig11-cv', xLabel: `kind (${ALL.map((k, q) => `${q} ${k}`).join(', ')})`, xUnit: '1', yLabel: 'cycle-to-cycle CV', yUnit: '1', xLog: false, yLog: false,
    series: [
      ...[['V_set', (s: typeof ctl) => s.vSet.c2c], ['V_reset', (s: typeof ctl) => s.vReset.c2c], ['R_on', (s: typeof ctl) => s.rOn.c2c], ['R_off', (s: typeof ctl) => s.rOff.c2c]].map(([n, f]) => ({ name: n as string, x: idx, y: allSt.map(f as (s: typeof ctl) => number), kind: 'both' as const })),
      { name: 'V_set kinetic floor (fixed lattice)', x: idx, y: allFloor, kind: 'both' as const },
      { name: 'ECM V_form spread (fresh cells: many ions)', x: eIdx, y: ecm.rows.map((r) => r.vFormFloor), kind: 'both' as const },
    ],
    band: { y0: 0, y1: 0.02, label: 'B1: 2 %' },
  });
  return {
    tables: {
      cv: table({ kind: idx, vSetC2c: allSt.map((s) => s.vSet.c2c), vSetC2cSe: allSt.map((s) => s.vSet.c2cSe), vSetD2d: allSt.map((s) => s.vSet.d2d), vSetMean: allSt.map((s) => s.vSet.mean), vSetFloor: allFloor, vFormFloor: formFloor, vResetC2c: allSt.map((s) => s.vReset.c2c), rOnC2c: allSt.map((s) => s.rOn.c2c), rOnD2d: allSt.map((s) => s.rOn.d2d), rOffC2c: allSt.map((s) => s.rOff.c2c), rOffD2d: allSt.map((s) => s.rOff.d2d), gapOffC2c: allSt.map((s) => s.gapOff.c2c), gapOffMean: allSt.map((s) => s.gapOff.mean), vFormMean: allSt.map((s) => s.vForm.mean), vFormD2d: allSt.map((s) => s.vForm.d2d), failed: allSt.map((s) => s.vSet.failed + s.vReset.failed) }, { vSetMean: 'V', vFormMean: 'V', gapOffMean: 'm' }),
      cycles: table(rows, { vSet: 'V', vReset: 'V', rOn: 'Ohm', rOff: 'Ohm', gapOff: 'm' }),
      floor: table({ kind: floors.flatMap((f, q) => f.map(() => q)), seed: floors.flatMap((f) => f.map((_, k) => floorSeeds[k])), gapOff: floors.flatMap((f) => f.map((x) => x.gapOff)), vSetMean: floors.flatMap((f) => f.map((x) => x.mean)), vSetCv: floors.flatMap((f) => f.map((x) => x.cv)) }, { gapOff: 'm', vSetMean: 'V' }),
      pores: table({ pore: poreW, vFormMean: poreForm, rOnMean: poreRon, vFormMean300uA: poresHi.map((s) => s.vForm.mean), rOnMean300uA: poreRonHi }, { vFormMean: 'V', rOnMean: 'Ohm', vFormMean300uA: 'V', rOnMean300uA: 'Ohm' }),
    },
    checks,
    plot: { xLabel: 'SET voltage', xUnit: 'V', yLabel: 'cumulative probability', yUnit: '1', xLog: false, yLog: false, series: ALL.map((k, q) => ({ name: k, ...cdf(allSt[q]), kind: 'both' as const })) },
    figures: [cvPlot],
    runs: KINDS.length * (nDev + floorSeeds.length * nFloor) + 2 * poreW.length * nDev + ecmKinds.length * (nDev + floorSeeds.length * (nFloor + (o.full ? 24 : 16))),
    resolution: `VCM lattice ${p.nx} x ${p.nz} (a = ${p.a * 1e9} nm), fields re-solved after every event; ${nDev} seeded devices x ${nCyc} cycles per kind; 10 V/s ramps as ${SWEEP_DEFAULTS.dV * 1e3} mV staircases at mid-step rates, switching voltage taken at the event that bridges / breaks the vacancy path, 20 ms hold under compliance after SET, RESET swept on to -${SWEEP_DEFAULTS.vResetStop} V after the rupture; kinetic floor: ${nFloor} SET sweeps (no hold) from the post-RESET lattice of device${floorSeeds.length > 1 ? 's' : ''} ${floorSeeds.join(', ')}; pore study ${nDev} devices x 1 cycle at 100 and 300 uA. ECM pair (B1): Ag cell ${ep.nx} x ${ep.nz} (a = ${ep.a * 1e9} nm; Ag+ free energy above metal dG = ${(ep.dG / Q).toFixed(2)} eV, chosen after a scan of 0.15-0.5 eV in which larger dG narrowed both cells' spread and B1 failed at every value), fields re-solved after every change of metal, the same seeds, cycles and sweeps (forming to ${ECM_SWEEP.vForm} V; RESET counted when no metal-or-ion path is left), kinetic floor as above, forming floor over ${o.full ? 24 : 16} fresh copies of device${floorSeeds.length > 1 ? 's' : ''} ${floorSeeds.join(', ')}; kind codes in the CSV: ${ALL.map((k, q) => `${q} ${k}`).join(', ')}`,
    status: 'ok', messages,
  };
}

function qpcPanel(seed: number, o: { full?: boolean }): ComputedPanel {
  const runs = o.full ? 2000 : 300;
  const h = qpcHistogram(QPC_DEFAULTS, Array.from({ length: runs }, (_, k) => seed + k));
  const near = (n: number) => (h.peaks.length ? h.peaks.reduce((b, x) => (Math.abs(x - n) < Math.abs(b - n) ? x : b)) : NaN);
  const checks: Check[] = [1, 2, 3].map((n) => inBand(`peak near ${n} G0`, near(n), '1', 0.9 * n, 1.1 * n, `${(0.9 * n).toFixed(1)} - ${(1.1 * n).toFixed(1)} G0`, 'S', 'B4 (G0 = 2e^2/h)'));
  checks.push(inBand('half-integer peak near 1.5 G0', near(1.5), '1', 1.35, 1.65, '1.35 - 1.65 G0', 'R', 'B4 (oxide devices)'));
  const one = qpcSet(QPC_DEFAULTS, seed);
  const steps = renderSvg({ id: 'fig13b-steps', xLabel: 'ramp voltage', xUnit: 'V', yLabel: 'G / G0', yUnit: '1', xLog: false, yLog: false, series: [{ name: `run seed ${seed}`, x: one.v, y: Array.from(one.g, (g) => g / G0) }], hlines: [1, 2, 3].map((n) => ({ y: n, label: `${n} G0` })) });
  return {
    tables: { histogram: table({ gOverG0: h.centers, count: h.counts }), steps: table({ t: one.t, v: one.v, gOverG0: Array.from(one.g, (g) => g / G0) }, { t: 's', v: 'V' }) },
    checks,
    plot: { xLabel: 'final conductance G / G0', xUnit: '1', yLabel: 'runs per 0.1 G0 bin', yUnit: '1', xLog: false, yLog: false, series: [{ name: `${runs} weak-programming runs`, x: h.centers, y: h.counts, kind: 'line' }] },
    figures: [steps],
    runs: runs + 1, resolution: `${runs} seeded weak-programming SET ramps (birth-death KMC of the constriction, ${QPC_DEFAULTS.rate} V/s to ${QPC_DEFAULTS.vMax} V, R_s ${QPC_DEFAULTS.rSeries / 1e3} kOhm); 0.1 G0 bins; peaks = local maxima with >= 3 counts`,
    status: 'ok', messages: [],
  };
}

/** KMC panels. */
export const KMC_PANELS: PanelDef[] = [
  computedPanel({
    id: 'fig1-growth-map', figure: 'Fig. 1 (growth modes)', title: 'ECM growth mode vs ion mobility and redox rate',
    review: 'High Ag+ mobility: filaments grow from the inert cathode; low mobility: from the active anode. High redox rate: dense filaments; low: discrete nanoclusters (low mobility) or branches (high mobility).',
    protocol: 'kmc growth-map', devices: ['kmc ag-ecm'], compute: growthPanel,
  }),
  computedPanel({
    id: 'fig11-confinement', figure: 'Figs. 11-12', title: 'Filament confinement: switching-parameter distributions',
    review: 'Confining the filament (dislocations in SiGe, Cu nanocrystals, nanodots, graphene edges and nanopores) narrows the V_set and resistance distributions; epiRAM (Ag / SiGe, an ECM cell) reaches ~1.7 % V_set variation. B1 is checked on an Ag ECM pair (SiGe dislocation pipe vs a-Si), B2/B3 on the VCM lattice.',
    protocol: 'kmc confinement', devices: ['kmc hfox-vcm', 'kmc ag-ecm pair (SiGe pipe / a-Si)'], compute: confinementPanel,
  }),
  computedPanel({
    id: 'fig13b-qpc', figure: 'Fig. 13b', title: 'Quantized conductance under weak programming',
    review: 'In atomic-point-contact filaments (Nb/ZnO/Pt) the LRS conductance histogram peaks at integer (and, in oxides, half-integer) multiples of G0 = 2e^2/h.',
    protocol: 'kmc quantized', devices: ['kmc nb-zno-qpc'], compute: qpcPanel,
  }),
];
