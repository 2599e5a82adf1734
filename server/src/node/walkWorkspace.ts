import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Folders never worth walking into for articles. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.vscode-host', '.vscode-test']);

/** A candidate article file: `.article` always, `.txt` to be sniffed or matched by globs. */
export interface CandidateFile {
  readonly path: string;
  readonly kind: 'article' | 'txt';
}

/**
 * Lists candidate article files below a folder, depth first, skipping hidden
 * and build folders, symlink loops and unreadable folders. Stops early when
 * `isCancelled` turns true.
 */
export async function walkWorkspace(root: string, isCancelled: () => boolean = () => false): Promise<CandidateFile[]> {
  const found: CandidateFile[] = [];
  const stack = [root];
  while (stack.length && !isCancelled()) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: nothing to index there
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) stack.push(path.join(dir, e.name));
      } else if (e.isFile()) {
        const lower = e.name.toLowerCase();
        if (lower.endsWith('.article')) found.push({ path: path.join(dir, e.name), kind: 'article' });
        else if (lower.endsWith('.txt')) found.push({ path: path.join(dir, e.name), kind: 'txt' });
      }
    }
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}
