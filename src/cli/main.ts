/**
 * The `nanoionics` command: dispatches to subcommands; bad input exits 2 with a one-line reason.
 * @module cli/main
 */
import type { Command } from './command.js';
import { UsageError } from './args.js';
import { SpecError } from '../units/parse.js';
import { VERSION } from '../version.js';
import { modelsCommand } from './commands/models.js';
import { runCommand } from './commands/run.js';
import { fitCommand } from './commands/fit.js';
import { labCommand } from './commands/lab.js';
import { protocolCommand } from './commands/protocol.js';
import { reproduceCommand } from './commands/reproduce.js';
import { filamentCommand } from './commands/filament.js';
import { crossbarCommand } from './commands/crossbar.js';
import { exportCommand } from './commands/export.js';
import { datasheetCommand } from './commands/datasheet.js';
import { networkCommand } from './commands/network.js';
import { mlpCommand } from './commands/mlp.js';
import '../memory/as-protocol.js'; // registers the memory protocols with `nanoionics protocol`

// One line per command, in the order of the help listing.
const COMMANDS: Command[] = [];
COMMANDS.push(modelsCommand);
COMMANDS.push(runCommand);
COMMANDS.push(protocolCommand);
COMMANDS.push(reproduceCommand);
COMMANDS.push(fitCommand);
COMMANDS.push(datasheetCommand);
COMMANDS.push(labCommand);
COMMANDS.push(filamentCommand);
COMMANDS.push(crossbarCommand);
COMMANDS.push(networkCommand);
COMMANDS.push(mlpCommand);
COMMANDS.push(exportCommand);

function usage(): string {
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`);
  return `nanoionics ${VERSION}: simulator of nanoionic resistive-switching devices\n\nusage: nanoionics COMMAND [options]   (nanoionics COMMAND --help for details)\n\ncommands:\n${lines.join('\n')}`;
}

/** Run the CLI with argv (without node and script); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') { console.log(usage()); return name ? 0 : 2; }
  if (name === '--version' || name === '-v') { console.log(VERSION); return 0; }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) { console.error(`nanoionics: unknown command "${name}"\n\n${usage()}`); return 2; }
  try {
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof SpecError || e instanceof UsageError) {
      console.error(`nanoionics ${name}: ${e.message}`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && err.code === 'ENOENT') { console.error(`nanoionics ${name}: no such file: ${err.path}`); return 2; }
    if (err instanceof Error && /^[^:]+: not valid (YAML|JSON)/.test(err.message)) { console.error(`nanoionics ${name}: ${err.message}`); return 2; }
    throw e;
  }
}
