/**
 * NeuroSim reference data for the analog MLP: the cycle-to-cycle spreads NeuroSim uses for
 * the two catalogue presets tabulated from its device table (measurements.md F, code S), and
 * the published MNIST accuracies to compare with, each with its source and provenance code
 * (measurements.md: S = read in a public source, R = recalled, not confirmed).
 * @module network/analog/neurosim
 */

/** NeuroSim's per-pulse cycle-to-cycle sigma (fraction of the conductance range) by preset. */
export const NEUROSIM_C2C: Readonly<Record<string, { c2c: number; source: string }>> = Object.freeze({
  'ag-asi-jo2010': { c2c: 0.035, source: 'NeuroSim V3.0 manual Table II / Cell.cpp RealDevice sigmaCtoC = 0.035 (measurements.md F, S)' },
  'sige-epiram-choi2018': { c2c: 0.02, source: 'NeuroSim V3.0 manual Table II (measurements.md F, S)' },
});

/** A published accuracy to compare with. */
export interface PublishedAccuracy {
  /** Catalogue preset it corresponds to, or a description of the device. */
  device: string;
  preset?: string;
  /** Online-learning (on-device training) test accuracy, or null when none was found. */
  online: number | null;
  offline?: number;
  conditions: string;
  source: string;
  code: 'S' | 'R' | 'none';
}

const TCAD = 'P.-Y. Chen, X. Peng, S. Yu, IEEE TCAD 37, 3067 (2018), Table I (read in the paper text)';
const COND = 'NeuroSim MLP 400-100-10 on 20x20-cropped MNIST, 1-bit inputs and hidden outputs in the forward pass, online learning on 60k training / 10k test images';

/** Published accuracies (see module doc). */
export const NEUROSIM_PUBLISHED: readonly PublishedAccuracy[] = Object.freeze([
  { device: 'software baseline (same MLP)', online: 0.965, conditions: `${COND}; "96 %-97 %"`, source: `${TCAD}, Sec. V`, code: 'S' },
  { device: 'Ag:a-Si (Jo 2010): 97 states, NL 2.4/-4.88, on/off 12.5, C2C 3.5 %', preset: 'ag-asi-jo2010', online: 0.73, offline: 0.63, conditions: COND, source: TCAD, code: 'S' },
  { device: 'ideal eNVM: 64 states, NL 0/0, on/off 50, C2C 0', online: 0.948, offline: 0.945, conditions: COND, source: TCAD, code: 'S' },
  { device: 'targeted eNVM: 64 states, NL 1/-1, on/off 50, C2C 2 %', online: 0.90, offline: 0.945, conditions: COND, source: TCAD, code: 'S' },
  { device: 'SiGe epiRAM (Choi 2018): 64 states, NL 0.5/-0.5, on/off 50.2, C2C 2 %', preset: 'sige-epiram-choi2018', online: null, conditions: 'no NeuroSim accuracy for epiRAM was found (TCAD 2018 predates it; the V3.0 manual text was not readable); Choi et al., Nat. Mater. 2018 report about 95 % MNIST in their own network simulation', source: 'measurements.md B1 (recalled)', code: 'R' },
]);
