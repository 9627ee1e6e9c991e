/**
 * Presets as data files (YAML/JSON), as written by `nanoionics fit` or by users:
 *
 * ```yaml
 * id: my-taox-device
 * model: stanford-pku          # a catalogue model id
 * title: My TaOx cell, wafer 3
 * citation: own measurements, 2026-11
 * fittedTo: I-V sweeps of 12 devices (data/iv.csv, sha ...)
 * params: { g0: 0.25 nm, v0: 0.25 V }
 * ```
 * Unknown keys are kept as metadata (uncertainties, data hashes, fit settings).
 * @module devices/preset-file
 */
import type { DeviceModel, Preset } from './contract.js';
import { getModel } from './catalogue.js';
import { resolveParams } from './params.js';
import { buildEquationModel } from './equation/build.js';
import { SpecError } from '../units/parse.js';

/** Validate preset data read from a file; `where` names the file in errors. */
export function presetFromData(data: unknown, where: string): { preset: Preset; model: DeviceModel } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new SpecError(where, data, 'a preset: a map with id, model, params, citation, fittedTo');
  const o = data as Record<string, unknown>;
  const str = (k: string, required: boolean): string => {
    const v = o[k];
    if (v === undefined && !required) return '';
    if (typeof v !== 'string' || !v.trim()) throw new SpecError(`${where}: ${k}`, v, 'a non-empty string');
    return v;
  };
  const modelId = str('model', true);
  // presets of `equation` models carry their equations (as written by nanoionics fit)
  const model = modelId === 'equation' && o.equations !== undefined ? buildEquationModel({ model: 'equation', equations: o.equations }, `${where}: equations`).model : getModel(modelId);
  if (!model) throw new SpecError(`${where}: model`, modelId, 'a catalogue model id (see nanoionics models)');
  const params = o.params ?? {};
  if (typeof params !== 'object' || params === null || Array.isArray(params)) throw new SpecError(`${where}: params`, params, 'a map of parameter values');
  const preset: Preset = {
    id: str('id', true), model: modelId, title: str('title', false) || str('id', true),
    params: params as Record<string, number | string>,
    citation: str('citation', true), fittedTo: str('fittedTo', true), notes: str('notes', false) || undefined,
    metadata: metadataOf(o),
    sweep: sweepOf(o.sweep, where),
  };
  // validate every value now so that errors point at the file
  resolveParams(model, preset, undefined, `${where}: params`);
  return { preset, model };
}

const PRESET_KEYS = new Set(['id', 'model', 'title', 'params', 'citation', 'fittedTo', 'notes', 'equations', 'sweep']);

/** Keys of a preset file other than the preset fields, or undefined when there are none. */
function metadataOf(o: Record<string, unknown>): Record<string, unknown> | undefined {
  const extra = Object.entries(o).filter(([k]) => !PRESET_KEYS.has(k));
  return extra.length ? Object.fromEntries(extra) : undefined;
}

/** The optional standard-sweep scale of a preset file ({ vSet, vReset, period?, compliance?, vRead? }, SI numbers). */
function sweepOf(v: unknown, where: string): Preset['sweep'] {
  if (v === undefined) return undefined;
  const o = v as Record<string, unknown>;
  const ok = typeof v === 'object' && v !== null && typeof o.vSet === 'number' && typeof o.vReset === 'number'
    && ['period', 'compliance', 'vRead'].every((k) => o[k] === undefined || typeof o[k] === 'number');
  if (!ok) throw new SpecError(`${where}: sweep`, v, '{ vSet, vReset, period?, compliance?, vRead? } as SI numbers');
  return o as unknown as Preset['sweep'];
}
