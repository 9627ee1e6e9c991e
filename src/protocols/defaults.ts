/**
 * Sensible protocol defaults per preset: the pulse amplitudes, widths and time scales at
 * which each device shows its phenomenon (from measurements.md and the preset's own notes),
 * falling back to the preset's `sweep` block (vSet, vReset, period, vRead) for any other
 * preset. Users override everything with --set / `params:`.
 * @module protocols/defaults
 */
import type { Preset } from '../devices/contract.js';

type Defaults = Record<string, Record<string, unknown>>;

/** Per-preset, per-protocol defaults (unit strings allowed). */
const BY_PRESET: Record<string, Defaults> = {
  // Du et al. 2015 WOx (measurements.md A2): 1.4 V / 1 ms pulses, PPF over ms intervals
  'wox-du2015': {
    ppf: { amplitude: '1.4 V', width: '1 ms', intervals: ['1 ms', '2 ms', '5 ms', '10 ms', '20 ms', '50 ms', '100 ms', '200 ms'] },
    srdp: { amplitude: '1.4 V', width: '1 ms', rates: ['2 Hz', '5 Hz', '10 Hz', '20 Hz', '50 Hz', '100 Hz', '200 Hz'], counts: [10], readDelay: '100 ms' },
    stdp: { progAmplitude: '1.4 V', progWidth: '1 ms', heatAmplitude: '0.9 V', heatWidth: '5 ms', delays: ['7 ms', '10 ms', '15 ms', '25 ms', '40 ms', '70 ms'], readDelay: '200 ms' },
    'pulse-response': { amplitude: '1.4 V', depressAmplitude: '1.4 V', width: '1 ms', interval: '10 ms', pulses: 50 },
    retention: { amplitude: '1.4 V', width: '1 ms', interval: '10 ms', pulses: 10, tMin: '10 ms', tMax: '300 s' },
  },
  // Chang, Jo, Lu 2011 WOx (measurements.md A1): 5 ... 40 pulses, stretched-exponential decay
  'wox-chang2011': {
    'stm-ltm': { amplitude: '1.3 V', width: '1 ms', interval: '99 ms', counts: [5, 10, 20, 40], tMin: '100 ms', tMax: '3000 s', reads: 30 },
    retention: { amplitude: '1.3 V', width: '1 ms', interval: '99 ms', pulses: 20, tMin: '100 ms', tMax: '3000 s', reads: 30 },
    ppf: { amplitude: '1.3 V', width: '1 ms', intervals: ['1 ms', '3 ms', '10 ms', '30 ms', '100 ms', '300 ms', '1 s'] },
    'pulse-response': { amplitude: '1.3 V', depressAmplitude: '1.3 V', width: '1 ms', interval: '10 ms', pulses: 50 },
  },
  // Kim et al. 2015 Ta2O5-x/TaOy (measurements.md A3): heating 0.6 V / 1 us, programming 1.4 V / 20 ns, tau_T ~ 300 ns
  'ta2o5-kim2015': {
    ppf: { firstAmplitude: '0.6 V', firstWidth: '1 us', amplitude: '1.4 V', width: '20 ns', index: 'increment', intervals: ['20 ns', '50 ns', '100 ns', '200 ns', '300 ns', '500 ns', '700 ns', '1 us', '1.5 us', '2 us', '3 us'] },
    stdp: { progAmplitude: '1.4 V', progWidth: '20 ns', heatAmplitude: '0.6 V', heatWidth: '1 us', delays: ['1.1 us', '1.2 us', '1.4 us', '1.7 us', '2 us', '2.5 us', '3 us', '4 us'], readDelay: '10 us' },
    srdp: { amplitude: '1.0 V', width: '100 ns', rates: ['100 kHz', '300 kHz', '1 MHz', '2 MHz', '3 MHz', '5 MHz'], counts: [10], readDelay: '10 us' },
    'pulse-response': { amplitude: '1.4 V', depressAmplitude: '1.4 V', width: '100 ns', interval: '5 us', pulses: 50 },
  },
  // Zhu et al. 2017 metaplasticity (measurements.md A4): priming 1.2 V / 0.5 us, test 1.1 V / 0.5 us
  'ta2o5-zhu2017': {
    metaplasticity: { width: '0.5 us', ampA: '1.2 V', periodA: '1 us', countA: 10, ampB: '1.2 V', periodB: '2 us', countB: 10, match: 'ampB', testAmplitude: '1.1 V', testWidth: '0.5 us', testPeriod: '2 us', testCount: 10, settle: '10 us' },
  },
  // Zhu et al. 2019 LixMoS2 (preset notes: 3 V / 1 ms strong, 1.5 V weak input)
  'limos2-zhu2019': { heterosynaptic: { amplitude: '3 V', weakAmplitude: '1.5 V', width: '1 ms', period: '100 ms', pulses: 20, rest: '2 s' } },
  // Yang, Chen, Lu 2015 (measurements.md A8): Vpre = 10 V pulses, V_mod swept
  'ag-np-yang2015': { heterosynaptic: { amplitude: '10 V', width: '1 ms', period: '100 ms', pulses: 100, rest: '3 s', vmod: ['-6 V', '-4 V', '-2 V', '0 V', '2 V', '4 V', '6 V', '8 V'] } },
  // NeuroSim tabulations (measurements.md F): the reference pulses of the data-driven presets
  'ag-asi-jo2010': { 'pulse-response': { amplitude: '3.2 V', depressAmplitude: '2.8 V', width: '300 us', interval: '1 ms', pulses: 100 } },
  'sige-epiram-choi2018': { 'pulse-response': { amplitude: '5 V', depressAmplitude: '3 V', width: '5 us', interval: '10 us', pulses: 64 } },
  // Wang et al. 2017 diffusive memristor (measurements.md A5, E): relaxation ~ ms
  'ag-sioxny-wang2017': {
    ppf: { amplitude: '0.6 V', width: '1 ms', index: 'response', intervals: ['0.5 ms', '1 ms', '2 ms', '5 ms', '10 ms', '20 ms', '50 ms', '100 ms'] },
    srdp: { amplitude: '0.6 V', width: '1 ms', rates: ['5 Hz', '10 Hz', '20 Hz', '50 Hz', '100 Hz', '200 Hz', '500 Hz'], counts: [10] },
    retention: { amplitude: '0.6 V', width: '5 ms', pulses: 1, tMin: '10 us', tMax: '1 s' },
    iv: { vmax: '0.6 V', vmin: '0 V', period: '2 s', compliance: '100 uA' },
  },
};

