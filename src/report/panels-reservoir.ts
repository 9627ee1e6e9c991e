/**
 * Report panel for the device level of reservoir computing with dynamic WOx memristors
 * (Du et al., Nat. Commun. 8, 2204 (2017); measurements.md A9): the 16 four-bit patterns at
 * rate 1 (0.8 ms frames, 1.5 V / 0.5 ms pulses) and rate 2 (4 ms frames, 1.5 V / 0.8 ms
 * pulses) on one device, read after every frame (network/reservoir/patterns). Checks: A9 (a)
 * distinct states, "0001" above "1000", ordering by recency-weighted count; A9 (b) rate 1 and
 * rate 2 states differ; A9 (c) (R, soft) the decay constant implied by the recency contrast
 * lies in ms to tens of ms. The existing WOx presets (wox-chang2011, tau1 = 3 s;
 * wox-du2015, facilitation by m) are run too and reported in a table for comparison.
 * @module report/panels-reservoir
 */
import { getModel, getPreset } from '../devices/catalogue.js';
import { resolveParams } from '../devices/params.js';
import { DU2017_RATE1, DU2017_RATE2 } from '../network/reservoir/encoding.js';
import { patternStudy, type PatternStudy } from '../network/reservoir/patterns.js';
import { DEFAULT_READ } from '../network/reservoir/run.js';
import { computedPanel, holds, inBand, table, type Check, type ComputedPanel, type PanelDef } from './panel.js';
import { patternStatesPlot, patternTracesPlot } from './reservoir-plots.js';
import { renderSvg } from './svg-plot.js';

/** Device of the panel and the presets it is compared with. */
export const RESERVOIR_PANEL_DEVICE = 'wox-du2017';
const COMPARE = ['wox-chang2011', 'wox-du2015'];

function study(id: string, seed: number): PatternStudy | undefined {
  const pr = getPreset(id), model = pr && getModel(pr.model);
  if (!pr || !model) return undefined;
  return patternStudy({ model, resolved: resolveParams(model, pr, {}, `device ${id}`), label: id }, [DU2017_RATE1, DU2017_RATE2], DEFAULT_READ, { seed });
}

const ms = (t: number) => (Number.isFinite(t) ? `${(t * 1e3).toPrecision(3)} ms` : 'none');

/** The A9 checks of one study. */
export function a9Checks(s: PatternStudy): Check[] {
  const [a, b] = s.rate, pairs = a.comparablePairs + b.comparablePairs;
  return [
    holds('distinctRate1', a.distinct, `16 states pairwise apart by > ${s.resolution.toPrecision(2)} S (10 rtol G_max)`, 'Q', 'A9 (a): all 16 patterns distinguishable'),
    holds('distinctRate2', b.distinct, `16 states pairwise apart by > ${s.resolution.toPrecision(2)} S (10 rtol G_max)`, 'Q', 'A9 (a): all 16 patterns distinguishable'),
    holds('recency', a.recencyHolds && b.recencyHolds, 'G("0001") > G("1000") at both rates', 'Q', 'A9 (a): later pulse -> higher state'),
    inBand('orderViolations', a.orderViolations + b.orderViolations, '1', 0, 0, `0 of ${pairs} pattern pairs ordered by every recency-weighted count`, 'Q', 'A9 (a): ordering by recency-weighted count'),
    holds('rateDifferent', s.rateDifferent, 'every non-empty pattern: |G_rate1 - G_rate2| > resolution', 'Q', 'A9 (b): rate 1 and rate 2 give different state vectors'),
    inBand('tauEff', s.rate[1].tauEff, 's', 1e-3, 0.1, '1 ms - 100 ms (ms to tens of ms)', 'R', 'A9 (c): WOx short-term decay comparable to the frames (provisional)'),
  ];
}

