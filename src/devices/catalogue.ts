/**
 * The catalogue: every model and preset shipped with nanoionics. A model file exports its
 * model and presets; this file only lists them.
 * @module devices/catalogue
 */
import type { DeviceModel, Preset } from './contract.js';
import type { MultiTerminalModel } from './multi-terminal.js';
import { linearDrift, linearDriftPresets } from './models/linear-drift.js';
import { nonlinearDrift, nonlinearDriftPresets } from './models/nonlinear-drift.js';
import { vteam, vteamPresets } from './models/vteam.js';
import { yakopcic, yakopcicPresets } from './models/yakopcic.js';
import { stanfordPku, stanfordPkuPresets } from './models/stanford-pku.js';
import { jartVcm, jartVcmPresets } from './models/jart-vcm.js';
import { mottThermal, mottThermalPresets } from './models/mott-thermal.js';
import { ecmKinetic, ecmKineticPresets } from './models/ecm-kinetic.js';
import { woxDu, woxDuPresets } from './models/wox-du.js';
import { woxChang, woxChangPresets } from './models/wox-chang.js';
import { thermalSecondOrder, thermalSecondOrderPresets } from './models/thermal-second-order.js';
import { diffusive, diffusivePresets } from './models/diffusive.js';
import { filamentGrowth, filamentGrowthPresets } from './models/filament-growth.js';
import { metaplasticFilament, metaplasticFilamentPresets } from './models/metaplastic-filament.js';
import { liReservoir, liReservoirPresets } from './models/li-reservoir.js';
import { modulatoryFilament, modulatoryFilamentPresets } from './models/modulatory-filament.js';
import { dataDriven, dataDrivenPresets } from './models/data-driven.js';
import { activatedFilament, activatedFilamentPresets } from './models/activated-filament.js';

// One line per model file; keep the lists in step.
const MODELS: DeviceModel[] = [];
const PRESETS: Preset[] = [];
MODELS.push(linearDrift, nonlinearDrift); PRESETS.push(...linearDriftPresets, ...nonlinearDriftPresets);
MODELS.push(vteam, yakopcic); PRESETS.push(...vteamPresets, ...yakopcicPresets);
MODELS.push(stanfordPku, jartVcm, mottThermal); PRESETS.push(...stanfordPkuPresets, ...jartVcmPresets, ...mottThermalPresets);
MODELS.push(woxDu, woxChang, thermalSecondOrder); PRESETS.push(...woxDuPresets, ...woxChangPresets, ...thermalSecondOrderPresets);
MODELS.push(diffusive, filamentGrowth, metaplasticFilament); PRESETS.push(...diffusivePresets, ...filamentGrowthPresets, ...metaplasticFilamentPresets);
MODELS.push(ecmKinetic); PRESETS.push(...ecmKineticPresets);
MODELS.push(dataDriven); PRESETS.push(...dataDrivenPresets);
MODELS.push(activatedFilament); PRESETS.push(...activatedFilamentPresets);

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

// Multi-terminal systems (devices/multi-terminal): a catalogue of their own, so that code that
// iterates the two-terminal models above never meets a model it cannot drive.
const MULTI: MultiTerminalModel[] = [liReservoir, modulatoryFilament];
const MULTI_PRESETS: Preset[] = [...liReservoirPresets, ...modulatoryFilamentPresets];
const multiById = new Map(MULTI.map((m) => [m.id, m] as const));
const multiPresetById = new Map(MULTI_PRESETS.map((p) => [p.id, p] as const));

/** All multi-terminal models. */
export function listMultiTerminalModels(): MultiTerminalModel[] { return [...multiById.values()]; }
/** All multi-terminal presets. */
export function listMultiTerminalPresets(): Preset[] { return [...multiPresetById.values()]; }
/** A multi-terminal model by id, or undefined. */
export function getMultiTerminalModel(id: string): MultiTerminalModel | undefined { return multiById.get(id); }
/** A multi-terminal preset by id, or undefined. */
export function getMultiTerminalPreset(id: string): Preset | undefined { return multiPresetById.get(id); }
