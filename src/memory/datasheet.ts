/**
 * The device datasheet: runs an I-V sweep and the five memory protocols at their defaults
 * and collects the figures a memory engineer asks for, each a number with its unit and
 * meaning, plus the "memory-grade" criteria of measurements.md D with pass / fail / n/a:
 *   (i)   ON/OFF >= 1e3 at the read bias (stated for ECM cells; n/a for other classes),
 *   (ii)  SET and RESET with <= 1 ns pulses at the rated write voltages,
 *   (iii) no window collapse within 1e9 cycles (simulated, or by the envelope extrapolation),
 *   (iv)  LRS retention >= 10 years at 85 C extrapolated from the Arrhenius fit.
 * A criterion the model cannot address (no temperature parameter or no loss in any bake, no
 * switching, no window closure at all in cycling) is n/a with the reason, never a pass.
 * @module memory/datasheet
 */
import type { DeviceRef } from '../experiment/device-spec.js';
import { resolveDevice } from '../experiment/device-spec.js';
import type { Metric } from '../experiment/run.js';
import type { ProtocolOutcome } from './protocol.js';
import { switchingKinetics } from './switching-kinetics.js';
import { retentionBake, YEAR } from './retention-bake.js';
import { endurance } from './endurance.js';
import { multilevel } from './multilevel.js';
import { readDisturb } from './read-disturb.js';
import { ivSweep, type IvSweepResult } from './iv-sweep.js';
import { driveOf, preparedCell } from './program.js';

/** One memory-grade criterion. */
export interface Criterion {
  id: string;
  claim: string;
  target: string;
  value: number;
  unit: string;
  status: 'pass' | 'fail' | 'n/a';
  note: string;
}

/** The datasheet document (the JSON written by the CLI). */
export interface Datasheet {
  device: string;
  model: string;
  title: string;
  citation: string;
  fittedTo: string;
  notes: string;
  cellClass: 'ecm' | 'vcm' | 'other';
  /** Every figure with value, unit and meaning. */
  fields: Record<string, Metric>;
  criteria: Criterion[];
  protocols: Record<string, ProtocolOutcome>;
  iv: Omit<IvSweepResult, 'vSet' | 'vReset'> & { vSet: number[]; vReset: number[] };
}

/** Options of a datasheet run. */
export interface DatasheetOptions {
  /** Parameter overrides and variability (<param>Dtod / <param>C2c) of the device. */
  set?: Record<string, unknown>;
  cellClass?: 'ecm' | 'vcm' | 'other';
  seed?: number;
  /** Reduced effort (fewer devices, levels and cycles) for tests and previews. */
  quick?: boolean;
  /** Called with the name of each protocol as it starts. */
  onStage?: (name: string) => void;
}

/** The fields every datasheet carries, in order (the JSON test checks all are present with units). */
export const DATASHEET_FIELDS = [
  'onOff', 'gLrs', 'gHrs', 'vRead', 'vSetRated', 'vResetRated', 'vSetSweep', 'vSetSweepSd', 'vResetSweep', 'vResetSweepSd',
  'tSet', 'tReset', 'pulseSet', 'pulseReset', 'energySet', 'energyReset', 'setVoltsPerDecade',
  'activationEnergy', 'activationEnergySe', 'retention85', 'retention85Factor', 'retention125',
  'endurance', 'enduranceFailed', 'energyPerCycle', 'c2cLrs', 'c2cHrs',
  'levels', 'levelsAfterRetention', 'pulsesPerLevel', 'levelDrift',
  'readDisturbHrs', 'readDisturbLrs', 'driftPerReadHrs',
] as const;

/** ECM / VCM from the preset or model id, unless given. */
export function cellClassOf(ref: DeviceRef): 'ecm' | 'vcm' | 'other' {
  const id = `${ref.preset?.id ?? ''} ${ref.model.id}`.toLowerCase();
  if (/ecm|ag-|cu-|ag:/.test(id)) return 'ecm';
  if (/vcm|taox|hfo|tao|ta2o5|wox|tio2/.test(id)) return 'vcm';
  return 'other';
}

const m = (value: number, unit: string, meaning: string): Metric => ({ value, unit, meaning });
const get = (o: ProtocolOutcome, k: string): number => o.metrics[k]?.value ?? NaN;

