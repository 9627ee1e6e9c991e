/**
 * The subcommand contract of the `nanoionics` binary.
 * @module cli/command
 */

/** One subcommand. `run` returns the exit code; it prints its result to stdout. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full --help text. */
  readonly help: string;
  run(argv: string[]): Promise<number> | number;
}
