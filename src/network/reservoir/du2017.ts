/**
 * Du et al. 2017 reference data for the reservoir tasks: what the paper did at network level
 * and the numbers to compare with, each with its source and provenance code (measurements.md
 * codes: S = read in a public source, R = recalled from the paper, not confirmed). The
 * paper: C. Du, F. Cai, M. A. Zidan, W. Ma, S. H. Lee, W. D. Lu, "Reservoir computing using
 * dynamic memristors for temporal information processing", Nat. Commun. 8, 2204 (2017),
 * doi 10.1038/s41467-017-02337-y (author list as in the Mendeley record of the article).
 *
 * MNIST set-up used here (R: recalled, the methods text was not readable): the 28 x 28 digits
 * cropped to 22 rows x 20 columns, binarised, every row cut into 4 pieces of 5 pixels, each
 * piece a 5-frame stream into its own device (22 x 4 = 88 devices, S: "a reservoir consisting
 * of only 88 memristors"), the states at rate 1 and rate 2 concatenated (176 features) into a
 * 176 x 10 readout.
 * @module network/reservoir/du2017
 */

/** A published result to compare with. */
export interface PublishedResult {
  task: 'digits5x4' | 'mnist' | 'time-series' | 'spoken-digit';
  what: string;
  value: number | null;
  unit: string;
  conditions: string;
  source: string;
  code: 'S' | 'R';
}

const NC = 'Du et al., Nat. Commun. 8, 2204 (2017)';
const FIG1 = `${NC}, Fig. 1 caption (https://www.nature.com/articles/s41467-017-02337-y)`;
const FIG4 = `${NC}, Fig. 4 caption (http://preview-www.nature.com/articles/s41467-017-02337-y/figures/4)`;

/** Published network-level numbers (see module doc). */
export const DU2017_PUBLISHED: readonly PublishedResult[] = Object.freeze([
  { task: 'digits5x4', what: 'reservoir size for 5 x 4 digit images', value: 5, unit: 'devices', conditions: 'one device per image row, 4 frames per row', source: FIG1, code: 'S' },
  { task: 'digits5x4', what: 'recognition of the 10 digits and of their noisy versions', value: null, unit: '%', conditions: 'the paper reports the digits, including distorted test images, recognised by the 5-device reservoir; the exact test set and rate could not be read', source: NC, code: 'R' },
  { task: 'mnist', what: 'test accuracy, 88-memristor reservoir, rates 1 and 2', value: 0.881, unit: '1', conditions: 'hardware WOx reservoir; rate 1: 0.8 ms frames, 1.5 V / 0.5 ms pulses; rate 2: 4 ms frames, 1.5 V / 0.8 ms pulses; trained readout', source: FIG4, code: 'S' },
  { task: 'mnist', what: 'input geometry', value: 88, unit: 'devices', conditions: '22 x 20 crop, 4 pieces of 5 pixels per row, 176 x 10 readout (rates concatenated)', source: `${NC}, main text (recalled)`, code: 'R' },
  { task: 'time-series', what: 'second-order nonlinear dynamic system, predicted without knowing its transfer function', value: null, unit: '', conditions: 'stated in the abstract; the error value was not read', source: `${NC}, abstract (Mendeley record)`, code: 'S' },
]);

/** The MNIST geometry of Du 2017 as used by the mnist task (R, see module doc). */
export const DU2017_MNIST = Object.freeze({ rows: 22, cols: 20, segments: 4, threshold: 0.5, rowOffset: 3, colOffset: 4 });
