/**
 * Report panel for the device level of reservoir computing with dynamic WOx memristors
 * (Du et al., Nat. Commun. 8, 2204 (2017); measurements.md A9): the `reservoir-patterns`
 * protocol (the 16 four-bit patterns at rate 1, 0.8 ms frames with 1.5 V / 0.5 ms pulses, and
 * rate 2, 4 ms frames with 1.5 V / 0.8 ms pulses, read after every frame). Checks: A9 (a)
 * distinct states, "0001" above "1000", ordering by recency-weighted count; A9 (b) rate 1 and
 * rate 2 states differ; A9 (c) (R, soft) the decay constant implied by the recency contrast
 * lies in ms to tens of ms.
 * @module report/panels-reservoir
 */
import type { ProtocolResult } from '../protocols/types.js';
import { holds, inBand, type Check, type PanelDef } from './panel.js';
import { col } from './panels-synaptic.js';

/** Device of the panel. */
export const RESERVOIR_PANEL_DEVICE = 'wox-du2017';
const ms = (t: number) => (Number.isFinite(t) ? `${(t * 1e3).toPrecision(3)} ms` : 'none');

/**
 * The A9 checks from the pattern metrics (network/reservoir/patterns `patternMetrics`, the
 * protocol's metrics): `m(name)` returns a metric's value.
 */
export function a9Checks(m: (name: string) => number): Check[] {
  const res = `> ${m('resolution').toPrecision(2)} S (10 rtol G_max)`;
  return [
    holds('distinctRate1', m('distinctRate1') === 1, `16 states pairwise apart by ${res}`, 'Q', 'A9 (a): all 16 patterns distinguishable'),
    holds('distinctRate2', m('distinctRate2') === 1, `16 states pairwise apart by ${res}`, 'Q', 'A9 (a): all 16 patterns distinguishable'),
    holds('recency', m('recency') === 1, 'G("0001") > G("1000") at both rates', 'Q', 'A9 (a): later pulse -> higher state'),
    inBand('orderViolations', m('orderViolations'), '1', 0, 0, `0 of ${m('comparablePairs')} pattern pairs ordered by every recency-weighted count`, 'Q', 'A9 (a): ordering by recency-weighted count'),
    holds('rateDifferent', m('rateDifferent') === 1, 'every non-empty pattern: |G_rate1 - G_rate2| > resolution', 'Q', 'A9 (b): rate 1 and rate 2 give different state vectors'),
    inBand('tauEff', m('tauEffRate2'), 's', 1e-3, 0.1, '1 ms - 100 ms (ms to tens of ms)', 'R', 'A9 (c): WOx short-term decay comparable to the frames (provisional)'),
  ];
}

const mv = (r: ProtocolResult) => (k: string) => r.metrics[k]?.value ?? NaN;

/** The reservoir panel. */
export const RESERVOIR_PANELS: PanelDef[] = [
  {
    id: 'fig5-reservoir', figure: 'Sec. 3.1 (Du 2017, A9)', title: 'Short-term memory as a reservoir: 4-bit pulse patterns',
    review: 'Not a figure of the review: the application of its Section 3.1 short-term memory measured by the same group (Du et al. 2017, measurements.md A9). The fading memory of WOx devices (volatile relaxation in ms) makes one device map a temporal pulse pattern to a state: all 16 four-frame patterns give different states, later pulses weigh more, and the same pattern at another rate gives another state.',
    setup: 'Device wox-du2017: the wox-chang model with the fast relaxation time tau1 = 10 ms (A9 (c): ms to tens of ms; all other coefficients as wox-chang2011, whose tau1 = 3 s gives a recency contrast of 1e-3 of a pulse and states closer than the resolution at rate 1). Frames and pulses as A9 (S). "Ordering by recency-weighted count": pattern a is above b whenever, for every frame k, a has at least as many pulses as b in frames k..4 (then a is above b for every increasing positive weighting); violations are counted over all such pairs. Resolution: 10 x the integrator tolerance (rtol 1e-7) times G_max.',
    protocol: 'reservoir-patterns', devices: [RESERVOIR_PANEL_DEVICE],
    checks: (r) => a9Checks(mv(r)),
    summary: (r) => {
      const m = mv(r);
      return `G("0001") - G("1000") = ${m('recencyRate1').toExponential(2)} S (rate 1), ${m('recencyRate2').toExponential(2)} S (rate 2); smallest gap ${m('minGapRate1').toExponential(1)} / ${m('minGapRate2').toExponential(1)} of the span; tau_eff ${ms(m('tauEffRate1'))} / ${ms(m('tauEffRate2'))}; ${m('rankFlips')} of 120 pattern pairs change order between the rates`;
    },
    plot: (r) => ({
      xLabel: 'pattern (binary value, "0001" = 1, "1000" = 8)', xUnit: '1', yLabel: 'final conductance', yUnit: 'S', xLog: false, yLog: false,
      series: [
        { name: 'rate 1 (0.8 ms frames)', x: col(r, 'states', 'pattern'), y: col(r, 'states', 'gRate1'), kind: 'both' },
        { name: 'rate 2 (4 ms frames)', x: col(r, 'states', 'pattern'), y: col(r, 'states', 'gRate2'), kind: 'both' },
      ],
    }),
  },
];
