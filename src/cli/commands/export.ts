import type { Command } from '../command.js';
import { parse, parseSets, UsageError } from '../args.js';
import { writeAtomic, toJson } from '../io.js';
import { resolveDevice } from '../../experiment/device-spec.js';
import { exportSpice, exportVerilogA } from '../../circuit/spice-export.js';

const help = `nanoionics export spice|verilog-a PRESET [--set name=value ...] [--out FILE] [--json]

Write a device preset as an ngspice behavioural sub-circuit (each state the voltage of a 1 F
capacitor charged by a B-source, the device current a B-source between the terminals;
internally solved quantities such as the JART Schottky voltage or the ECM overpotential are
internal nodes with a residual B-source) or as a Verilog-A module with the same equations.
Every device model of the catalogue is exportable; random jump processes are not and are
refused with the reason (ecm-kinetic quantize=stochastic, stanford-pku sigmaG > 0; diffusive
exports without its Poisson rupture). Array decks: nanoionics crossbar --op netlist.

Options:
  --set name=value   parameter override (repeat)
  --out FILE         write the text to FILE (atomically) instead of stdout
  --json             print { name, format, text } as JSON`;

export const exportCommand: Command = {
  name: 'export',
  summary: 'device preset as an ngspice sub-circuit or Verilog-A module',
  help,
  run(argv) {
    const { values, positionals } = parse(argv, { set: { type: 'string', multiple: true }, out: { type: 'string' }, json: { type: 'boolean' } });
    if (values.help) { console.log(help); return 0; }
    const [format, id] = positionals;
    if ((format !== 'spice' && format !== 'verilog-a') || !id || positionals.length !== 2) throw new UsageError('usage: nanoionics export spice|verilog-a PRESET');
    const dev = resolveDevice({ preset: id, set: parseSets(values.set) }, 'export');
    const r = format === 'spice' ? exportSpice(dev.model, dev.resolved, dev.preset) : exportVerilogA(dev.model, dev.resolved, dev.preset);
    if (values.out) writeAtomic(String(values.out), r.text);
    if (values.json) console.log(toJson({ name: r.name, format, text: r.text }));
    else if (!values.out) process.stdout.write(r.text);
    return 0;
  },
};