/** Generic defaults from a preset's sweep block. */
function fromSweep(protocol: string, preset: Preset | undefined): Record<string, unknown> {
  const sw = preset?.sweep;
  if (!sw) return {};
  const vSet = Math.abs(sw.vSet), vReset = Math.abs(sw.vReset);
  const common: Record<string, unknown> = sw.vRead !== undefined ? { vRead: sw.vRead } : {};
  switch (protocol) {
    case 'iv': return { ...common, vmax: sw.vSet, vmin: sw.vReset, ...(sw.period ? { period: sw.period } : {}), ...(sw.compliance ? { compliance: sw.compliance } : {}) };
    case 'pulse-response': return { ...common, amplitude: vSet, depressAmplitude: vReset };
    case 'retention': case 'stm-ltm': case 'ppf': case 'srdp': return { ...common, amplitude: vSet };
    case 'stdp': return { ...common, progAmplitude: vSet, heatAmplitude: vSet / 2 };
    case 'metaplasticity': return { ...common, ampA: vSet, ampB: vSet, testAmplitude: vSet * 0.9 };
    default: return common;
  }
}

/** Defaults for running `protocol` on `preset` (the weight device's preset for series stacks). */
export function presetDefaults(protocol: string, preset: Preset | undefined, seriesPreset?: Preset): Record<string, unknown> {
  const main = preset ? BY_PRESET[preset.id]?.[protocol] : undefined;
  const ser = seriesPreset ? BY_PRESET[`${preset?.id}+${seriesPreset.id}`]?.[protocol] : undefined;
  return { ...fromSweep(protocol, seriesPreset ?? preset), ...(main ?? {}), ...(ser ?? {}) };
}

/** Register defaults for a preset (or a "device+series" pair) from outside (e.g. a model file's companion). */
export function registerProtocolDefaults(presetId: string, defaults: Defaults): void {
  BY_PRESET[presetId] = { ...(BY_PRESET[presetId] ?? {}), ...defaults };
}
