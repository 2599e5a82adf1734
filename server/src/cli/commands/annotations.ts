/**
 * `dossier annotations`: the analyst annotations of an article (from its
 * sidecar `FILE.annotations.yaml`) and where each one anchors in the article's
 * current text: exact, moved, fuzzy or orphaned.
 */
import fs from 'node:fs';
import { singleFileArgs } from '../args';
import type { CliCommand, CliContext } from '../command';
import type { AnchorStatus } from '../../core/annotations/anchor';
import type { Annotation, ParsedSidecar, Rejection } from '../../core/annotations/model';
import { resolveAnnotations, type ResolvedAnnotation } from '../../core/annotations/resolve';
import { articleFileNameOf, SIDECAR_SUFFIX } from '../../core/annotations/sidecarName';
import { parseSidecar } from '../../core/annotations/sidecarYaml';
import type { Problem } from '../../core/text/problem';

const USAGE = `Usage: dossier annotations FILE [--json]

Lists the analyst annotations of an article (read from FILE${SIDECAR_SUFFIX}) with their
anchoring status against the article's current text:
  exact     the quote is where it was
  moved     the quote was found elsewhere (text above it changed)
  fuzzy     only an approximate match was found (the quote itself was edited)
  orphaned  the quote is gone; the annotation is kept until re-attached
FILE may also name the sidecar itself. Problems in the sidecar are printed with
line and column. Exit status: 0, or 1 when a file cannot be read or the sidecar
has errors.
  --json    one JSON document instead of text`;

/** The `annotations` subcommand. */
export const annotationsCommand: CliCommand = {
  name: 'annotations',
  summary: 'list the analyst annotations of an article with their anchoring status',
  usage: USAGE,
  async run(ctx: CliContext): Promise<number> {
    const { file: given, flags } = singleFileArgs(ctx.args, ['--json']);
    const articlePath = articleFileNameOf(given) ?? given;
    const sidecarPath = `${articlePath}${SIDECAR_SUFFIX}`;
    return listAnnotations(ctx, articlePath, sidecarPath, flags.has('--json'));
  },
};

/** Reads a file as the editor would see it: UTF-8, no byte order mark; undefined when missing. */
function readText(file: string): { text?: string; error?: string } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') return {};
    return { error: err instanceof Error ? err.message : String(err) };
  }
  try {
    // The editor drops the BOM, and sidecar offsets are offsets into the editor's text.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: 'not valid UTF-8 text' };
  }
}

interface Located {
  readonly line: number;
  readonly column: number;
}

