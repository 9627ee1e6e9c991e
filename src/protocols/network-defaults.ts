/**
 * Per-preset defaults that the network layer takes from the protocols, shared by the CLI and
 * the lab so both run a device the same way:
 *  - the spike waveform of a device synapse: the `stdp` protocol's spike for the preset (its
 *    per-preset defaults over the protocol's own), the fields a network spec's `waveform` has;
 *  - the programming pulses of an analog (MLP) layer: the `pulse-response` protocol's pulses
 *    and read for the preset, with user overrides (unit strings allowed).
 * @module protocols/network-defaults
 */
import type { Preset } from '../devices/contract.js';
import type { PulseScheme } from '../network/analog/pulse-table.js';
import { presetDefaults } from './defaults.js';
import { resolveProtocolParams } from './params.js';
import { pulseResponseProtocol } from './pulse-response.js';
import { stdpProtocol } from './stdp.js';

const WAVE = ['progAmplitude', 'progWidth', 'heatAmplitude', 'heatWidth', 'gap'] as const;

/** The stdp protocol's spike waveform for a preset (SI numbers: progAmplitude V, progWidth s, ...). */
export function stdpWaveformDefaults(preset?: Preset): Record<string, unknown> {
  const all = resolveProtocolParams(stdpProtocol, {}, presetDefaults('stdp', preset));
  const out: Record<string, unknown> = {};
  for (const k of WAVE) if (all[k] !== undefined) out[k] = all[k];
  return out;
}

/**
 * Programming pulses of an analog layer: the pulse-response protocol's amplitude,
 * depressAmplitude, width, interval and vRead for the preset, overridden by `user`
 * (keys amplitude, depressAmplitude, width, interval; errors name `path`.key).
 */
export function mlpPulseScheme(preset: Preset | undefined, user: Record<string, unknown> = {}, path = 'pulse'): PulseScheme {
  const p = resolveProtocolParams(pulseResponseProtocol, user, presetDefaults('pulse-response', preset), path);
  return { amplitude: p.amplitude as number, depressAmplitude: p.depressAmplitude as number, width: p.width as number, interval: p.interval as number, vRead: p.vRead as number };
}
