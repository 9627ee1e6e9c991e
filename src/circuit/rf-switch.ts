/**
 * Small-signal model of a memristive RF switch (review Section 5.3; Pi et al., Nat. Commun. 6,
 * 7519 (2015)): a two-terminal device in series in a matched line of impedance Z0.
 *   ON:  Z = R_on (+ j w L_s, an optional series inductance)
 *   OFF: Z = R_off || 1 / (j w C_off)   (the gap capacitance dominates at GHz)
 *   S21 = 2 Z0 / (2 Z0 + Z)     (series element between matched source and load)
 *   insertion loss IL = -20 log10 |S21_on|,  isolation = -20 log10 |S21_off|
 *   cutoff frequency f_c = 1 / (2 pi R_on C_off)  (the switch figure of merit)
 * @module circuit/rf-switch
 */

/** Switch parameters (SI). */
export interface RfSwitch {
  ron: number;
  coff: number;
  /** OFF-state resistance (Ohm), Infinity by default. */
  roff?: number;
  /** Series inductance (H), 0 by default. */
  ls?: number;
  /** Line impedance (Ohm), 50 by default. */
  z0?: number;
}

/** |S21| of a series impedance re + j im in a matched Z0 line. */
function s21(z0: number, re: number, im: number): number {
  const a = 2 * z0 + re;
  return (2 * z0) / Math.sqrt(a * a + im * im);
}

/** Insertion loss of the ON state at frequency f (dB, positive). */
export function insertionLoss(s: RfSwitch, f: number): number {
  const z0 = s.z0 ?? 50, w = 2 * Math.PI * f;
  return -20 * Math.log10(s21(z0, s.ron, w * (s.ls ?? 0)));
}

/** Isolation of the OFF state at frequency f (dB, positive). */
export function isolation(s: RfSwitch, f: number): number {
  const z0 = s.z0 ?? 50, w = 2 * Math.PI * f, roff = s.roff ?? Infinity;
  // Z = R / (1 + j w R C) = (R - j w R^2 C) / (1 + (w R C)^2); R -> Infinity gives -j / (w C)
  let re: number, im: number;
  if (roff === Infinity) { re = 0; im = -1 / (w * s.coff); } else {
    const d = 1 + (w * roff * s.coff) ** 2;
    re = roff / d; im = (-w * roff * roff * s.coff) / d;
  }
  return -20 * Math.log10(s21(z0, re, im + w * (s.ls ?? 0)));
}

/** Cutoff frequency 1 / (2 pi R_on C_off) (Hz). */
export function cutoffFrequency(s: RfSwitch): number { return 1 / (2 * Math.PI * s.ron * s.coff); }

/**
 * R_on and C_off from a measured insertion loss and isolation at frequency f (ideal series
 * switch, R_off = Infinity, no inductance): the inverse of the two formulas above.
 */
export function switchFromMeasurements(ilDb: number, isoDb: number, f: number, z0 = 50): RfSwitch {
  const ron = 2 * z0 * (Math.pow(10, ilDb / 20) - 1);
  const mag = 2 * z0 * Math.pow(10, isoDb / 20); // |2 Z0 + Z_off|
  const x = Math.sqrt(mag * mag - 4 * z0 * z0);
  return { ron, coff: 1 / (2 * Math.PI * f * x), z0 };
}

/** IL, isolation and f_c over a frequency list. */
export function rfSweep(s: RfSwitch, freqs: readonly number[]): { f: Float64Array; il: Float64Array; iso: Float64Array; fc: number } {
  const f = Float64Array.from(freqs), il = new Float64Array(f.length), iso = new Float64Array(f.length);
  for (let k = 0; k < f.length; k++) { il[k] = insertionLoss(s, f[k]); iso[k] = isolation(s, f[k]); }
  return { f, il, iso, fc: cutoffFrequency(s) };
}
