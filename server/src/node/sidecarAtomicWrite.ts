/**
 * Crash-safe file replacement: a reader (git, another window, the analyst's
 * editor) sees either the old sidecar or the new one, never half of one.
 */

import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

/**
 * Writes `text` (UTF-8) to `file` through a temporary file in the same
 * directory (so the rename stays on one file system and is atomic), flushed with
 * fsync before the rename; the directory is fsynced afterwards where the
 * platform allows it. On failure the temporary file is removed and the error
 * rethrown; the original file is untouched.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(temp, 'wx', await modeOf(file));
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fsp.rename(temp, file);
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
  await syncDirectory(dir);
}

/** Keeps the permissions of the file being replaced; new files get the usual 0o644. */
async function modeOf(file: string): Promise<number> {
  try {
    return (await fsp.stat(file)).mode & 0o777;
  } catch {
    return 0o644;
  }
}

/** Makes the rename itself durable; some platforms (Windows) cannot open directories, which is fine. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort only: the data itself was already fsynced.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