/** Build the datasheet of a preset (or preset file resolved by the caller into `device`). */
export function datasheet(device: Record<string, unknown>, opts: DatasheetOptions = {}): Datasheet {
  const seed = opts.seed ?? 1;
  const raw = { ...device, set: { ...((device.set as Record<string, unknown>) ?? {}), ...(opts.set ?? {}) } };
  const ref = resolveDevice(raw, 'device');
  const q = opts.quick ?? false;
  const stage = opts.onStage ?? (() => undefined);
  stage('switching-kinetics');
  const sk = switchingKinetics.run(ref, {}, seed);
  stage('retention-bake');
  const rb = retentionBake.run(ref, {}, seed);
  stage('endurance');
  const en = endurance.run(ref, { target: q ? 1e10 : 1e12 }, seed);
  stage('multilevel');
  const ml = multilevel.run(ref, q ? { devices: 8, levels: [2, 4, 8] } : {}, seed);
  stage('read-disturb');
  const rd = readDisturb.run(ref, q ? { target: 1e10 } : {}, seed);
  stage('iv');
  const drive = driveOf(ref);
  const { refs } = preparedCell(ref, drive, { seed });
  const sw = ref.preset?.sweep;
  const iv = ivSweep(ref, drive, sw?.period ?? 1, sw?.compliance ?? 0, q ? 3 : 10, seed);

  const onOff = refs.gLrs / refs.gHrs;
  const fields: Record<string, Metric> = {
    onOff: m(onOff, '1', 'G_LRS / G_HRS at the read voltage (saturated reference states)'),
    gLrs: m(refs.gLrs, 'S', 'LRS read conductance'),
    gHrs: m(refs.gHrs, 'S', 'HRS read conductance'),
    vRead: m(drive.vRead, 'V', 'read voltage'),
    vSetRated: m(drive.vSet, 'V', 'rated SET (write) voltage'),
    vResetRated: m(drive.vReset, 'V', 'rated RESET voltage'),
    vSetSweep: m(iv.vSetMean, 'V', 'SET voltage in a DC sweep between the rated voltages (mean over cycles; iv protocol)'),
    vSetSweepSd: m(iv.vSetSd, 'V', 'cycle-to-cycle sd of the sweep SET voltage'),
    vResetSweep: m(iv.vResetMean, 'V', 'RESET voltage in a DC sweep (mean over cycles)'),
    vResetSweepSd: m(iv.vResetSd, 'V', 'cycle-to-cycle sd of the sweep RESET voltage'),
    tSet: sk.metrics.tSet, tReset: sk.metrics.tReset,
    pulseSet: sk.metrics.pulseSet, pulseReset: sk.metrics.pulseReset,
    energySet: sk.metrics.energySet, energyReset: sk.metrics.energyReset,
    setVoltsPerDecade: sk.metrics.setVoltsPerDecade,
    activationEnergy: rb.metrics.lrsEa ?? m(NaN, 'eV', 'no temperature dependence in the model'),
    activationEnergySe: rb.metrics.lrsEaSe ?? m(NaN, 'eV', 'no fit'),
    retention85: rb.metrics.lrsRetention85 ?? m(NaN, 's', 'not bakeable'),
    retention85Factor: rb.metrics.lrsRetention85Factor ?? m(NaN, '1', 'no fit'),
    retention125: rb.metrics.lrsRetention125 ?? m(NaN, 's', 'not bakeable or no fit'),
    endurance: en.metrics.cyclesToFailure ?? m(NaN, '1', 'no endurance run'),
    enduranceFailed: en.metrics.failed ?? m(NaN, '1', 'no endurance run'),
    energyPerCycle: en.metrics.energyPerCycle ?? m(NaN, 'J', 'no endurance run'),
    c2cLrs: en.metrics.cvLrs ?? m(NaN, '1', 'no endurance run'),
    c2cHrs: en.metrics.cvHrs ?? m(NaN, '1', 'no endurance run'),
    levels: ml.metrics.levels ?? m(NaN, '1', 'no multilevel run'),
    levelsAfterRetention: ml.metrics.levelsAfterRetention ?? m(NaN, '1', 'no multilevel run'),
    pulsesPerLevel: ml.metrics.pulsesPerLevel ?? m(NaN, '1', 'no multilevel run'),
    levelDrift: ml.metrics.levelDrift ?? m(NaN, '1', 'no multilevel run'),
    readDisturbHrs: rd.metrics.hrsReadsToLoss, readDisturbLrs: rd.metrics.lrsReadsToLoss,
    driftPerReadHrs: rd.metrics.hrsDriftPerRead,
  };
  const cls = opts.cellClass ?? cellClassOf(ref);
  const criteria: Criterion[] = [];
  criteria.push({
    id: 'on-off', claim: 'ON/OFF > 1e3 for ECM cells (review introduction; Jo & Lu 2008 > 1e4)', target: '>= 1e3 at the read bias', value: onOff, unit: '1',
    status: cls !== 'ecm' ? 'n/a' : onOff >= 1e3 ? 'pass' : 'fail',
    note: cls !== 'ecm' ? `stated for ECM cells; this is a ${cls.toUpperCase()} cell (value shown for reference)` : '',
  });
  const pw = Math.max(get(sk, 'pulseSet'), get(sk, 'pulseReset'));
  criteria.push({
    id: 'speed', claim: 'switching with < 1 ns pulses (Ta2O5 20 ps SET; TaOx ~100 ps)', target: 'SET and RESET pulses <= 1 ns at the rated voltages', value: pw, unit: 's',
    status: Number.isFinite(pw) ? (pw <= 1e-9 ? 'pass' : 'fail') : 'fail',
    note: Number.isFinite(pw) ? `SET ${get(sk, 'pulseSet').toExponential(2)} s, RESET ${get(sk, 'pulseReset').toExponential(2)} s at ${drive.vSet} / ${drive.vReset} V` : 'does not switch within 1 s at the rated voltages',
  });
  const cyc = fields.endurance.value, failed = fields.enduranceFailed.value === 1;
  const closure = en.metrics.windowClosure?.value ?? NaN;
  // no failure and no measurable closure: the model has no wear, so the number is no prediction
  const noWear = !failed && !(closure > 0.01);
  criteria.push({
    id: 'endurance', claim: 'endurance > 1e9 cycles (Lee 2011 > 1e12)', target: 'no window collapse within 1e9 cycles', value: cyc, unit: '1',
    status: !Number.isFinite(cyc) || noWear ? 'n/a' : cyc >= 1e9 ? 'pass' : 'fail',
    note: !Number.isFinite(cyc) ? 'no endurance run' : failed ? `window below ${10} after ${cyc.toExponential(2)} cycles (envelope-extrapolated)` : noWear ? `no window closure within ${cyc.toExponential(2)} cycles: the model has no wear mechanism, so this is not a prediction` : `window closed by ${(100 * closure).toFixed(1)} % but not below 10 within ${cyc.toExponential(2)} cycles`,
  });
  const ret = fields.retention85.value, retBound = (rb.metrics.lrsRetention85 as Metric & { bound?: string } | undefined)?.bound === 'lower';
  criteria.push({
    id: 'retention', claim: 'retention > 10 years (Arrhenius extrapolation of bakes)', target: '>= 10 years at 85 C', value: ret / YEAR, unit: 'year',
    status: !Number.isFinite(ret) || retBound ? 'n/a' : ret >= 10 * YEAR ? 'pass' : 'fail',
    note: !Number.isFinite(ret) ? (rb.notes[0] ?? 'no bake') : retBound ? `lower bound only: no failure within ${ret.toExponential(2)} s at any bake temperature (up to ${Math.max(...((rb.options.temperatures as number[] | undefined) ?? [NaN])).toFixed(0)} K), so no activation energy: the model shows no thermally activated loss, which is no prediction of retention` : `E_a = ${fields.activationEnergy.value.toFixed(3)} +- ${fields.activationEnergySe.value.toExponential(1)} eV; x/÷ ${fields.retention85Factor.value.toPrecision(3)} (1 sd)`,
  });
  const p = ref.preset;
  return {
    device: p?.id ?? ref.model.id, model: ref.model.id, title: p?.title ?? ref.model.title,
    citation: p?.citation ?? ref.model.citation, fittedTo: p?.fittedTo ?? '(model defaults)', notes: p?.notes ?? '',
    cellClass: cls, fields, criteria,
    protocols: { 'switching-kinetics': sk, 'retention-bake': rb, endurance: en, multilevel: ml, 'read-disturb': rd },
    iv,
  };
}
