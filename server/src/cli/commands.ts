import type { CliCommand } from './command';
import { annotationsCommand } from './commands/annotations';
import { extractCommand } from './commands/extract';
import { indexCommand } from './commands/indexCommand';
import { parseCommand } from './commands/parse';

/**
 * The one table of `dossier` subcommands. Each lives in its own file under
 * `commands/` and is a thin shell over the core.
 */
export const commands: readonly CliCommand[] = [
  parseCommand,
  extractCommand,
  annotationsCommand,
  indexCommand,
];
