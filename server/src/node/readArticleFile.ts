import { promises as fs } from 'node:fs';

/** Files larger than this are not read at all (a log line says so). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** The text of a file as the editor would show it, or why it could not be had. */
export type ReadResult =
  | { readonly ok: true; readonly text: string; readonly mtimeMs: number; readonly size: number; readonly warning?: string }
  | { readonly ok: false; readonly reason: 'missing' | 'too-large' | 'binary' | 'unreadable'; readonly message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const latin1 = new TextDecoder('latin1');

/**
 * Reads an article file: strips a UTF-8 BOM (as the editor does, so offsets
 * agree), refuses binary content, and decodes invalid UTF-8 as Latin-1 with a
 * warning rather than failing, so an odd encoding still gets analysed.
 */
export async function readArticleFile(file: string): Promise<ReadResult> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    return { ok: false, reason: 'missing', message: `${file} does not exist` };
  }
  if (stat.size > MAX_FILE_BYTES) {
    return { ok: false, reason: 'too-large', message: `${file} is ${(stat.size / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit; it is not indexed` };
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    return { ok: false, reason: 'unreadable', message: `${file} could not be read: ${String(err)}` };
  }
  return { ...decodeArticleBytes(bytes, file), mtimeMs: stat.mtimeMs, size: stat.size } as ReadResult;
}

/** Decodes bytes as `readArticleFile` does; exported for the CLI and tests. */
export function decodeArticleBytes(bytes: Uint8Array, name = 'the file'):
  | { ok: true; text: string; warning?: string }
  | { ok: false; reason: 'binary'; message: string } {
  if (looksBinary(bytes)) return { ok: false, reason: 'binary', message: `${name} looks binary (NUL bytes); it is not an article` };
  try {
    return { ok: true, text: stripBom(utf8.decode(bytes)) };
  } catch {
    return { ok: true, text: latin1.decode(bytes), warning: `${name} is not valid UTF-8; it was read as Latin-1` };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** NUL bytes in the first 8 KB: the same test git and VS Code use for binary files. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