function reservoirPanel(seed: number): ComputedPanel {
  const s = study(RESERVOIR_PANEL_DEVICE, seed);
  if (!s) throw new Error(`preset ${RESERVOIR_PANEL_DEVICE} is not in the catalogue`);
  const others = COMPARE.map((id) => study(id, seed)).filter((x): x is PatternStudy => !!x);
  const all = [s, ...others];
  const F = s.frames;
  const cols: Record<string, number[]> = { pattern: s.patterns.map((_, q) => q), gRate1: Array.from(s.final[0]), gRate2: Array.from(s.final[1]) };
  for (let r = 0; r < 2; r++) for (let k = 0; k < F; k++) cols[`rate${r + 1}Frame${k + 1}`] = s.patterns.map((_, q) => s.traces[r][q * F + k]);
  const units: Record<string, string> = Object.fromEntries(Object.keys(cols).filter((k) => k !== 'pattern').map((k) => [k, 'S']));
  const cmp = table({
    presetIndex: all.map((_, k) => k),
    tauEffRate1: all.map((x) => x.rate[0].tauEff), tauEffRate2: all.map((x) => x.rate[1].tauEff),
    recencyRate1: all.map((x) => x.rate[0].recency), recencyRate2: all.map((x) => x.rate[1].recency),
    orderViolations: all.map((x) => x.rate[0].orderViolations + x.rate[1].orderViolations),
    minGapRate1: all.map((x) => x.rate[0].minGap), minGapRate2: all.map((x) => x.rate[1].minGap),
    rankFlips: all.map((x) => x.rankFlips),
  }, { tauEffRate1: 's', tauEffRate2: 's', recencyRate1: 'S', recencyRate2: 'S' });
  const line = (x: PatternStudy) => `${x.device}: tau_eff ${ms(x.rate[0].tauEff)} / ${ms(x.rate[1].tauEff)}, order violations ${x.rate[0].orderViolations + x.rate[1].orderViolations}, min gap ${x.rate[0].minGap.toExponential(1)} / ${x.rate[1].minGap.toExponential(1)} of the span`;
  const messages = [
    `${s.device}: G("0001") - G("1000") = ${s.rate[0].recency.toExponential(2)} S (rate 1), ${s.rate[1].recency.toExponential(2)} S (rate 2); ${s.rankFlips} of 120 pattern pairs change order between the rates`,
    ...all.map(line),
    `presetIndex of the comparison table: ${all.map((x, k) => `${k} = ${x.device}`).join(', ')}`,
  ];
  if (s.status !== 'ok') messages.unshift(s.message);
  return {
    tables: { states: { columns: cols, units }, presets: cmp },
    checks: a9Checks(s),
    plot: patternStatesPlot(s, 'fig5-reservoir'),
    figures: [renderSvg(patternTracesPlot(s, 1, 'fig5-reservoir-traces'))],
    runs: 2 * all.length,
    resolution: `16 patterns x 2 rates per preset, read (virtual, ${DEFAULT_READ.vRead} V) after every frame; rtol 1e-7, resolution 10 rtol G_max`,
    status: s.status, messages,
  };
}

/** The reservoir panel. */
export const RESERVOIR_PANELS: PanelDef[] = [
  computedPanel({
    id: 'fig5-reservoir', figure: 'Sec. 3.1 (Du 2017, A9)', title: 'Short-term memory as a reservoir: 4-bit pulse patterns',
    review: 'The fading memory of WOx devices (volatile relaxation in ms) makes one device map a temporal pulse pattern to a state: all 16 four-frame patterns give different states, later pulses weigh more, and the same pattern at another rate gives another state (Du et al. 2017, the reservoir built on the Section 3.1 short-term memory).',
    setup: 'Device wox-du2017: the wox-chang model with the fast relaxation time tau1 = 10 ms (A9 (c): ms to tens of ms; all other coefficients as wox-chang2011). Frames and pulses as A9 (S). "Ordering by recency-weighted count": pattern a is above b whenever, for every frame k, a has at least as many pulses as b in frames k..3 (then a is above b for every increasing positive weighting); violations are counted over all such pairs. wox-chang2011 (tau1 = 3 s) and wox-du2015 (facilitation through m, tau_c = 30 s) are run for comparison only.',
    protocol: 'reservoir patterns', devices: [RESERVOIR_PANEL_DEVICE], compute: reservoirPanel,
  }),
];
