/**
 * The built-in demo network (`nanoionics network --demo`): the same 100 Poisson inputs drive
 * two groups of 10 conductance-based LIF neurons, one through pair-based STDP (`rule`) and one
 * through synapses made of WOx devices (wox-du2015, 50 % device-to-device spread of the
 * initial state c0), for 0.5 s. Kept as data so the CLI, the lab and the tests run the same
 * network; examples/05-network-device-stdp.yaml is the same spec.
 * @module network/demo
 */

/** The demo spec (units as strings, as a user would write it). */
export const DEMO_NETWORK: Readonly<Record<string, unknown>> = Object.freeze({
  name: 'demo: rule STDP vs WOx device synapses',
  dt: '0.1 ms',
  duration: '0.5 s',
  seed: 7,
  groups: {
    input: { type: 'poisson', n: 100, rate: { uniform: ['0 Hz', '40 Hz'] } },
    ruleOut: { type: 'lif', n: 10, synapse: 'conductance', tauM: '20 ms', tauE: '5 ms', vRest: '-70 mV', vReset: '-65 mV', vThreshold: '-54 mV', eExc: '0 mV', refractory: '5 ms' },
    deviceOut: { type: 'lif', n: 10, synapse: 'conductance', tauM: '20 ms', tauE: '5 ms', vRest: '-70 mV', vReset: '-65 mV', vThreshold: '-54 mV', eExc: '0 mV', refractory: '5 ms' },
  },
  synapses: {
    rule: {
      from: 'input', to: 'ruleOut', connect: 'all', target: 'ge', kind: 'rule',
      weight: { uniform: [0, 0.06] },
      stdp: { tauPre: '20 ms', tauPost: '20 ms', aPre: 6e-4, aPost: -6.3e-4, wMin: 0, wMax: 0.06 },
    },
    device: {
      from: 'input', to: 'deviceOut', connect: 'all', target: 'ge', kind: 'device',
      device: { preset: 'wox-du2015', set: { c0: 0.5, c0Dtod: 0.5 } },
      weightRange: [0, 0.06],
      waveform: { progAmplitude: '1.4 V', progWidth: '1 ms', heatAmplitude: '0.9 V', heatWidth: '5 ms' },
      vRead: '0.1 V',
    },
  },
  monitors: {
    spikes: ['input', 'ruleOut', 'deviceOut'],
    states: [{ group: 'deviceOut', variable: 'v', indices: [0], every: '0.1 ms' }],
    weights: [{ synapses: 'rule', every: '10 ms' }, { synapses: 'device', every: '10 ms' }],
  },
});
