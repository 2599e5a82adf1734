/**
 * `dossier index DIR`: indexes every article file below a folder with the
 * same workspace index the language server uses, and prints the entities:
 * type, aliases, story and mention counts, and the entities each most often
 * appears with.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError, type CliCommand, type CliContext } from '../command';
import { parseArticle } from '../../core/article/parseArticle';
import { looksLikeArticle } from '../../core/features/sniff';
import { createArticleAnalyzer, createBatchAnalyzer, type ArticleAnalyzerParts } from '../../core/index/articleAnalyzer';
import type { TextAnalysis } from '../../core/index/documentAnalysis';
import type { EntitySummary } from '../../core/index/indexTypes';
import { WorkspaceIndex } from '../../core/index/workspaceIndex';
import { createRecognizer } from '../../core/recognize/recognizer';
import { readArticleFile } from '../../node/readArticleFile';
import { walkWorkspace } from '../../node/walkWorkspace';
import { takeBatch } from '../../core/index/analysisBatches';
import type { EntityType } from '../../core/recognize/model';

const USAGE = `Usage: dossier index DIR [--json] [--top N] [--type TYPE] [--with N]

Indexes the article files below DIR (.article files, and .txt files that look
like articles) and prints their entities, most mentioned first: type, name,
story and mention counts, other names seen, and the entities each most often
shares a story with.
  --json       one JSON document: files, stories and entities with aliases and co-mentions
  --top N      print only the N entities in the most stories (default: all)
  --type TYPE  only person, organization, location or misc entities
  --with N     co-mentioned entities listed per entity (default 3)`;

const TYPES: readonly EntityType[] = ['person', 'organization', 'location', 'misc'];

/** The `index` subcommand. */
export const indexCommand: CliCommand = {
  name: 'index',
  summary: 'index a folder of articles and list its entities with aliases, story counts and co-mentions',
  usage: USAGE,
  async run(ctx: CliContext): Promise<number> {
    const opts = parseArgs(ctx.args);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(opts.dir);
    } catch {
      ctx.stderr.write(`dossier index: ${opts.dir} does not exist\n`);
      return 1;
    }
    if (!stat.isDirectory()) throw new UsageError(`${opts.dir} is not a folder`);

    const t0 = Date.now();
    const fileDays = new Map<string, string>();
    const recognizer = createRecognizer();
    const parts: ArticleAnalyzerParts = {
      parse: parseArticle,
      recognize: (text, options) => recognizer.recognize(text, options),
      recognizeAll: (items) => recognizer.recognizeAll(items),
      fileDate: (uri) => fileDays.get(uri),
    };
    // The files are analysed in batches, as the server's scan workers do (faster: see
    // `takeBatch`); the index takes each file's analysis instead of making it again.
    const analysed = new Map<string, TextAnalysis>();
    const analyzeOne = createArticleAnalyzer(parts);
    const index = new WorkspaceIndex({
      analyze: (uri, text, version) => {
        const ready = analysed.get(uri);
        analysed.delete(uri);
        return ready ?? analyzeOne(uri, text, version);
      },
    });
    const skipped: string[] = [];
    // Read with the language server's own walker and reader, so the CLI and the editor agree on what an article is.
    const files: Array<{ rel: string; text: string }> = [];
    for (const candidate of await walkWorkspace(opts.dir)) {
      const read = await readArticleFile(candidate.path);
      const rel = path.relative(opts.dir, candidate.path).split(path.sep).join('/');
      if (!read.ok || (candidate.kind !== 'article' && !looksLikeArticle(read.text.slice(0, 4096)).isArticle)) {
        skipped.push(rel);
        continue;
      }
      fileDays.set(rel, new Date(read.mtimeMs).toISOString().slice(0, 10));
      files.push({ rel, text: read.text });
    }
    const analyzeBatch = createBatchAnalyzer(parts);
    const queue = files.map(({ rel, text }) => ({ uri: rel, text }));
    index.batch(() => {
      // One batch at a time: only its analyses wait for the index (a copy of a file shares its twin's).
      while (queue.length > 0) {
        const batch = takeBatch(queue, (d) => d.text.length);
        analyzeBatch(batch).forEach((analysis, i) => analysed.set(batch[i]!.uri, analysis));
        for (const { uri, text } of batch) index.set(uri, text, 0);
        analysed.clear();
      }
    });
    const elapsed = Date.now() - t0;
    let entities = index.entities({ sort: 'count', ...(opts.type ? { type: opts.type } : {}) });
    if (opts.top !== undefined) entities = entities.slice(0, opts.top);

    if (opts.json) {
      const out = {
        files: index.uris().sort(),
        skipped,
        stats: index.stats(),
        entities: entities.map((e) => ({
          ...e,
          coMentioned: index.coMentioned(e.key, opts.with).map((c) => ({ name: c.name, type: c.type, stories: c.count })),
        })),
      };
      ctx.stdout.write(JSON.stringify(out, null, 2) + '\n');
      return 0;
    }
    const s = index.stats();
    ctx.stdout.write(`${s.documents} article files, ${s.stories} stories, ${index.entities().length} entities (${s.mentions} mentions) in ${elapsed} ms`
      + `${skipped.length ? `; skipped ${skipped.length} other file(s): ${skipped.join(', ')}` : ''}\n\n`);
    for (const e of entities) ctx.stdout.write(formatEntity(e, index.coMentioned(e.key, opts.with).map((c) => `${c.name} (${c.count})`)));
    return 0;
  },
};

function formatEntity(e: EntitySummary, co: readonly string[]): string {
  const lines = [`${e.type.padEnd(12)} ${e.name}  \u2014 ${e.storyCount} ${e.storyCount === 1 ? 'story' : 'stories'}, ${e.mentionCount} ${e.mentionCount === 1 ? 'mention' : 'mentions'}${e.latestDate ? `, latest ${e.latestDate}` : ''}`];
  if (e.aliases.length) lines.push(`${''.padEnd(12)}   also: ${e.aliases.join(', ')}`);
  if (co.length) lines.push(`${''.padEnd(12)}   with: ${co.join(', ')}`);
  return lines.join('\n') + '\n';
}

interface IndexArgs {
  dir: string;
  json: boolean;
  top?: number;
  type?: EntityType;
  with: number;
}

function parseArgs(args: readonly string[]): IndexArgs {
  const rest = [...args];
  const out: IndexArgs = { dir: '', json: false, with: 3 };
  const number = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} takes a whole number`);
    return n;
  };
  const dirs: string[] = [];
  while (rest.length) {
    const a = rest.shift()!;
    if (a === '--json') out.json = true;
    else if (a === '--top') out.top = number(a, rest.shift());
    else if (a === '--with') out.with = number(a, rest.shift());
    else if (a === '--type') {
      const t = rest.shift();
      if (!TYPES.includes(t as EntityType)) throw new UsageError(`--type takes one of ${TYPES.join(', ')}`);
      out.type = t as EntityType;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else dirs.push(a);
  }
  if (dirs.length !== 1) throw new UsageError('expected one DIR');
  out.dir = dirs[0]!;
  return out;
}

