/**
 * How the lab resolves a network spec: device references as the CLI resolves them (experiment
 * layer, one device each) and the spike waveform defaults of the preset's stdp protocol, so a
 * spec the lab runs gives the same numbers in `nanoionics network SPEC`.
 * @module lab/network-context
 */
import { resolveDevice } from '../experiment/device-spec.js';
import { SpecError } from '../units/parse.js';
import type { NetworkDevice, NetworkSpecContext } from '../network/spec.js';
import { stdpWaveformDefaults } from '../protocols/network-defaults.js';

export const NETWORK_CONTEXT: NetworkSpecContext = {
  resolveDevice: (raw, path): NetworkDevice => {
    const d = resolveDevice(raw, path);
    if (d.count !== 1) throw new SpecError(`${path}.count`, d.count, 'nothing (one device per synapse)');
    return { model: d.model, resolved: d.resolved, preset: d.preset?.id, presetData: d.preset };
  },
  waveformDefaults: (d) => stdpWaveformDefaults(d.presetData),
};
