/**
 * Report panels for Section 3 of the review (Fig. 4b - 8): homosynaptic plasticity from the
 * second-order dynamics of WOx (mobility), Ta2O5-x/TaOy (temperature) and a diffusive Ag
 * memristor in series with a drift memristor, and metaplasticity. Bands and provenance codes
 * are those of ../shared/reference/measurements.md (row named in each check).
 * @module report/panels-synaptic
 */
import { fitExp } from '../analysis/decay-fits.js';
import { logInterp } from '../protocols/ppf.js';
import type { ProtocolResult } from '../protocols/types.js';
import { holds, inBand, type PanelDef } from './panel.js';
import type { PlotSeries } from './svg-plot.js';

/** A column of a result table. */
export function col(r: ProtocolResult, table: string, name: string): number[] {
  return r.tables[table]?.columns[name] ?? [];
}
const m = (r: ProtocolResult, k: string) => r.metrics[k]?.value ?? NaN;

/** Metaplasticity panels share their checks and plot. */
function metaPanel(id: string, figure: string, title: string, review: string, params: Record<string, unknown>, needOpposite: boolean, setup?: string): PanelDef {
  return {
    id, figure, title, review, setup, protocol: 'metaplasticity', devices: ['ta2o5-zhu2017'], params,
    checks: (r) => [
      inBand('mismatch', m(r, 'mismatch'), '1', 0, 0.05, '<= 0.05', 'Q', 'A4 (a): same G (+-5 %) after both histories'),
      holds('differentRate', Math.abs(m(r, 'dGA') - m(r, 'dGB')) > 0.1 * Math.max(Math.abs(m(r, 'dGA')), Math.abs(m(r, 'dGB'))), 'dG_A and dG_B differ by > 10 %', 'Q', 'A4 (a): different dG rate'),
      needOpposite
        ? holds('oppositeSigns', m(r, 'oppositeSigns') === 1, 'opposite signs', 'Q', 'A4 (a): opposite sign in at least one protocol (S-backed abstract)')
        : { ...holds('oppositeSigns', m(r, 'oppositeSigns') === 1, 'opposite signs (informative)', 'Q', 'A4 (a)'), gate: 'soft' },
    ],
    summary: (r) => {
      const rel = (k: string, g: string) => `${(100 * m(r, k) / m(r, g)).toFixed(2)} %`;
      const knob = params.match === 'count' ? `common count ${m(r, 'countA')}` : `history B ${params.match === 'resetB' ? 'RESET' : 'train'} amplitude ${m(r, 'knobB').toPrecision(3)} V`;
      return `G_A ${m(r, 'gMatchA').toPrecision(4)} S, G_B ${m(r, 'gMatchB').toPrecision(4)} S (${knob}); test train: dG_A/G_A ${rel('dGA', 'gMatchA')}, dG_B/G_B ${rel('dGB', 'gMatchB')}`;
    },
    plot: (r) => ({
      xLabel: 'test pulse number', xUnit: '1', yLabel: 'conductance', yUnit: 'S',
      series: [
        { name: 'history A', x: col(r, 'trajectories', 'pulse'), y: col(r, 'trajectories', 'gA'), kind: 'both' },
        { name: 'history B', x: col(r, 'trajectories', 'pulse'), y: col(r, 'trajectories', 'gB'), kind: 'both' },
      ],
      yLog: false,
    }),
  };
}

/** A weight change that is there at all: |dG| at the highest rate above 1e-3 of G_0 (10 ppm of G is read noise in a real set-up). */
function visible(r: ProtocolResult) {
  return inBand('relChangeHighRate', Math.abs(m(r, 'relChangeHighRate')), '1', 1e-3, Infinity, '|dG|/G0 > 1e-3 (a visible change)', 'Q', 'a change must exist to have an ordering');
}

