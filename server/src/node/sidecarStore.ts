/**
 * The one writer of sidecar files. It remembers what it read (mtime, size and a
 * content hash), replays the analyst's edits onto whatever is on disk right
 * before writing (so an external edit, a git checkout or another window is
 * merged rather than overwritten), writes atomically, refuses to touch a file it
 * cannot parse (the edits stay pending in memory, reported, never lost), and
 * serializes writes per file.
 *
 * The one window left open is between the last look at the file and the
 * rename (no file system offers a compare-and-swap rename): a write by another
 * process in exactly that moment would be replaced. It is as short as we can
 * make it: the last look happens after the new text is ready.
 */

import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { SIDECAR_VERSION, type Annotation, type ParsedSidecar } from '../core/annotations/model';
import { sidecarFileName } from '../core/annotations/sidecarName';
import { applySidecarEdits, parseSidecar, type SidecarEdit, type SidecarEditOutcome } from '../core/annotations/sidecarYaml';
import type { Problem } from '../core/text/problem';
import { writeFileAtomic } from './sidecarAtomicWrite';

/** What identifies one version of a file on disk; `undefined` fields mean "the file does not exist". */
export interface FileSnapshot {
  readonly exists: boolean;
  readonly mtimeMs?: number;
  readonly size?: number;
  /** SHA-256 of the bytes, hex. */
  readonly hash?: string;
}

/** The file operations the store needs; injectable so tests can stage races and failures. */
export interface SidecarFileOps {
  /** The file's bytes, or undefined when it does not exist. */
  readBytes(file: string): Promise<Uint8Array | undefined>;
  /** mtime and size, or undefined when the file does not exist. */
  stat(file: string): Promise<{ mtimeMs: number; size: number } | undefined>;
  writeAtomic(file: string, text: string): Promise<void>;
  remove(file: string): Promise<void>;
}

/** The store's view of one sidecar. */
export interface SidecarState {
  readonly path: string;
  /** The sidecar as last read or written; empty when the file is missing or unreadable. */
  readonly sidecar: ParsedSidecar;
  /** Problems of the file on disk (for diagnostics on the sidecar). */
  readonly problems: readonly Problem[];
  /** What was on disk when last read or written. */
  readonly snapshot: FileSnapshot;
  /** Edits not yet written (the file was unparsable, or writing failed); kept until a write succeeds. */
  readonly pending: readonly SidecarEdit[];
}

/**
 * How an edit request ended:
 * - `written` / `deleted`: the file now holds every edit (deleted: nothing was left worth a file);
 * - `unchanged`: the edits changed nothing on disk;
 * - `blocked`: the file on disk cannot be parsed; nothing was written, the edits are pending;
 * - `failed`: an I/O error; nothing was written, the edits are pending.
 */
export type SidecarWriteStatus = 'written' | 'deleted' | 'unchanged' | 'blocked' | 'failed';

/** Report of one edit request. */
export interface SidecarWriteReport {
  readonly status: SidecarWriteStatus;
  readonly state: SidecarState;
  /** True when the file had changed on disk since we read it, and our edits were replayed onto the newer version. */
  readonly merged: boolean;
  /** One per edit written (pending edits from earlier requests first). Empty unless written/deleted/unchanged. */
  readonly outcomes: readonly SidecarEditOutcome[];
  /** The I/O error, when `failed`. */
  readonly error?: string;
}

/** Options of the store. */
export interface SidecarStoreOptions {
  readonly fileOps?: Partial<SidecarFileOps>;
  /** Attempts when the file keeps changing between our read and our write (default 5). */
  readonly maxAttempts?: number;
}

const EMPTY_SIDECAR: ParsedSidecar = { version: SIDECAR_VERSION, annotations: [], rejections: [], writable: true };

