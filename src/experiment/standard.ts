/**
 * Standard stimuli for any preset, built from the preset's `sweep` hints: the bipolar DC sweep
 * and a potentiation/depression pulse sequence. These raw specs are what the lab's device
 * explorer runs, and the CLI runs them to the same numbers (`nanoionics run`).
 * @module experiment/standard
 */
import { getPreset } from '../devices/catalogue.js';
import type { Preset } from '../devices/contract.js';

/** Sweep hints of a preset (defaults when the preset has none). */
export function sweepHints(p: Preset | undefined): { vSet: number; vReset: number; period: number; compliance?: number; vRead: number } {
  const s = p?.sweep;
  return { vSet: s?.vSet ?? 1, vReset: s?.vReset ?? -1, period: s?.period ?? 1, compliance: s?.compliance, vRead: s?.vRead ?? 0.1 };
}

/** Bipolar triangular DC sweep (one cycle) with the preset's compliance, recorded at 800 points. */
export function standardSweepSpec(presetId: string, set: Record<string, unknown> = {}, cycles = 1): Record<string, unknown> {
  const p = getPreset(presetId);
  const h = sweepHints(p);
  const dev = p ? { preset: presetId, set } : { model: presetId, set };
  return {
    device: dev,
    ...(h.compliance ? { circuit: { compliance: h.compliance } } : {}),
    stimulus: { type: 'sweep', vmax: h.vSet, vmin: h.vReset, period: h.period, cycles },
    record: { every: (h.period * cycles) / 800, vRead: h.vRead },
    seed: 1,
  };
}

/**
 * `n` potentiating pulses (amplitude vSet) then `n` depressing pulses (vReset), each of width
 * period/100 with an equal gap, read virtually after every pulse (record at pulse edges).
 */
export function standardPulseSpec(presetId: string, set: Record<string, unknown> = {}, n = 20): Record<string, unknown> {
  const p = getPreset(presetId);
  const h = sweepHints(p);
  const width = h.period / 100;
  const train = (amp: number) => ({ type: 'pulse-train', amplitude: amp, width, period: 2 * width, count: n, tail: width });
  const dev = p ? { preset: presetId, set } : { model: presetId, set };
  return {
    device: dev,
    ...(h.compliance ? { circuit: { compliance: h.compliance } } : {}),
    stimulus: { type: 'sequence', segments: [train(0.8 * h.vSet), train(0.8 * h.vReset)] },
    record: { every: 'breakpoint', vRead: h.vRead },
    seed: 1,
  };
}

/**
 * Conductance after each pulse of a standardPulseSpec run: pulse k (0-based) ends at
 * (2k + 1) width; the row recorded at that breakpoint holds the state at the end of the pulse.
 */
export function pulseResponse(columns: Record<string, Float64Array>, n: number, period: number): { pulse: Float64Array; g: Float64Array } {
  const width = period / 100;
  const t = columns.t, g = columns.g;
  const pulse = new Float64Array(2 * n), out = new Float64Array(2 * n);
  let r = 0;
  for (let k = 0; k < 2 * n; k++) {
    const tEnd = (2 * k + 1) * width;
    while (r < t.length - 1 && Math.abs(t[r + 1] - tEnd) <= Math.abs(t[r] - tEnd)) r++;
    pulse[k] = k + 1;
    out[k] = g[r];
  }
  return { pulse, g: out };
}