/** The SRDP checks shared by the WOx, thermal and diffusive + drift panels (source: measurements.md row). */
function srdpChecks(r: ProtocolResult, source: string, contrastSource = source) {
  return [
    holds('srdpMonotone', m(r, 'srdpMonotone') === 1, 'dG rises with rate', 'Q', source),
    inBand('rateContrast', m(r, 'rateContrast'), '1', 1 + 1e-9, Infinity, '> 1', 'Q', contrastSource),
    visible(r),
  ];
}

/** The STDP window's qualitative checks shared by the three mechanisms. */
function stdpChecks(r: ProtocolResult, source: string) {
  return [
    holds('antisymmetric', m(r, 'antisymmetric') === 1, 'sign(dW) = sign(dt)', 'Q', source),
    holds('decaysWithDelay', m(r, 'decaysWithDelay') === 1, '|dW| falls with |dt|', 'Q', source),
  ];
}

export const SYNAPTIC_PANELS: PanelDef[] = [
  {
    id: 'fig4b', figure: 'Fig. 4b', title: 'Incremental potentiation and depression',
    review: 'Identical consecutive potentiating and depressing pulses change the conductance step by step (Ag/a-Si, Jo et al. 2010): a rising, saturating branch and a falling branch.',
    protocol: 'pulse-response', devices: ['wox-du2015', 'baseline-sinh'],
    checks: (r) => [
      holds('potentiationMonotone', m(r, 'potentiationMonotone') === 1, 'G rises with every pulse', 'Q', 'A6 (a)'),
      holds('depressionMonotone', m(r, 'depressionMonotone') === 1, 'G falls with every pulse', 'Q', 'A6 (a)'),
      holds('saturating', m(r, 'nlPotentiation') > 0, 'A/P_max > 0 (decreasing increments)', 'Q', 'A6 (a)'),
    ],
    plot: (r) => ({ xLabel: 'pulse number', xUnit: '1', yLabel: 'conductance', yUnit: 'S', series: [{ name: 'G', x: col(r, 'curve', 'pulse'), y: col(r, 'curve', 'g'), kind: 'scatter' }], yLog: false }),
  },
  {
    id: 'fig5b', figure: 'Fig. 5b', title: 'Short-term memory: stretched-exponential forgetting',
    review: 'After stimulation the WOx conductance decays back; the decay is fitted by a stretched exponential G(t) = G_inf + A exp(-(t/tau)^beta).',
    protocol: 'retention', devices: ['wox-chang2011'],
    checks: (r) => [
      inBand('beta', m(r, 'beta'), '1', 1e-9, 1, '0 < beta <= 1', 'Q', 'A1 (b)'),
      inBand('r2', m(r, 'r2'), '1', 0.95, 1, '>= 0.95 (fit describes the decay)', 'Q', 'A1 (fit form)'),
      inBand('tau', m(r, 'tau'), 's', 0, Infinity, 'reported (not recovered)', 'Q', 'A1: tau values not recovered'),
    ],
    plot: (r) => ({
      xLabel: 'time after stimulus', xUnit: 's', yLabel: 'conductance', yUnit: 'S', yLog: false,
      series: [
        { name: 'simulated read', x: col(r, 'decay', 't'), y: col(r, 'decay', 'g'), kind: 'scatter' },
        { name: `fit tau=${m(r, 'tau').toPrecision(3)} s, beta=${m(r, 'beta').toFixed(2)}`, x: col(r, 'fit', 't'), y: col(r, 'fit', 'g'), kind: 'line' },
      ],
    }),
  },
  {
    id: 'fig5d', figure: 'Fig. 5d', title: 'STM to LTM transition with pulse number',
    review: 'Retention after 40 pulses is much longer than after 5: rehearsal turns short-term into long-term memory (tau grows with pulse count).',
    protocol: 'stm-ltm', devices: ['wox-chang2011'],
    checks: (r) => [
      holds('tauMonotone', m(r, 'tauMonotone') === 1, 'tau does not decrease with N', 'Q', 'A1 (a)'),
      inBand('tauRatio', m(r, 'tauRatio'), '1', 2, Infinity, 'tau40/tau5 >= 2', 'R', 'A1 (d)'),
      holds('betaInRange', m(r, 'betaMin') > 0 && m(r, 'betaMax') <= 1, '0 < beta <= 1 for every N', 'Q', 'A1 (b)'),
    ],
    plot: (r) => {
      const d = r.tables.decay?.columns ?? {};
      const series: PlotSeries[] = Object.keys(d).filter((k) => k.startsWith('g_K')).map((k) => ({ name: `${k.slice(3)} pulses`, x: d.t, y: d[k], kind: 'both' as const }));
      return { xLabel: 'time after stimulus', xUnit: 's', yLabel: 'conductance', yUnit: 'S', series, yLog: false };
    },
  },
  {
    id: 'fig6a', figure: 'Fig. 6a', title: 'Paired pulses: the second response is enhanced',
    review: 'Pairs of 1.4 V / 1 ms pulses on WOx: the second pulse always produces an enhanced response, less so at longer intervals (mobility enhancement).',
    // the review's ten intervals of Fig. 6a span the ms range where the enhancement is visible
    protocol: 'ppf', devices: ['wox-du2015'], params: { intervals: ['1 ms', '2 ms', '3 ms', '5 ms', '7 ms', '10 ms', '20 ms', '30 ms', '50 ms', '100 ms'] },
    checks: (r) => [
      inBand('ppfMin', m(r, 'ppfMin'), '1', 1 + 1e-9, Infinity, '> 1 at every interval', 'Q', 'A2 (a)'),
      holds('ppfMonotone', m(r, 'ppfMonotone') === 1, 'decreasing with interval', 'Q', 'A2 (a)'),
    ],
    plot: (r) => ({
      xLabel: 'pulse interval', xUnit: 's', yLabel: 'conductance change', yUnit: 'S',
      series: [
        { name: 'dG of pulse 1', x: col(r, 'ppf', 'interval'), y: col(r, 'ppf', 'dG1'), kind: 'both', dashed: true },
        { name: 'dG of pulse 2', x: col(r, 'ppf', 'interval'), y: col(r, 'ppf', 'dG2'), kind: 'both' },
      ],
      yLog: false,
    }),
  },
  {
    id: 'fig6b', figure: 'Fig. 6b', title: 'PPF ratio against interval',
    review: 'The PPF ratio decays with the pulse interval on a ms time scale and relaxes toward 1.',
    protocol: 'ppf', devices: ['wox-du2015'],
    checks: (r) => {
      const iv = col(r, 'ppf', 'interval'), ppf = col(r, 'ppf', 'ppf');
      const tau = m(r, 'tau');
      const far = iv.map((x, k) => [x, ppf[k]]).filter(([x]) => x >= 10 * tau);
      return [
        inBand('ppfAt10ms', m(r, 'ppfAt10ms'), '1', 1.2, 1.6, '1.2 - 1.6', 'B', 'A2 (c)'),
        inBand('tau', tau, 's', 1e-3, 0.1, '1 - 100 ms', 'R', 'A2 (d)'),
        holds('relaxesTo1', far.length > 0 && far.every(([, y]) => Math.abs(y - 1) <= 0.05), 'within 5 % of 1 beyond 10 tau', 'Q', 'A2 (b)'),
      ];
    },
    plot: (r) => ({
      xLabel: 'pulse interval', xUnit: 's', yLabel: 'PPF ratio dG2/dG1', yUnit: '1',
      series: [
        { name: 'simulated', x: col(r, 'ppf', 'interval'), y: col(r, 'ppf', 'ppf'), kind: 'scatter' },
        { name: `fit 1 + A exp(-dt/tau), tau=${(m(r, 'tau') * 1e3).toPrecision(3)} ms`, x: col(r, 'fit', 'interval'), y: col(r, 'fit', 'ppf'), kind: 'line' },
      ],
      band: { y0: 1.2, y1: 1.6, label: 'A2 (c) band at 10 ms (B)' }, hlines: [{ y: 1, label: 'no facilitation' }], yLog: false,
    }),
  },
  {
    id: 'fig6c', figure: 'Fig. 6c', title: 'SRDP in WOx',
    review: 'Trains at higher stimulation frequency give a larger conductance enhancement.',
    protocol: 'srdp', devices: ['wox-du2015'],
    checks: (r) => [
      ...srdpChecks(r, 'A2 SRDP'),
    ],
    plot: (r) => srdpPlot(r),
  },
  {
    id: 'fig6d', figure: 'Fig. 6d', title: 'STDP in WOx',
    review: 'The weight change depends on the relative timing of pre- and post-synaptic pulses: potentiation for pre-before-post, depression otherwise, fading with |dt|.',
    protocol: 'stdp', devices: ['wox-du2015'],
    checks: (r) => [
      ...stdpChecks(r, 'A2 STDP'),
      inBand('tauPlus', m(r, 'tauPlus'), 's', 1e-3, 0.1, 'ms scale, like the PPF decay (1 - 100 ms)', 'R', 'A2 STDP'),
    ],
    plot: (r) => stdpPlot(r, 'ms'),
  },
  {
    id: 'fig7-heat', figure: 'Fig. 7a,b (mechanism)', title: 'Heating pulse then programming pulse (Ta2O5-x/TaOy)',
    review: 'A heating pulse raises the internal temperature, which decays in hundreds of ns; a programming pulse soon after changes G much more than a late one.',
    protocol: 'ppf', devices: ['ta2o5-kim2015'],
    checks: (r) => {
      const iv = col(r, 'ppf', 'interval'), dG2 = col(r, 'ppf', 'dG2');
      const f = fitExp(iv, dG2);
      const tauT = f.params.tau.value;
      const at3 = logInterp(iv, dG2, 3 * tauT);
      // the "dt -> 0 value" of A3 (b) is the fitted curve at dt = 0
      return [
        inBand('tauT', tauT, 's', 1e-7, 1e-6, '100 ns - 1 us', 'B', 'A3 (a)'),
        inBand('dGat3tau', at3 / f.evaluate(0), '1', -Infinity, 0.2, '< 0.2 of the short-delay value', 'Q', 'A3 (b)'),
      ];
    },
    plot: (r) => ({ xLabel: 'delay heating -> programming', xUnit: 's', yLabel: 'dG of programming pulse', yUnit: 'S', series: [{ name: 'dG', x: col(r, 'ppf', 'interval'), y: col(r, 'ppf', 'dG2'), kind: 'both' }], yLog: false }),
  },
  {
    id: 'fig7a', figure: 'Fig. 7a', title: 'SRDP in the second-order Ta2O5-x/TaOy memristor',
    review: 'Spikes (programming + heating pulse) at higher frequency give a larger conductance change, for different spike numbers.',
    protocol: 'srdp', devices: ['ta2o5-kim2015'], params: { counts: [5, 10] },
    checks: (r) => [
      ...srdpChecks(r, 'A3 (d)'),
    ],
    plot: (r) => srdpPlot(r),
  },
  {
    id: 'fig7b', figure: 'Fig. 7b', title: 'STDP with non-overlapping spikes (temperature)',
    review: 'Non-overlapping pre/post spikes give an STDP window because the temperature left by one spike sets the effect of the other.',
    protocol: 'stdp', devices: ['ta2o5-kim2015'],
    checks: (r) => [
      ...stdpChecks(r, 'A3 (c)'),
      inBand('tauPlus', m(r, 'tauPlus'), 's', 1e-7, 2e-6, '0.1 - 2 us', 'R', 'A3 (c)'),
    ],
    plot: (r) => stdpPlot(r, 'us'),
  },
  {
    id: 'fig7c', figure: 'Fig. 7c', title: 'Diffusive + drift memristor: SRDP',
    review: 'A Ag:SiOxNy diffusive memristor in series with a TaOx non-volatile drift memristor: the drift device changes more when pulses come closer together.',
    setup: 'Drift memristor taox-drift-wang2017: the Yang-group drift parameter set without spontaneous dissolution (non-volatile, as the TaOx device of Wang 2017), starting mid-window. Pulse amplitude, width and rates are chosen here (Wang 2017 values not recovered): 2 V / 2 ms pulses do not turn the relaxed diffusive element on within one pulse, so only pulses closer than its ms relaxation reach the drift device. The weight is read 1 s after the train, once the diffusive element has relaxed (long-term change).',
    protocol: 'srdp', devices: ['ag-sioxny-wang2017'], series: ['taox-drift-wang2017'], method: 'dopri5',
    params: { amplitude: '2 V', width: '2 ms', rates: ['10 Hz', '20 Hz', '50 Hz', '100 Hz', '200 Hz'], counts: [5], readDelay: '1 s' },
    checks: (r) => [
      ...srdpChecks(r, 'A5 / review Fig. 7c', 'A5'),
    ],
    plot: (r) => srdpPlot(r),
  },
  {
    id: 'fig7d', figure: 'Fig. 7d', title: 'Diffusive + drift memristor: STDP',
    review: 'The same pair shows STDP of the drift memristor with simple non-overlapping spikes.',
    setup: 'Drift memristor taox-drift-wang2017 (non-volatile, mid-window start, so depression can show). Each spike: a 2 V / 1 ms programming pulse that cannot open the relaxed diffusive element, then a 1.5 V / 3 ms activating pulse that opens it; post spikes have the SET, pre spikes the RESET polarity. The later spike programs the drift device while the earlier one has left the diffusive element conducting (ms relaxation). Amplitudes and widths are chosen here, not recovered from Wang 2017; read 100 ms after the later spike.',
    protocol: 'stdp', devices: ['ag-sioxny-wang2017'], series: ['taox-drift-wang2017'], method: 'dopri5',
    params: { progAmplitude: '2 V', progWidth: '1 ms', heatAmplitude: '1.5 V', heatWidth: '3 ms', delays: ['4.5 ms', '6 ms', '10 ms', '20 ms', '40 ms'], readDelay: '100 ms' },
    checks: (r) => [
      ...stdpChecks(r, 'A5 (c)'),
    ],
    plot: (r) => stdpPlot(r, 'ms'),
  },
  {
    id: 'fig7-relax', figure: 'Fig. 7c (element)', title: 'Diffusive memristor relaxes spontaneously',
    review: 'The Ag diffusive memristor turns on under bias and returns to its insulating state by itself (Ca2+-like), in ms.',
    protocol: 'retention', devices: ['ag-sioxny-wang2017'],
    checks: (r) => [
      inBand('retained', m(r, 'retained'), '1', -Infinity, 0.05, '< 5 % left (volatile)', 'Q', 'A5 (a)'),
      { ...inBand('tau', m(r, 'tau'), 's', 1e-3, 3e-2, '1 - 30 ms (Wang 2017: 2.5-11 ms)', 'R', 'E relaxation time (P-fig)'), gate: 'soft' },
    ],
    plot: (r) => ({
      xLabel: 'time after pulse', xUnit: 's', yLabel: 'conductance', yUnit: 'S',
      series: [
        { name: 'simulated read', x: col(r, 'decay', 't'), y: col(r, 'decay', 'g'), kind: 'scatter' },
        { name: 'stretched-exp fit', x: col(r, 'fit', 't'), y: col(r, 'fit', 'g'), kind: 'line' },
      ],
    }),
  },
  metaPanel('fig8d', 'Fig. 8c,d', 'Metaplasticity: priming pulse count', 'States A and B of equal conductance, reached with different numbers of 1.2 V / 0.5 us priming pulses, respond to identical 1.1 V / 0.5 us pulses by potentiation and depression respectively.', { ampA: '1.1 V', countA: 14, periodA: '2 us', ampB: '1.2 V', countB: 16, periodB: '2 us', match: 'ampB' }, true),
  metaPanel('fig8f', 'Fig. 8e,f', 'Metaplasticity: priming rate 6.7 vs 5.0 MHz', 'Priming trains at 6.7 and 5.0 MHz bring the device to the same conductance but with opposite filament rupture positions (Fig. 8e: G against pulse number at the two rates); the same stimulation then potentiates one and depresses the other (Fig. 8f).',
    { width: '100 ns', periodA: '149 ns', periodB: '200 ns', ampA: '1.2 V', ampB: '1.2 V', match: 'count', maxCount: 400 }, true,
    'Trains of identical 1.2 V pulses at 149 ns (A, 6.7 MHz) and 200 ns (B, 5.0 MHz) periods; both get the same pulse count, the one where their G(N) curves cross (Fig. 8e). Heat left by one pulse (tau_th = 150 ns) speeds the next at the higher rate, so A passes the conductance peak (column past the centre) while B has not. Pulse width 100 ns (a choice: the 0.5 us of Fig. 8c cannot repeat every 149 ns; 100 ns pulses with 50 / 100 ns gaps give exactly 6.7 / 5.0 MHz). In the model the faster train is the one that depresses; the review caption lists "potentiation and depression, respectively" for 6.7 and 5.0 MHz, which, if meant as that order, the model has reversed.'),
  metaPanel('fig8i', 'Fig. 8i', 'Metaplasticity: SET amplitude of the priming', 'Priming with SET pulses of different amplitude (narrow-long vs wide-short filament) gives different degrees of plasticity.', { countA: 10, countB: 3, match: 'ampB' }, false),
  metaPanel('fig8l', 'Fig. 8l', 'Metaplasticity: RESET amplitude of the priming', 'RESET pulses of different amplitude bring the device to the same HRS; the hot, high-voltage RESET leaves a cleaner, more insulating (hence shorter) gap with fewer residual V_O (Fig. 8j,k) and a higher degree of plasticity under further stimuli (Fig. 8l).',
    { countA: 0, countB: 0, periodA: '2 us', periodB: '2 us', resetA: '1.3 V', resetCountA: 300, resetB: '1.6 V', resetCountB: 1, match: 'resetB' }, false,
    'From the formed state: A gets 300 RESET pulses of 1.3 V / 0.5 us, B one RESET pulse whose amplitude is bisected (from 1.6 V) until G_B = G_A; amplitudes and counts are choices (not recovered). The model has no gap-residue state: its HRS after a hot RESET differs only by a slightly wider column, so the same test train changes G nearly equally. A trial residue state (vacancies left by the retracting tip, dispersed by the width\'s activated lateral hopping) did not separate the histories either: the RESET cools as it proceeds at either amplitude, and the residue of the last, cool part stays.'),
];

function srdpPlot(r: ProtocolResult) {
  const c = r.tables.srdp?.columns ?? {};
  const series: PlotSeries[] = Object.keys(c).filter((k) => k.startsWith('dG_M')).map((k) => ({ name: `${k.slice(4)} pulses`, x: c.rate, y: c[k], kind: 'both' as const }));
  return { xLabel: 'pulse rate', xUnit: 'Hz', yLabel: 'weight change dG', yUnit: 'S', series, yLog: false as const, hlines: [{ y: 0, label: '' }] };
}

function stdpPlot(r: ProtocolResult, _scale: string) {
  return {
    xLabel: 'spike timing dt = t_post - t_pre', xUnit: 's', yLabel: 'relative weight change dG/G0', yUnit: '1',
    series: [
      { name: 'simulated', x: col(r, 'stdp', 'dt'), y: col(r, 'stdp', 'dW'), kind: 'scatter' as const },
      { name: 'fitted window', x: col(r, 'fit', 'dt'), y: col(r, 'fit', 'dW'), kind: 'line' as const },
    ],
    xLog: false as const, yLog: false as const, hlines: [{ y: 0, label: '' }],
  };
}
