/**
 * Device references in specs: `{ preset: ID }`, `{ model: ID, set: {...} }`,
 * `{ preset: ID, set: {...}, count: N }`, or a model built from data by a registered factory
 * (`{ model: equation, equations: ... }`). Preset files (YAML written by `nanoionics fit`) are
 * loaded by the caller through the context, so the library stays free of I/O.
 * @module experiment/device-spec
 */
import type { DeviceModel, Preset } from '../devices/contract.js';
import { getModel, getPreset, listModels, listPresets } from '../devices/catalogue.js';
import { resolveParams, type ResolvedParams } from '../devices/params.js';
import { SpecError } from '../units/parse.js';
import { buildEquationModel } from '../devices/equation/build.js';

/** A device reference resolved to a model, its parameters and a count. */
export interface DeviceRef {
  model: DeviceModel;
  preset?: Preset;
  resolved: ResolvedParams;
  count: number;
  /** The user's overrides as given (for provenance). */
  set: Record<string, unknown>;
}

/** Builds a model from data in a spec (e.g. the `equation` model). */
export type ModelFactory = (raw: Record<string, unknown>, path: string) => { model: DeviceModel; preset?: Preset };

const factories = new Map<string, ModelFactory>();

/** Register a factory for models defined in specs (id must not clash with catalogue models). */
export function registerModelFactory(id: string, f: ModelFactory): void { factories.set(id, f); }

registerModelFactory('equation', buildEquationModel);

/** I/O hooks supplied by the CLI or the lab. */
export interface SpecContext {
  /** Load a preset from a file path (YAML/JSON) when `preset` is not a catalogue id. */
  loadPreset?: (ref: string) => { preset: Preset; model?: DeviceModel };
  /** Read a text file (stimulus CSV). */
  readText?: (path: string) => string;
}

/** Resolve a device reference. */
export function resolveDevice(raw: unknown, path: string, ctx: SpecContext = {}): DeviceRef {
  if (typeof raw === 'string') raw = { preset: raw };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new SpecError(path, raw, 'a device: { preset: ID } or { model: ID, set: {...} }');
  const o = raw as Record<string, unknown>;
  let model: DeviceModel | undefined;
  let preset: Preset | undefined;
  if (o.preset !== undefined) {
    if (typeof o.preset !== 'string') throw new SpecError(`${path}.preset`, o.preset, 'a preset id or a preset file path');
    preset = getPreset(o.preset);
    if (!preset) {
      if (ctx.loadPreset && /[./\\]/.test(o.preset)) {
        const loaded = ctx.loadPreset(o.preset);
        preset = loaded.preset;
        model = loaded.model;
      } else {
        throw new SpecError(`${path}.preset`, o.preset, `a preset id (${listPresets().map((p) => p.id).join(', ')}) or a preset file`);
      }
    }
    model = model ?? getModel(preset.model);
    if (!model) throw new SpecError(`${path}.preset`, o.preset, `a preset whose model (${preset.model}) is in the catalogue`);
    if (o.model !== undefined && o.model !== model.id) throw new SpecError(`${path}.model`, o.model, `${model.id} (the model of preset ${preset.id}) or nothing`);
  } else if (o.model !== undefined) {
    if (typeof o.model !== 'string') throw new SpecError(`${path}.model`, o.model, 'a model id');
    const f = factories.get(o.model);
    if (f) ({ model, preset } = f(o, path));
    else {
      model = getModel(o.model);
      if (!model) throw new SpecError(`${path}.model`, o.model, `a model id (${[...listModels().map((m) => m.id), ...factories.keys()].join(', ')})`);
    }
  } else {
    throw new SpecError(`${path}.preset`, undefined, 'a preset id (or a model id in device.model)');
  }
  const set = (o.set ?? {}) as Record<string, unknown>;
  const resolved = resolveParams(model, preset, set, `${path}.set`);
  let count = 1;
  if (o.count !== undefined) {
    if (typeof o.count !== 'number' || !Number.isInteger(o.count) || o.count < 1 || o.count > 1e7) throw new SpecError(`${path}.count`, o.count, 'an integer number of devices from 1 to 1e7');
    count = o.count;
  }
  return { model, preset, resolved, count, set };
}
