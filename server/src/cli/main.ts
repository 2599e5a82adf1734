import { commands } from './commands';
import { UsageError, type CliContext } from './command';

// The version is injected by esbuild at bundle time; the fallback serves tsc-compiled runs.
declare const DOSSIER_VERSION: string | undefined;
const version = typeof DOSSIER_VERSION === 'string' ? DOSSIER_VERSION : 'dev';

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'dossier: read, annotate and cross-reference news articles from the command line.',
    '',
    'Usage: dossier <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -h, --help     show this help, or a command\'s help after the command',
    '  -v, --version  print the version',
    '',
  ].join('\n');
}

/** Runs the CLI with the given arguments and streams; resolves to the exit code. */
export async function main(args: readonly string[], io: Omit<CliContext, 'args'>): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.stdout.write(helpText());
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    io.stdout.write(`${version}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`dossier: unknown command '${name}'\n\n${helpText()}`);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout.write(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run({ ...io, args: rest });
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`dossier ${name}: ${err.message}\n\n${command.usage}\n`);
      return 2;
    }
    io.stderr.write(`dossier ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
