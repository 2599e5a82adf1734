/** What a CLI subcommand gets from the shell: its arguments and its streams. */
export interface CliContext {
  readonly args: readonly string[];
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
}

/** One `dossier <name>` subcommand. */
export interface CliCommand {
  readonly name: string;
  /** One line for `dossier --help`. */
  readonly summary: string;
  /** Full usage text for `dossier <name> --help`. */
  readonly usage: string;
  /** Resolves to the process exit code. */
  run(ctx: CliContext): Promise<number>;
}

/** Thrown for wrong arguments; the shell prints the message and the command's usage, exit 2. */
export class UsageError extends Error {}
