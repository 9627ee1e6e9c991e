/**
 * Network-level tasks of the lab's worker: a spiking network spec, the 5 x 4 digit task of the
 * reservoir, and MLP training on device crossbars. Each mirrors the CLI command it names
 * (same library calls, same defaults), so the command the view offers gives the same numbers;
 * none contains simulation code of its own. Data sets come in as arrays (the view loads them).
 * @module lab/tasks-network
 */
import { resolveDevice } from '../experiment/device-spec.js';
import { SpecError } from '../units/parse.js';
import { resolveNetworkSpec } from '../network/spec.js';
import { runNetwork } from '../network/build.js';
import { mlpPulseScheme } from '../protocols/network-defaults.js';
import { NETWORK_CONTEXT } from './network-context.js';
import {
  DU2017_RATE1, DU2017_RATE2, NO_RELAXATION, READOUT_DEFAULTS, CLEAN_DIGITS_EPOCHS, digitsTaskSets, imageTask,
  type ReadScheme, type ReservoirDevice, type ReadoutOptions,
} from '../network/reservoir/index.js';
import type { ImageSet } from '../network/analog/dataset.js';
import { tabulatePulses, PULSE_TABLE_DEFAULTS } from '../network/analog/pulse-table.js';
import { trainMlp, type TrainOptions } from '../network/analog/train.js';
import { NEUROSIM_C2C } from '../network/analog/neurosim.js';
import { mlpPlots } from '../report/mlp-plots.js';
import type { Task } from './tasks.js';

/** Payload of `reservoir-digits` (CLI: network reservoir --task digits5x4). */
export interface DigitsPayload { preset: string; set?: Record<string, unknown>; rates: Array<'1' | '2'>; train: number; test: number; flips: number; seed: number; }

/** Payload of `mlp` (CLI: nanoionics mlp): the cropped, split images and the run options. */
export interface MlpPayload { train: ImageSet; test: ImageSet; preset: string; set?: Record<string, unknown>; epochs: number; seed: number; }

const READ: ReadScheme = { mode: 'virtual', vRead: 0.1, width: 1e-6 };

