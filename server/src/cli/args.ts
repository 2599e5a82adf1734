import { UsageError } from './command';

/**
 * The argument shape most subcommands take: exactly one FILE and some on/off
 * flags. Unknown flags and a missing or extra FILE are usage errors.
 */
export function singleFileArgs(args: readonly string[], allowedFlags: readonly string[]): { file: string; flags: ReadonlySet<string> } {
  const flags = args.filter((a) => a.startsWith('-'));
  const files = args.filter((a) => !a.startsWith('-'));
  for (const f of flags) if (!allowedFlags.includes(f)) throw new UsageError(`unknown option ${f}`);
  if (files.length !== 1) throw new UsageError('expected one FILE');
  return { file: files[0]!, flags: new Set(flags) };
}
