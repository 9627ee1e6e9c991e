/**
 * One case of the network benchmark in a fresh process: the Brian2 baseline network
 * (examples/network/stdp-784x100.yaml) with `rule` synapses, or the same network with `device`
 * synapses (wox-du2015, the stdp protocol's spike waveform for that preset, initial state c0 =
 * 0.5 with 50 % device-to-device spread so that the mean initial weight is 0.005 as Brian2's
 * rand() * w_max). Prints one JSON line: setup (spec + build) and run() times, spike counts,
 * mean weights, device work counters.
 *
 * usage: node dist/bench/network-case.js rule|device SEED DURATION_S [RATES.json]
 * RATES.json: the 784 input rates (Hz) to use instead of drawing them (the bench passes
 * Brian2's own draw, numpy default_rng(7).uniform(0, 40, 784), so that both simulators see
 * the same input rates and differ only by the spike and weight samples).
 * @module bench/network-case
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { resolveNetworkSpec } from '../src/network/spec.js';
import { buildNetwork, collect } from '../src/network/build.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The benchmark spec: the baseline network, with device synapses when kind is 'device'. */
export function benchSpec(kind: 'rule' | 'device', seed: number, duration: number, rates?: number[]): Record<string, unknown> {
  const raw = parse(readFileSync(join(ROOT, 'examples', 'network', 'stdp-784x100.yaml'), 'utf8')) as Record<string, any>;
  raw.seed = seed;
  if (rates) raw.groups.input.rate = rates;
  raw.duration = duration;
  raw.monitors = {};
  if (kind === 'device') {
    const ff = raw.synapses.ff;
    raw.synapses.ff = {
      from: ff.from, to: ff.to, connect: ff.connect, target: ff.target, kind: 'device',
      device: { preset: 'wox-du2015', set: { c0: 0.5, c0Dtod: 0.5 } },
      weightRange: [0, 0.01],
      // the stdp protocol's defaults for wox-du2015 (protocols/defaults.ts)
      waveform: { progAmplitude: '1.4 V', progWidth: '1 ms', heatAmplitude: '0.9 V', heatWidth: '5 ms' },
      vRead: '0.1 V',
    };
  }
  return raw;
}

function main(argv: string[]): void {
  const kind = argv[0] === 'device' ? 'device' : 'rule', seed = Number(argv[1] ?? 7), duration = Number(argv[2] ?? 1);
  const rates = argv[3] ? JSON.parse(readFileSync(argv[3], 'utf8')) as number[] : undefined;
  const t0 = performance.now();
  const spec = resolveNetworkSpec(benchSpec(kind, seed, duration, rates));
  const b = buildNetwork(spec);
  const t1 = performance.now();
  const r = b.network.run(spec.duration);
  const t2 = performance.now();
  const res = collect(spec, b, r.status, r.message);
  const syn = res.synapses[0];
  console.log(JSON.stringify({
    kind, seed, duration_s: duration, status: res.status, setup_s: (t1 - t0) / 1e3, run_s: (t2 - t1) / 1e3,
    input_spikes: res.groups[0].spikes, output_spikes: res.groups[1].spikes,
    w_mean_before: syn.wMeanInitial, w_mean_after: syn.wMeanFinal, device: syn.device?.stats,
    maxrss_mib: process.resourceUsage().maxRSS / 1024,
  }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