function locator(text: string): (offset: number) => Located {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

async function listAnnotations(ctx: CliContext, articlePath: string, sidecarPath: string, json: boolean): Promise<number> {
  const article = readText(articlePath);
  if (article.error !== undefined || article.text === undefined) {
    ctx.stderr.write(`dossier annotations: cannot read ${articlePath}: ${article.error ?? 'no such file'}\n`);
    return 1;
  }
  const sidecarFile = readText(sidecarPath);
  if (sidecarFile.error !== undefined) {
    ctx.stderr.write(`dossier annotations: cannot read ${sidecarPath}: ${sidecarFile.error}\n`);
    return 1;
  }
  const exists = sidecarFile.text !== undefined;
  const sidecarText = sidecarFile.text ?? '';
  const parsed = parseSidecar(sidecarText);
  const resolved = resolveAnnotations(parsed.value.annotations, article.text);
  const inArticle = locator(article.text);
  const inSidecar = locator(sidecarText);
  const hasErrors = parsed.problems.some((p) => p.severity === 'error');
  if (json) {
    ctx.stdout.write(`${JSON.stringify(toJson(article.text, articlePath, sidecarPath, exists, parsed.value, parsed.problems, resolved, inArticle, inSidecar), null, 2)}\n`);
  } else {
    writeText(ctx, article.text, sidecarPath, exists, parsed.value, parsed.problems, resolved, inArticle, inSidecar);
  }
  return hasErrors ? 1 : 0;
}

const STATUSES: readonly AnchorStatus[] = ['exact', 'moved', 'fuzzy', 'orphaned'];

function summary(resolved: readonly ResolvedAnnotation[]): Record<AnchorStatus, number> {
  const counts = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  for (const r of resolved) counts[r.resolution.status]++;
  return counts;
}

function toJson(
  articleText: string,
  articlePath: string,
  sidecarPath: string,
  exists: boolean,
  sidecar: ParsedSidecar,
  problems: readonly Problem[],
  resolved: readonly ResolvedAnnotation[],
  inArticle: (offset: number) => Located,
  inSidecar: (offset: number) => Located,
): unknown {
  return {
    article: articlePath,
    sidecar: sidecarPath,
    sidecarExists: exists,
    writable: sidecar.writable,
    problems: problems.map((p) => ({ ...p, ...inSidecar(p.start) })),
    annotations: resolved.map(({ annotation: a, resolution: r }) => ({
      id: a.id,
      anchoring: r.status,
      ...(r.start !== undefined && r.end !== undefined ? { start: r.start, end: r.end, from: inArticle(r.start), to: inArticle(r.end) } : {}),
      // For a fuzzy match, what the quote became.
      ...(r.status === 'fuzzy' && r.start !== undefined ? { errors: r.errors, found: articleText.slice(r.start, r.end) } : {}),
      annotation: a,
    })),
    rejections: sidecar.rejections,
    summary: summary(resolved),
  };
}

function writeText(
  ctx: CliContext,
  articleText: string,
  sidecarPath: string,
  exists: boolean,
  sidecar: ParsedSidecar,
  problems: readonly Problem[],
  resolved: readonly ResolvedAnnotation[],
  inArticle: (offset: number) => Located,
  inSidecar: (offset: number) => Located,
): void {
  for (const p of problems) {
    const at = inSidecar(p.start);
    ctx.stderr.write(`${sidecarPath}:${at.line}:${at.column}: ${p.severity}: ${p.message} [${p.code}]\n`);
  }
  if (!sidecar.writable) ctx.stderr.write(`${sidecarPath}: not writable until fixed: Dossier will not overwrite it.\n`);
  if (!exists) {
    ctx.stdout.write(`${sidecarPath}: no sidecar (no annotations yet)\n`);
    return;
  }
  const n = resolved.length;
  const r = sidecar.rejections.length;
  ctx.stdout.write(`${sidecarPath}: ${n} annotation${n === 1 ? '' : 's'}, ${r} rejection${r === 1 ? '' : 's'}\n`);
  for (const { annotation, resolution } of resolved) ctx.stdout.write(`${annotationLine(annotation, resolution, articleText, inArticle)}\n`);
  for (const rejection of sidecar.rejections) ctx.stdout.write(`${rejectionLine(rejection)}\n`);
  const counts = summary(resolved);
  ctx.stdout.write(`${STATUSES.map((s) => `${s} ${counts[s]}`).join(', ')}\n`);
}

function annotationLine(a: Annotation, r: ResolvedAnnotation['resolution'], text: string, at: (offset: number) => Located): string {
  let where: string;
  if (r.start !== undefined && r.end !== undefined) {
    const from = at(r.start);
    const to = at(r.end);
    where = `${from.line}:${from.column}-${to.line}:${to.column}`;
  } else {
    where = `(was ${a.anchor.position.start}-${a.anchor.position.end})`;
  }
  const status = r.status === 'fuzzy' ? `fuzzy/${r.errors ?? '?'}` : r.status;
  const parts = [`  ${status.padEnd(9)} ${where.padEnd(13)} ${a.type.padEnd(12)} ${short(a.anchor.quote.exact)}`];
  if (r.status === 'fuzzy' && r.start !== undefined) parts.push(`now ${short(text.slice(r.start, r.end))}`);
  if (a.entity) parts.push(`-> ${a.entity}`);
  if (a.origin === 'confirmed') parts.push('(confirmed)');
  if (a.note) parts.push(`note: ${short(a.note, 40)}`);
  if (a.tags && a.tags.length > 0) parts.push(`tags: ${a.tags.join(', ')}`);
  if (a.author) parts.push(`by ${a.author}`);
  parts.push(`[${a.id}]`);
  return parts.join('  ');
}

function rejectionLine(r: Rejection): string {
  const type = r.type ? ` as ${r.type}` : '';
  const where = r.scope === 'here' && r.anchor ? ` at ${r.anchor.position.start}-${r.anchor.position.end}` : '';
  return `  rejected  ${short(r.text)}${type} ${r.scope}${where}  [${r.id}]`;
}

/** A one-line, quoted rendering of a possibly multi-line text. */
function short(text: string, max = 60): string {
  const oneLine = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return JSON.stringify(oneLine);
}
