/**
 * `dossier parse FILE [--json]`: the story structure of an article file — its
 * stories, each story's reference date and where it came from, its parts with
 * line numbers, its quotes — as an outline or as JSON.
 */
import { singleFileArgs } from '../args';
import type { CliCommand, CliContext } from '../command';
import { parseArticle } from '../../core/article/parseArticle';
import type { ArticleModel } from '../../core/article/model';
import type { Problem } from '../../core/text/problem';
import { readArticleFile } from '../../node/readArticleFile';

const USAGE = `Usage: dossier parse FILE [--json]

Prints the stories of an article file: headline, reference date (and where it
came from), parts with line numbers, quotes with speakers, and any problems.
  --json   one JSON document:
           { file, stories: [{ headline, date: {value, source}, parts: [{kind,start,end}],
             quotes: [{start,end,speaker}] }], problems }
           (offsets are UTF-16 code units into the file text, end exclusive)
The file's modification day is the last-resort reference date.`;

/** The `parse` subcommand. */
export const parseCommand: CliCommand = {
  name: 'parse',
  summary: 'show the story structure of an article file (outline or --json)',
  usage: USAGE,
  async run(ctx: CliContext): Promise<number> {
    const { file, flags } = singleFileArgs(ctx.args, ['--json']);
    return runParse(ctx, file, flags.has('--json'));
  },
};

/** Local calendar day of a timestamp, `YYYY-MM-DD`: the day the analyst saw the file change. */
function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Offsets of line starts (LF, CRLF or CR), for 1-based line numbers. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid; else hi = mid - 1;
  }
  return lo + 1;
}

const SOURCE_WORDS: Readonly<Record<string, string>> = {
  dateLine: 'the date line', caption: 'the caption', dateline: 'the dateline', body: 'the body',
  previousStory: 'the previous story', fileTime: 'the file time',
};

function preview(text: string, start: number, end: number, max: number): string {
  const s = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

async function runParse(ctx: CliContext, file: string, json: boolean): Promise<number> {
  const read = await readArticleFile(file);
  if (!read.ok) {
    if (json) {
      ctx.stdout.write(`${JSON.stringify({ file, stories: [], problems: [{ start: 0, end: 0, severity: 'error', code: `file.${read.reason}`, message: read.message }] }, null, 2)}\n`);
    }
    ctx.stderr.write(`dossier parse: ${read.message}\n`);
    return 1;
  }
  const fileDate = localDay(read.mtimeMs);
  const { value, problems: parseProblems } = parseArticle(read.text, { fileDate });
  const problems: Problem[] = [...parseProblems];
  if (read.warning !== undefined) {
    problems.unshift({ start: 0, end: 0, severity: 'warning', code: 'file.invalid-utf8', message: read.warning });
  }
  if (json) {
    ctx.stdout.write(`${JSON.stringify(toJson(file, value, problems), null, 2)}\n`);
  } else {
    ctx.stdout.write(outline(file, read.text, value, problems, fileDate));
  }
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

/** The `--json` document. */
export function toJson(file: string, model: ArticleModel, problems: readonly Problem[]): unknown {
  return {
    file,
    structureOnly: model.structureOnly,
    stories: model.stories.map((s) => ({
      headline: s.headline,
      date: s.date ? { value: s.date.value, source: s.date.source } : null,
      ...(s.place !== undefined ? { place: s.place } : {}),
      start: s.start,
      end: s.end,
      parts: s.parts.map((p) => ({ kind: p.kind, start: p.start, end: p.end, ...(p.repeated ? { repeated: true } : {}) })),
      quotes: s.quotes.map((q) => ({ start: q.start, end: q.end, speaker: q.speaker ?? null, ...(q.speakerInferred ? { speakerInferred: true } : {}) })),
    })),
    problems,
  };
}

function outline(file: string, text: string, model: ArticleModel, problems: readonly Problem[], fileDate: string): string {
  const starts = lineStarts(text);
  const out: string[] = [];
  const n = model.stories.length;
  out.push(`${file}: ${n} stor${n === 1 ? 'y' : 'ies'}${model.structureOnly ? ' (structure only: file above the analysis limit)' : ''}`);
  model.stories.forEach((s, i) => {
    out.push('');
    out.push(`Story ${i + 1}: ${s.headline || '(no headline)'}`);
    const date = s.date
      ? `${s.date.value} (from ${SOURCE_WORDS[s.date.source] ?? s.date.source}${s.date.span ? `, line ${lineOf(starts, s.date.span.start)}` : s.date.source === 'fileTime' ? `, file modified ${fileDate}` : ''})`
      : 'none found';
    out.push(`  date:  ${date}`);
    if (s.place !== undefined) out.push(`  place: ${s.place}`);
    out.push('  parts:');
    for (const p of s.parts) {
      const kind = p.repeated ? `${p.kind}*` : p.kind;
      out.push(`    L${String(lineOf(starts, p.start)).padEnd(5)} ${kind.padEnd(12)} ${preview(text, p.start, p.end, 70)}`);
    }
    if (s.quotes.length > 0) {
      out.push(`  quotes: ${s.quotes.length}`);
      for (const q of s.quotes) {
        const who = q.speaker ? ` — ${q.speaker}${q.speakerInferred ? ' (inferred)' : ''}` : '';
        out.push(`    L${String(lineOf(starts, q.start)).padEnd(5)} ${preview(text, q.start, q.end, 60)}${who}`);
      }
    }
  });
  if (model.stories.some((s) => s.parts.some((p) => p.repeated))) {
    out.push('');
    out.push('(* a repeated headline: the page prints it twice; it belongs to the same story)');
  }
  if (problems.length > 0) {
    out.push('');
    out.push('Problems:');
    for (const p of problems) out.push(`  L${lineOf(starts, p.start)} ${p.severity} ${p.code}: ${p.message}`);
  }
  return `${out.join('\n')}\n`;
}
