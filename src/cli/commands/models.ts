import type { Command } from '../command.js';
import { parse, UsageError } from '../args.js';
import { listModels, getModel, presetsOf, getPreset } from '../../devices/catalogue.js';
import { toJson } from '../io.js';
import { formatParam } from '../../units/format.js';

const help = `nanoionics models [--json]
nanoionics models show ID [--json]

List the compact-model catalogue and its presets, or show one model (or preset) with its
equations, citation, parameter schema (default, unit, range, meaning, source), state variables
and presets.

Options:
  --json   print one JSON document on stdout
  -h, --help`;

export const modelsCommand: Command = {
  name: 'models',
  summary: 'catalogue of device models and presets',
  help,
  run(argv) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' } });
    if (values.help) { console.log(help); return 0; }
    const json = Boolean(values.json);
    if (positionals.length === 0) {
      const models = listModels().map((m) => ({ id: m.id, title: m.title, citation: m.citation, reviewLink: m.reviewLink, states: m.states.map((s) => s.name), presets: presetsOf(m.id).map((p) => p.id) }));
      if (json) { console.log(toJson({ models })); return 0; }
      for (const m of models) {
        console.log(`${m.id.padEnd(22)} ${m.title}`);
        console.log(`${''.padEnd(22)} states: ${m.states.join(', ')}; presets: ${m.presets.join(', ') || '(none)'}`);
      }
      return 0;
    }
    if (positionals[0] !== 'show' || positionals.length !== 2) throw new UsageError('usage: nanoionics models show ID');
    const id = positionals[1];
    let model = getModel(id);
    const preset = model ? undefined : getPreset(id);
    if (preset) model = getModel(preset.model);
    if (!model) throw new UsageError(`models show: unknown model or preset "${id}"; run "nanoionics models" for the list`);
    const info = {
      id: model.id, title: model.title, summary: model.summary, citation: model.citation, reviewLink: model.reviewLink,
      zeroCrossing: model.zeroCrossing, stiff: model.stiff, setPolarity: model.setPolarity,
      params: model.params.map((p) => ({ ...p, min: p.min, max: p.max })),
      states: model.states, presets: presetsOf(model.id), preset,
    };
    if (json) { console.log(toJson(info)); return 0; }
    console.log(`${model.id}: ${model.title}\n`);
    console.log(model.summary + '\n');
    console.log(`source: ${model.citation}`);
    console.log(`review: ${model.reviewLink}\n`);
    if (preset) console.log(`preset ${preset.id}: ${preset.title}\n  fitted to: ${preset.fittedTo}\n  source: ${preset.citation}\n  values: ${JSON.stringify(preset.params)}\n`);
    console.log('parameters:');
    for (const p of model.params) {
      const range = p.choices ? p.choices.join(' | ') : `[${formatParam(p.min, p.unit, p.dim)}, ${formatParam(p.max, p.unit, p.dim)}]`;
      const shown = p.choices ? p.choices[p.default] : formatParam(p.default, p.unit, p.dim);
      console.log(`  ${p.name.padEnd(12)} ${shown.padEnd(22)} ${range.padEnd(26)} ${p.meaning} (${p.source})`);
    }
    console.log('\nstates:');
    for (const s of model.states) console.log(`  ${s.name.padEnd(12)} ${s.unit.padEnd(8)} [${s.min}, ${s.max}]  ${s.meaning}`);
    console.log('\npresets:');
    for (const p of presetsOf(model.id)) console.log(`  ${p.id.padEnd(26)} ${p.title}\n  ${''.padEnd(26)} fitted to: ${p.fittedTo}`);
    return 0;
  },
};
