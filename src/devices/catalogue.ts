/**
 * The catalogue: every model and preset shipped with nanoionics. A model file exports its
 * model and presets; this file only lists them.
 * @module devices/catalogue
 */
import type { DeviceModel, Preset } from './contract.js';
import { linearDrift, linearDriftPresets } from './models/linear-drift.js';
import { nonlinearDrift, nonlinearDriftPresets } from './models/nonlinear-drift.js';
import { activatedFilament, activatedFilamentPresets } from './models/activated-filament.js';

const MODELS: DeviceModel[] = [linearDrift, nonlinearDrift, activatedFilament];
const PRESETS: Preset[] = [...linearDriftPresets, ...nonlinearDriftPresets, ...activatedFilamentPresets];

const modelById = new Map<string, DeviceModel>();
const presetById = new Map<string, Preset>();

/** Add a model (and its presets) to the catalogue; ids must be unique. */
export function registerModel(model: DeviceModel, presets: readonly Preset[] = []): void {
  if (modelById.has(model.id)) throw new Error(`model id ${model.id} registered twice`);
  modelById.set(model.id, model);
  for (const p of presets) registerPreset(p);
}

/** Add a preset; its model must be registered. */
export function registerPreset(p: Preset): void {
  if (presetById.has(p.id)) throw new Error(`preset id ${p.id} registered twice`);
  presetById.set(p.id, p);
}

for (const m of MODELS) registerModel(m);
for (const p of PRESETS) registerPreset(p);

/** All models, in catalogue order. */
export function listModels(): DeviceModel[] { return [...modelById.values()]; }
/** All presets. */
export function listPresets(): Preset[] { return [...presetById.values()]; }
/** A model by id, or undefined. */
export function getModel(id: string): DeviceModel | undefined { return modelById.get(id); }
/** A preset by id, or undefined. */
export function getPreset(id: string): Preset | undefined { return presetById.get(id); }
/** Presets of one model. */
export function presetsOf(modelId: string): Preset[] { return listPresets().filter((p) => p.model === modelId); }