export const networkTasks: Record<string, Task> = {
  /** Run a network spec (`nanoionics network SPEC`): rasters, weights, traces, summaries. */
  network: (payload, progress) => runNetwork(resolveNetworkSpec((payload as { spec: unknown }).spec, NETWORK_CONTEXT), progress),

  /**
   * The digits5x4 task: clean then noisy sets, the reservoir, its no-relaxation control (when
   * the model has one) and the raw pixels, the CLI's defaults (virtual read at 0.1 V, rtol 1e-6,
   * logistic readout; the clean fit with 200 epochs).
   */
  'reservoir-digits': (payload, progress) => {
    const o = payload as DigitsPayload;
    const ref = resolveDevice({ preset: o.preset, set: o.set ?? {} }, 'device');
    const dev: ReservoirDevice = { model: ref.model, resolved: ref.resolved, label: ref.preset?.id ?? ref.model.id };
    const base = NO_RELAXATION[ref.model.id];
    const devices = [{ name: 'reservoir', dev }];
    if (base) {
      const c = resolveDevice({ preset: o.preset, set: { ...(o.set ?? {}), ...base } }, 'control');
      devices.push({ name: 'no-relaxation control', dev: { model: c.model, resolved: c.resolved, label: `${dev.label} without relaxation` } });
    }
    if (!o.rates.length) throw new SpecError('rates', '[]', '1, 2 or both');
    const rates = o.rates.map((r) => ({ ...(r === '1' ? DU2017_RATE1 : DU2017_RATE2) }));
    const readout: ReadoutOptions = { ...READOUT_DEFAULTS, seed: o.seed };
    const enc = { rows: 5, cols: 4, segments: 1, threshold: 0.5 };
    const sets = digitsTaskSets(o.train, o.test, o.flips, o.seed);
    const results = sets.map((r, k) => {
      progress(k / sets.length);
      const res = imageTask(r.train, r.test, enc, devices, { rates, read: READ, seed: o.seed, rtol: 1e-6, readNoise: 0, readout: r.set === 'clean' ? { ...readout, epochs: CLEAN_DIGITS_EPOCHS } : readout });
      return { set: r.set, trainImages: r.train.n, testImages: r.test.n, test: r.test.y, ...res };
    });
    progress(1);
    return { device: dev.label, control: base ? { set: { ...(o.set ?? {}), ...base } } : { skipped: `no built-in no-relaxation control for model ${ref.model.id}` }, rates, results };
  },

  /**
   * MLP 400-100-10 on MNIST (`nanoionics mlp` defaults: sigmoid, squared error, lr 0.3, one
   * device + reference column, stochastic rounding, NeuroSim's C2C for its presets, 32
   * variants): float reference, then the device's pulse table, then training on devices.
   * Every epoch is posted as a partial result.
   */
  mlp: (payload, progress) => {
    const o = payload as MlpPayload;
    const ref = resolveDevice({ preset: o.preset, set: o.set ?? {} }, 'device');
    const pulse = mlpPulseScheme(ref.preset);
    const c2c = NEUROSIM_C2C[ref.preset?.id ?? '']?.c2c ?? 0;
    const base: TrainOptions = { shape: { nIn: 400, nHidden: 100, nOut: 10, hidden: 'sigmoid', loss: 'mse' }, epochs: o.epochs, lr1: 0.3, lr2: 0.3, wMax: 1, seed: o.seed };
    const total = 2 * o.epochs + 1;
    const t0 = performance.now();
    const float = trainMlp(o.train, o.test, base, (e) => progress(e.epoch / total, { phase: 'float', epoch: e }));
    const tFloat = performance.now();
    const tables = tabulatePulses(ref.model, ref.resolved, pulse, { ...PULSE_TABLE_DEFAULTS, seed: o.seed });
    const tTable = performance.now();
    progress((o.epochs + 1) / total, { phase: 'table' });
    if (tables.status !== 'ok') throw new Error(`pulse table of ${o.preset}: ${tables.message}`);
    const dev = trainMlp(o.train, o.test, { ...base, device: { tables, layer: { scheme: 'single', c2c, rounding: 'stochastic', maxPulses: 1000 } } },
      (e) => progress((o.epochs + 1 + e.epoch) / total, { phase: 'device', epoch: e }));
    const tDev = performance.now();
    const G = tables.grid, lo = tables.gLo[0], hi = tables.gHi[0];
    const g = new Float64Array(dev.layers![0].g.length + dev.layers![1].g.length);
    g.set(dev.layers![0].g); g.set(dev.layers![1].g, dev.layers![0].g.length);
    return {
      device: ref.preset?.id ?? ref.model.id, pulse, c2c,
      float: { epochs: float.epochs, testAccuracy: float.testAccuracy, confusion: float.confusion, wall: (tFloat - t0) / 1e3 },
      dev: { epochs: dev.epochs, testAccuracy: dev.testAccuracy, confusion: dev.confusion, pulses: dev.pulses, writes: dev.writes, wall: (tDev - tTable) / 1e3, conductances: g },
      table: {
        variants: tables.variants, pulsesP: tables.pulsesP, pulsesD: tables.pulsesD, levelsP: tables.levelsP[0], levelsD: tables.levelsD[0], gLo: lo, gHi: hi,
        g: Float64Array.from({ length: G }, (_, q) => lo + ((hi - lo) * q) / (G - 1)), dP: tables.dP.slice(0, G), dD: tables.dD.slice(0, G),
        curveP: tables.curveP[0], curveD: tables.curveD[0], wall: (tTable - tFloat) / 1e3,
      },
      plots: mlpPlots(float, dev, tables, ref.preset?.id ?? 'device'),
    };
  },
};