/** Node file operations: plain reads, atomic writes. */
export const nodeSidecarFileOps: SidecarFileOps = {
  async readBytes(file) {
    try {
      return await fsp.readFile(file);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  },
  async stat(file) {
    try {
      const s = await fsp.stat(file);
      return { mtimeMs: s.mtimeMs, size: s.size };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  },
  writeAtomic: writeFileAtomic,
  async remove(file) {
    await fsp.rm(file, { force: true });
  },
};

/** `/a/story.txt` -> `/a/story.txt.annotations.yaml`. */
export function sidecarPathFor(articlePath: string): string {
  return path.join(path.dirname(articlePath), sidecarFileName(path.basename(articlePath)));
}

/** Reads, remembers and safely writes sidecar files. One instance per process (the language server). */
export class SidecarStore {
  private readonly ops: SidecarFileOps;
  private readonly maxAttempts: number;
  private readonly states = new Map<string, SidecarState>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(options: SidecarStoreOptions = {}) {
    this.ops = { ...nodeSidecarFileOps, ...options.fileOps };
    this.maxAttempts = options.maxAttempts ?? 5;
  }

  /** The last known state of a sidecar, without touching the disk. */
  get(file: string): SidecarState | undefined {
    return this.states.get(path.resolve(file));
  }

  /** Edits waiting to be written to a sidecar. */
  pending(file: string): readonly SidecarEdit[] {
    return this.get(file)?.pending ?? [];
  }

  /** Every sidecar with pending edits (for a status report or a retry on startup). */
  pendingFiles(): string[] {
    return [...this.states.values()].filter((s) => s.pending.length > 0).map((s) => s.path);
  }

  /**
   * Reads a sidecar from disk (queued behind writes to the same file) and
   * remembers it. A missing file reads as an empty, writable sidecar.
   */
  read(file: string): Promise<SidecarState> {
    const key = path.resolve(file);
    return this.enqueue(key, async () => {
      const disk = await this.readDisk(key);
      return this.remember(key, disk.sidecar, disk.problems, disk.snapshot, this.get(key)?.pending ?? []);
    });
  }

  /** True when the file on disk is not the version last read or written. */
  async changedOnDisk(file: string): Promise<boolean> {
    const key = path.resolve(file);
    const known = this.states.get(key)?.snapshot;
    if (!known) return true;
    const disk = await this.readDisk(key);
    return !sameSnapshot(known, disk.snapshot);
  }

  /**
   * Applies edits to a sidecar. The edits are queued behind any earlier
   * pending ones and replayed onto the file as it is on disk right now; see
   * `SidecarWriteStatus` for the outcomes. Never throws for I/O errors.
   */
  edit(file: string, edits: readonly SidecarEdit[]): Promise<SidecarWriteReport> {
    const key = path.resolve(file);
    return this.enqueue(key, () => this.write(key, edits));
  }

  /**
   * What a file watcher calls when a sidecar changed on disk (external edit,
   * git checkout, another window): re-reads it, and if edits were waiting for
   * the file to become readable again, writes them now. Resolves to the new state.
   */
  async reload(file: string): Promise<SidecarState> {
    const state = await this.read(file);
    if (state.pending.length === 0 || !state.sidecar.writable) return state;
    return (await this.retry(file)).state;
  }

  /** Tries again to write the pending edits of a sidecar (after the analyst fixed it, or on a file change event). */
  retry(file: string): Promise<SidecarWriteReport> {
    return this.edit(file, []);
  }

  /** Forgets a sidecar's state, pending edits included: only for a file the analyst deleted on purpose. */
  forget(file: string): void {
    this.states.delete(path.resolve(file));
  }

  private async write(key: string, edits: readonly SidecarEdit[]): Promise<SidecarWriteReport> {
    const previous = this.states.get(key);
    const queue = [...(previous?.pending ?? []), ...edits.map((e) => withFallback(e, previous?.sidecar.annotations ?? []))];
    // The edits are in memory before any I/O, so an error below cannot lose them.
    let state = this.remember(key, previous?.sidecar ?? EMPTY_SIDECAR, previous?.problems ?? [], previous?.snapshot ?? { exists: false }, queue);
    let merged = false;
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      let disk: DiskRead;
      try {
        disk = await this.readDisk(key);
      } catch (err) {
        return { status: 'failed', state, merged, outcomes: [], error: describe(err) };
      }
      if (previous && !sameSnapshot(previous.snapshot, disk.snapshot)) merged = true;
      if (!disk.sidecar.writable) {
        state = this.remember(key, disk.sidecar, disk.problems, disk.snapshot, queue);
        return { status: 'blocked', state, merged, outcomes: [] };
      }
      if (queue.length === 0) {
        // Nothing to write: do not let a reformatting rewrite a file nobody changed.
        state = this.remember(key, disk.sidecar, disk.problems, disk.snapshot, []);
        return { status: 'unchanged', state, merged, outcomes: [] };
      }
      const result = applySidecarEdits(disk.text, queue);
      if (!result.value.writable) {
        // Our own output did not read back: never write it, keep the edits.
        state = this.remember(key, disk.sidecar, [...disk.problems, ...result.problems], disk.snapshot, queue);
        return { status: 'blocked', state, merged, outcomes: [] };
      }
      const newText = result.value.text;
      const sidecar: ParsedSidecar = { ...result.value.sidecar, writable: true };
      const unchanged = newText === undefined ? !disk.snapshot.exists : newText === disk.text;
      if (unchanged) {
        state = this.remember(key, sidecar, [], disk.snapshot, []);
        return { status: 'unchanged', state, merged, outcomes: result.value.outcomes };
      }
      try {
        // Last look before replacing the file: if it moved since our read, replay onto the newer version.
        const again = await this.ops.readBytes(key);
        if (hashOf(again) !== disk.snapshot.hash) {
          merged = true;
          continue;
        }
        if (newText === undefined) await this.ops.remove(key);
        else await this.ops.writeAtomic(key, newText);
        const snapshot = await this.snapshotOf(key, newText === undefined ? undefined : Buffer.from(newText, 'utf8'));
        state = this.remember(key, sidecar, [], snapshot, []);
        return { status: newText === undefined ? 'deleted' : 'written', state, merged, outcomes: result.value.outcomes };
      } catch (err) {
        return { status: 'failed', state, merged, outcomes: [], error: describe(err) };
      }
    }
    return { status: 'failed', state, merged, outcomes: [], error: `the file kept changing during ${this.maxAttempts} attempts to write it` };
  }

  private async readDisk(key: string): Promise<DiskRead> {
    const bytes = await this.ops.readBytes(key);
    const snapshot = await this.snapshotOf(key, bytes);
    if (bytes === undefined) return { text: undefined, sidecar: EMPTY_SIDECAR, problems: [], snapshot };
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const problem: Problem = {
        start: 0, end: 0, severity: 'error', code: 'sidecar.encoding',
        message: 'Sidecar is not valid UTF-8 text; it is left untouched.',
      };
      return { text: undefined, sidecar: { ...EMPTY_SIDECAR, writable: false }, problems: [problem], snapshot };
    }
    const parsed = parseSidecar(text);
    return { text, sidecar: parsed.value, problems: parsed.problems, snapshot };
  }

  private async snapshotOf(key: string, bytes: Uint8Array | undefined): Promise<FileSnapshot> {
    if (bytes === undefined) return { exists: false };
    const stat = await this.ops.stat(key);
    return { exists: true, mtimeMs: stat?.mtimeMs, size: stat?.size ?? bytes.byteLength, hash: hashOf(bytes) };
  }

  private remember(key: string, sidecar: ParsedSidecar, problems: readonly Problem[], snapshot: FileSnapshot, pending: readonly SidecarEdit[]): SidecarState {
    const state: SidecarState = { path: key, sidecar, problems, snapshot, pending };
    this.states.set(key, state);
    return state;
  }

  /** Runs `task` after every earlier task on the same file, whatever their outcome. */
  private enqueue<T>(key: string, task: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(key) ?? Promise.resolve()).then(task, task);
    const settled = run.then(() => undefined, () => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return run;
  }
}

interface DiskRead {
  readonly text: string | undefined;
  readonly sidecar: ParsedSidecar;
  readonly problems: readonly Problem[];
  readonly snapshot: FileSnapshot;
}

/** An update carries the annotation as we last knew it, so a concurrent delete cannot swallow the analyst's change. */
function withFallback(edit: SidecarEdit, known: readonly Annotation[]): SidecarEdit {
  if (edit.kind !== 'update' || edit.fallback) return edit;
  const fallback = known.find((a) => a.id === edit.id);
  return fallback ? { ...edit, fallback } : edit;
}

/** Same version of the file: the hash decides; mtime and size only tell us cheaply that something moved. */
function sameSnapshot(a: FileSnapshot, b: FileSnapshot): boolean {
  if (!a.exists || !b.exists) return a.exists === b.exists;
  return a.hash === b.hash;
}

function hashOf(bytes: Uint8Array | undefined): string | undefined {
  return bytes === undefined ? undefined : createHash('sha256').update(bytes).digest('hex');
}

function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ENOENT';
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
