/**
 * `dossier extract`: the entities and dates of an article file, story by
 * story, or of JSON lines on stdin in the format the evaluation scorer reads.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { UsageError, type CliCommand, type CliContext } from '../command';
import { parseArticle } from '../../core/article/parseArticle';
import type { PartKind } from '../../core/article/model';
import { createRecognizer, type Recognizer } from '../../core/recognize/recognizer';
import { toEvalEntities, type SpanConvention } from '../../core/recognize/evalFormat';
import type { DateMention, EntityMention } from '../../core/recognize/model';

const USAGE = `Usage: dossier extract FILE [--json]
       dossier extract --jsonl [--convention names|meantime] < lines.jsonl

Prints the entities (with canonical names) and dates of each story of an article file.
  --json          one JSON document: stories with their entities and dates (offsets into FILE)
  --jsonl         read {"id","text","dct"} lines on stdin, write
                  {"id","entities":[{start,end,type}],"timex":[{start,end,value}],"elapsed_ms"} lines
                  (types PER/ORG/LOC; miscellaneous entities are left out)
  --convention C  with --jsonl: 'names' (default, CoNLL-style: the name alone) or 'meantime'
                  (ACE/MEANTIME-style: a leading "the" or title is part of the span, and
                  nationality adjectives count as the place, LOC)`;

/** Parts whose words are not part of the story proper. */
const SKIPPED_PARTS: ReadonlySet<PartKind> = new Set<PartKind>(['boilerplate', 'source']);

/** The `extract` subcommand. */
export const extractCommand: CliCommand = {
  name: 'extract',
  summary: 'list the entities and dates of an article file (or of JSON lines on stdin)',
  usage: USAGE,
  async run(ctx: CliContext): Promise<number> {
    const args = [...ctx.args];
    let convention: SpanConvention = 'names';
    const ci = args.indexOf('--convention');
    if (ci >= 0) {
      const v = args[ci + 1];
      if (v !== 'names' && v !== 'meantime') throw new UsageError('--convention takes names or meantime');
      convention = v;
      args.splice(ci, 2);
    }
    const flags = new Set(args.filter((a) => a.startsWith('--')));
    const files = args.filter((a) => !a.startsWith('--'));
    for (const f of flags) if (!['--json', '--jsonl'].includes(f)) throw new UsageError(`unknown option ${f}`);
    const recognizer = createRecognizer();
    if (flags.has('--jsonl')) {
      if (files.length) throw new UsageError('--jsonl reads stdin and takes no FILE');
      return runJsonl(ctx, recognizer, convention);
    }
    if (files.length !== 1) throw new UsageError('expected one FILE');
    return runFile(ctx, recognizer, files[0], flags.has('--json'));
  },
};

/** Offsets of line starts, for 1-based line numbers. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= offset) lo = mid; else hi = mid - 1; }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

function shift<T extends { start: number; end: number }>(m: T, by: number): T {
  return { ...m, start: m.start + by, end: m.end + by, ...('phraseStart' in m && typeof m.phraseStart === 'number' ? { phraseStart: m.phraseStart + by } : {}) };
}

async function runFile(ctx: CliContext, recognizer: Recognizer, file: string, json: boolean): Promise<number> {
  let buf: Buffer;
  let stat: fs.Stats;
  try {
    buf = fs.readFileSync(file);
    stat = fs.statSync(file);
  } catch (err) {
    ctx.stderr.write(`dossier extract: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  const text = buf.toString('utf8');
  const parsed = parseArticle(text, { fileDate: stat.mtime.toISOString().slice(0, 10) });
  const stories = parsed.value.stories.map((story) => {
    const slice = text.slice(story.start, story.end);
    const spans = story.parts.filter((p) => !SKIPPED_PARTS.has(p.kind)).map((p) => ({ start: p.start - story.start, end: p.end - story.start }));
    const r = recognizer.recognize(slice, { referenceDate: story.date?.value, spans });
    return {
      headline: story.headline, start: story.start, end: story.end, date: story.date?.value,
      entities: r.entities.map((m) => shift(m, story.start)), dates: r.dates.map((d) => shift(d, story.start)),
    };
  });
  if (json) {
    ctx.stdout.write(JSON.stringify({ file, problems: parsed.problems, stories }, null, 2) + '\n');
    return 0;
  }
  const starts = lineStarts(text);
  const out: string[] = [];
  for (const p of parsed.problems) out.push(`${file}:${lineOf(starts, p.start).line}: ${p.severity}: ${p.message}`);
  stories.forEach((s, i) => {
    out.push(`## story ${i + 1}: ${s.headline || '(no headline)'}${s.date ? `  [${s.date}]` : ''}`);
    for (const m of s.entities) out.push(formatEntity(starts, m));
    for (const d of s.dates) out.push(formatDate(starts, d));
    out.push('');
  });
  ctx.stdout.write(out.join('\n'));
  return 0;
}

function formatEntity(starts: readonly number[], m: EntityMention): string {
  const { line, column } = lineOf(starts, m.start);
  const canon = m.canonical && m.canonical !== m.text ? `  -> ${m.canonical}` : '';
  return `  ${String(line).padStart(4)}:${String(column).padEnd(4)} ${m.type.padEnd(12)} ${m.text}${canon}  (${m.confidence.toFixed(2)}${m.origin === 'analyst' ? ', analyst' : ''})`;
}

function formatDate(starts: readonly number[], d: DateMention): string {
  const { line, column } = lineOf(starts, d.start);
  return `  ${String(line).padStart(4)}:${String(column).padEnd(4)} ${'date'.padEnd(12)} ${d.text}  = ${d.value}${d.rangeEnd ? `..${d.rangeEnd}` : ''}  (${d.resolvedFrom})`;
}

async function runJsonl(ctx: CliContext, recognizer: Recognizer, convention: SpanConvention): Promise<number> {
  const rl = readline.createInterface({ input: ctx.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  let bad = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    let doc: { id?: unknown; text?: unknown; dct?: unknown };
    try {
      doc = JSON.parse(line) as typeof doc;
    } catch {
      ctx.stderr.write(`dossier extract: line ${lineNo} is not JSON; skipped\n`);
      bad++;
      continue;
    }
    if (typeof doc.text !== 'string') {
      ctx.stderr.write(`dossier extract: line ${lineNo} has no "text" string; skipped\n`);
      bad++;
      continue;
    }
    const t0 = process.hrtime.bigint();
    const r = recognizer.recognize(doc.text, { referenceDate: typeof doc.dct === 'string' ? doc.dct.slice(0, 10) : undefined });
    const elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
    const entities = toEvalEntities(r.entities, convention);
    const timex = r.dates.map((d) => ({ start: d.start, end: d.end, value: d.value }));
    ctx.stdout.write(JSON.stringify({ id: doc.id, entities, timex, elapsed_ms: +elapsed.toFixed(3) }) + '\n');
  }
  return bad > 0 ? 1 : 0;
}
