/**
 * Report panels for the device-level figures a compact-model simulation can show: cation
 * (ECM) and anion (VCM) switching loops (Fig. 1, 2), volatile threshold-switching selectors
 * (Fig. 13), and the multi-terminal heterosynaptic systems (Fig. 9, 10).
 * @module report/panels-device
 */
import type { ProtocolResult } from '../protocols/types.js';
import { holds, inBand, type PanelDef } from './panel.js';
import { col } from './panels-synaptic.js';

const m = (r: ProtocolResult, k: string) => r.metrics[k]?.value ?? NaN;

function loopPlot(r: ProtocolResult) {
  const i = col(r, 'loop', 'i').map(Math.abs);
  return {
    xLabel: 'applied voltage', xUnit: 'V', yLabel: '|current|', yUnit: 'A', yLog: true as const, xLog: false as const,
    series: [{ name: 'I-V loop', x: col(r, 'loop', 'v'), y: i.map((v) => Math.max(v, 1e-15)), kind: 'line' as const }],
  };
}

export const DEVICE_PANELS: PanelDef[] = [
  {
    id: 'fig1-ecm', figure: 'Fig. 1 (context)', title: 'Cation (ECM) bipolar switching loop',
    review: 'Ag filaments grow from the inert electrode under positive bias and dissolve under negative bias; ECM cells show ON/OFF ratios above 1e3.',
    protocol: 'iv', devices: ['ag-sio2-pt', 'cu-sio2-ecm'],
    checks: (r) => [
      inBand('onOff', m(r, 'onOff'), '1', 1e3, Infinity, '> 1e3', 'B', 'D: ECM ON/OFF'),
      holds('bipolar', m(r, 'vSet') > 0 && m(r, 'vReset') < 0, 'SET at V > 0, RESET at V < 0', 'Q', 'review Section 2.1'),
    ],
    plot: loopPlot,
  },
  {
    id: 'fig2-vcm', figure: 'Fig. 2 (context)', title: 'Anion (VCM) bipolar switching loop',
    review: 'Oxygen-vacancy filaments in oxides (TiO2, TaOx, HfO2) switch bipolarly: SET with one polarity, RESET with the other.',
    protocol: 'iv', devices: ['jart-hfo2-cuppers2019', 'stanford-hfox-v1', 'hp-tio2-strukov2008'],
    checks: (r) => [
      holds('bipolar', Number.isFinite(m(r, 'vSet')) && Number.isFinite(m(r, 'vReset')) && m(r, 'vSet') * m(r, 'vReset') < 0, 'SET and RESET at opposite polarities', 'Q', 'review Section 2.2'),
      inBand('onOff', m(r, 'onOff'), '1', 10, Infinity, '>= 10 (resolvable states)', 'Q', 'review Section 2.2'),
    ],
    plot: loopPlot,
  },
  {
    id: 'fig13-selector', figure: 'Fig. 13 (selectors)', title: 'Ag/HfOx threshold-switching selector',
    review: 'Ag/hafnia selectors switch on abruptly with ~1e10 nonlinearity and relax to OFF by themselves when the bias is removed.',
    protocol: 'iv', devices: ['ag-hfox-midya2017'], params: { vmin: '0 V', cycles: 1 },
    checks: (r) => [
      inBand('onOff', m(r, 'onOff'), '1', 1e9, Infinity, '>= 1e9', 'S', 'C1 nonlinearity'),
      holds('volatile', m(r, 'vReset') >= 0, 'turns off on the way down, no reverse bias', 'S', 'C1 mechanism'),
    ],
    plot: loopPlot,
  },
  {
    id: 'fig9-competition', figure: 'Fig. 9f,g', title: 'Li+ sharing: synaptic competition',
    review: 'Devices sharing one pool of Li+ in a LixMoS2 network compete: potentiating one lowers the unstimulated partner, total Li conserved.',
    protocol: 'heterosynaptic', devices: ['limos2-zhu2019'], params: { mode: 'competition' },
    checks: (r) => [
      holds('partnerLowered', m(r, 'partnerChange') < 0, 'unstimulated partner falls', 'Q', 'A7 (a)'),
      inBand('ionDrift', m(r, 'ionDrift'), '1', 0, 0.01, '< 1 %', 'D', 'A7 (c)'),
    ],
    plot: (r) => ({ xLabel: 'time', xUnit: 's', yLabel: 'conductance', yUnit: 'S', series: Object.keys(r.tables.weights?.columns ?? {}).filter((k) => k !== 't').map((k) => ({ name: k, x: col(r, 'weights', 't'), y: col(r, 'weights', k) })) }),
  },
  {
    id: 'fig9-cooperation', figure: 'Fig. 9j-l', title: 'Li+ sharing: synaptic cooperation',
    review: 'Potentiating one device moves Li+ toward a neighbour that could not potentiate before; afterwards it can.',
    protocol: 'heterosynaptic', devices: ['limos2-zhu2019'], params: { mode: 'cooperation' },
    checks: (r) => [
      holds('neighbourEnabled', m(r, 'enabledGain') > 1, 'neighbour potentiates more after the partner was potentiated', 'Q', 'A7 (b)'),
      inBand('ionDrift', m(r, 'ionDrift'), '1', 0, 0.01, '< 1 %', 'D', 'A7 (c)'),
    ],
    plot: (r) => ({ xLabel: 'weak pulse number', xUnit: '1', yLabel: 'conductance', yUnit: 'S', series: ['G2alone', 'G2withNeighbour', 'G1withNeighbour'].map((k) => ({ name: k, x: col(r, 'weights', 'pulse'), y: col(r, 'weights', k), kind: 'both' as const })) }),
  },
  {
    id: 'fig9-network4', figure: 'Fig. 9l', title: 'Li+ sharing in a four-synapse network',
    review: 'In a network of four devices on one flake, driving one synapse redistributes Li+ among all of them.',
    protocol: 'heterosynaptic', devices: ['limos2-zhu2019'], params: { mode: 'competition', synapses: 4 },
    checks: (r) => [
      holds('partnerLowered', m(r, 'partnerChange') < 0, 'unstimulated neighbour falls', 'Q', 'A7 (a)'),
      inBand('ionDrift', m(r, 'ionDrift'), '1', 0, 0.01, '< 1 %', 'D', 'A7 (c)'),
    ],
    plot: (r) => ({ xLabel: 'time', xUnit: 's', yLabel: 'conductance', yUnit: 'S', series: Object.keys(r.tables.weights?.columns ?? {}).filter((k) => k !== 't').map((k) => ({ name: k, x: col(r, 'weights', 't'), y: col(r, 'weights', k) })) }),
  },
  {
    id: 'fig10-modulation', figure: 'Fig. 10e,f', title: 'Modulatory terminal controls filament growth',
    review: 'In a planar Ag-nanoparticle device a modulatory bias speeds up or suppresses potentiation by identical 10 V pre-synaptic pulses.',
    protocol: 'heterosynaptic', devices: ['ag-np-yang2015'], params: { mode: 'modulation' },
    checks: (r) => [
      holds('monotoneInVmod', m(r, 'monotoneInVmod') === 1, 'pulses-to-SET falls monotonically with Vmod', 'Q', 'A8 (a)'),
      holds('reverseSuppresses', m(r, 'reverseSuppresses') === 1, 'negative Vmod suppresses or reverses', 'Q', 'A8 (b)'),
    ],
    plot: (r) => ({ xLabel: 'modulatory bias', xUnit: 'V', yLabel: 'pulses to SET', yUnit: '1', xLog: false, series: [{ name: 'pulses to SET', x: col(r, 'modulation', 'vmod'), y: col(r, 'modulation', 'pulsesToSet'), kind: 'both' }] }),
  },
];
