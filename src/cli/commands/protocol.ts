/**
 * `nanoionics protocol NAME --device PRESET [--series PRESET] [--set k=v ...]` or
 * `nanoionics protocol SPEC.yaml`: run one plasticity / switching protocol and print its
 * metrics (or one JSON document with --json); --out writes each table as CSV plus result.json.
 * @module cli/commands/protocol
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from '../command.js';
import { parse, parseSets, UsageError } from '../args.js';
import { readSpecFile, writeAtomic, columnsToCsv, toJson, gitCommit } from '../io.js';
import { specContext } from '../context.js';
import { getProtocol, listProtocols, runProtocolSpec } from '../../protocols/registry.js';
import { getPreset } from '../../devices/catalogue.js';

function help(): string {
  const list = listProtocols().map((p) => `  ${p.id.padEnd(16)} ${p.summary} (${p.figures})`).join('\n');
  return `nanoionics protocol NAME --device PRESET [--series PRESET] [--set name=value ...] [--json] [--out DIR]
nanoionics protocol SPEC.yaml [--json] [--out DIR]

Run a synaptic / switching protocol on a device. The stimulus is real waveforms applied to
the device model; plasticity comes from its dynamics. --set takes protocol parameters
(units allowed: --set intervals=1ms,10ms,100ms) and device parameters as device.NAME=value
(series.NAME=value for the series device). --series puts a second device in series (the
weight is then the series device's conductance: diffusive + drift). A spec file has the keys
protocol, device, series, circuit, params, solver and seed.

Protocols:
${list}

Options:
  --device PRESET     the device (a preset id or a preset file)
  --series PRESET     a second device in series with the first
  --set name=value    a protocol parameter, or device.NAME / series.NAME (repeatable)
  --seed N            seed (default 1)
  --method M          integrator: auto, dopri5, bs3, rodas3, ros2 (default auto)
  --out DIR           write DIR/<table>.csv for every table and DIR/result.json
  --json              print the result as one JSON document
  -h, --help

Exit status: 0 on success, 1 when a simulation failed, 2 on bad input.`;
}

export const protocolCommand: Command = {
  name: 'protocol',
  summary: 'run a plasticity / switching protocol (iv, ppf, srdp, stdp, ...) on a device',
  get help() { return help(); },
  run(argv) {
    const { values, positionals } = parse(argv, {
      device: { type: 'string' }, series: { type: 'string' }, set: { type: 'string', multiple: true },
      seed: { type: 'string' }, method: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' },
    });
    if (values.help) { console.log(help()); return 0; }
    if (positionals.length !== 1) throw new UsageError('usage: nanoionics protocol NAME --device PRESET [--set k=v ...] | nanoionics protocol SPEC.yaml');
    const name = positionals[0];
    let raw: Record<string, unknown>;
    let base: string | undefined;
    if (getProtocol(name)) {
      if (!values.device) throw new UsageError(`nanoionics protocol ${name}: --device PRESET is required`);
      const sets = parseSets(values.set);
      const params: Record<string, unknown> = {}, dev: Record<string, unknown> = {}, ser: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(sets)) {
        if (k.startsWith('device.')) dev[k.slice(7)] = v;
        else if (k.startsWith('series.')) ser[k.slice(7)] = v;
        else params[k] = typeof v === 'string' && v.includes(',') ? v.split(',').map((s) => s.trim()) : v;
      }
      raw = { protocol: name, device: { preset: values.device, set: dev }, params };
      if (values.series) raw.series = { preset: values.series, set: ser };
      if (values.seed !== undefined) raw.seed = Number(values.seed);
      if (values.method !== undefined) raw.solver = { method: values.method };
    } else if (/\.(ya?ml|json)$/i.test(name)) {
      raw = readSpecFile(name) as Record<string, unknown>;
      base = name;
    } else {
      throw new UsageError(`unknown protocol "${name}" (${listProtocols().map((p) => p.id).join(', ')}) and not a spec file`);
    }
    if (!getPreset(String((raw.device as Record<string, unknown>)?.preset ?? '')) && typeof raw.device === 'object' && !(raw.device as Record<string, unknown>).preset && !(raw.device as Record<string, unknown>).model) {
      throw new UsageError('the device needs a preset or a model');
    }
    const t0 = performance.now();
    const res = runProtocolSpec(raw, specContext(base));
    const wallTime = (performance.now() - t0) / 1e3;
    const doc = { ...res, provenance: { commit: gitCommit(), wallTime, spec: raw } };
    if (values.out) {
      const dir = String(values.out);
      for (const [tn, t] of Object.entries(res.tables)) writeAtomic(join(dir, `${tn}.csv`), columnsToCsv(t.columns, t.units));
      writeAtomic(join(dir, 'result.json'), toJson({ ...doc, tables: undefined }));
    }
    if (values.json) console.log(toJson(doc));
    else {
      console.log(`${res.protocol} on ${res.device}${res.series ? ` + ${res.series}` : ''}: ${res.status} (${res.runs} simulations, ${wallTime.toFixed(2)} s)`);
      console.log(`  read: ${res.read}`);
      for (const [k, m] of Object.entries(res.metrics)) console.log(`  ${k.padEnd(22)} ${Number.isFinite(m.value) ? m.value.toPrecision(5) : String(m.value)} ${m.unit}   ${m.meaning ?? ''}`);
      for (const msg of res.messages) console.log(`  note: ${msg}`);
      if (values.out) console.log(`wrote ${Object.keys(res.tables).map((t) => `${t}.csv`).join(', ')} and result.json to ${values.out}`);
    }
    return res.status === 'ok' ? 0 : 1;
  },
};
