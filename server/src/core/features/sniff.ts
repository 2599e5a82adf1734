import { readDateLine } from '../article/dateLines';
import { classifyLine } from '../article/lineKinds';
import { matchDatelinePlace } from '../article/datelinePlace';
import { isCaptionLike, isHeadlineLike } from '../article/heuristics';

/** Verdict of {@link looksLikeArticle}. */
export interface SniffResult {
  readonly isArticle: boolean;
  /** Sum of the signal weights; `isArticle` is `score >= ARTICLE_THRESHOLD` with some prose. */
  readonly score: number;
  /** One short phrase per signal that counted, e.g. `date line "Updated 10 January 2020" (+3)`. */
  readonly reasons: string[];
}

/** Score at which a text is taken for an article. */
export const ARTICLE_THRESHOLD = 5;

/** How much of the head is looked at. */
const HEAD_CHARS = 4096;

const LICENSE_RE = /\b(?:permission is hereby granted|the software is provided "as is"|licensed under the apache license|gnu general public license|redistribution and use in source and binary forms)/i;
const LOG_LINE_RE = /^(?:\[?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}|\[?(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL)\]?[\s:]|\d{2}:\d{2}:\d{2}[.,]\d{3})/;
const CODE_LINE_RE = /(?:[{};]\s*$|^\s*(?:import|export|from|def|class|function|const|let|var|return|if|for|while|#include|package|public|private|using|fn|SELECT|INSERT|CREATE)\b|=>|\(\)\s*[{:]|^\s*(?:\/\/|#!|\/\*|\*\/))/;
const CONFIG_LINE_RE = /^\s*(?:\[[\w .-]+\]|[\w.-]+\s*=\s*\S.{0,80}|[a-z_][\w.-]*\s*:\s*\S.{0,60})$/;
const EMAIL_HEADER_RE = /^(?:from|to|cc|bcc|sent|date|subject|reply-to)\s*:\s*\S/i;
const MARKDOWN_RE = /^(?:#{1,6}\s|```|\s*[-*]\s+\[[ x]\]|!\[|\[[^\]]+\]\([^)]+\))/;
const ATTRIBUTED_QUOTE_RE = /[”"],?\s+(?:[\p{L}.'’-]+\s+){0,5}?(?:said|says|told|added)\b/u;
const NEWS_VERB_RE = /\b(?:said|says|told|according to|announced|reported|officials?|spokes(?:man|woman|person))\b/i;

/** True for a prose line: long, several words, ending a sentence. */
function isProseLine(s: string): boolean {
  return s.length >= 120 && /[.!?]["”’)]?$/.test(s) && s.split(' ').length >= 18;
}

/**
 * A cheap look at the first ~4 KB of a text: does it read like a scraped
 * news article? Adds up signals (date lines, datelines, bullets,
 * boilerplate, a headline-like first line, news prose) and subtracts those of
 * other text files (code, logs, CSV, config, licences, markdown READMEs, short
 * lines only). Pure and fast enough to run in the client on every `.txt` open.
 */
export function looksLikeArticle(head: string): SniffResult {
  const text = head.slice(0, HEAD_CHARS).replace(/^\ufeff/, '');
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, why: string): void => { score += points; reasons.push(`${why} (${points > 0 ? '+' : ''}${points})`); };

  if (/\u0000/.test(text)) return { isArticle: false, score: -10, reasons: ['binary content (-10)'] };
  const lines = text.split(/\r\n|\r|\n/);
  // The last line may be cut off by the 4 KB limit: leave it out unless it is the only one.
  if (lines.length > 1 && head.length > HEAD_CHARS) lines.pop();
  const trimmed = lines.map((l) => l.replace(/^[\s\u00a0\ufeff]+|[\s\u00a0]+$/g, ''));
  const content = trimmed.filter((l) => l.length > 0);
  if (content.length === 0) return { isArticle: false, score: 0, reasons: ['empty'] };

  let dateLines = 0; let datelines = 0; let bullets = 0; let boilerplate = 0; let bylines = 0; let sources = 0;
  let prose = 0; let captions = 0; let code = 0; let logs = 0; let config = 0; let markdown = 0; let longLines = 0;
  for (const l of content) {
    if (l.length >= 80) longLines++;
    if (LOG_LINE_RE.test(l)) { logs++; continue; }
    if (CODE_LINE_RE.test(l)) code++;
    if (MARKDOWN_RE.test(l)) markdown++;
    const kind = classifyLine(l);
    if (kind === 'bullet') bullets++;
    else if (kind === 'boilerplate' && l.length > 1) boilerplate++;
    else if (kind === 'byline') bylines++;
    else if (kind === 'source') sources++;
    else if (kind === 'other') {
      const d = readDateLine(l);
      if (d && d.kind !== 'invalid') { dateLines++; continue; }
      if (matchDatelinePlace(l) && l.length > 60) datelines++;
      if (isProseLine(l)) prose++;
      else if (CONFIG_LINE_RE.test(l) && !matchDatelinePlace(l)) config++;
      if (isCaptionLike(l)) captions++;
    }
  }

  if (dateLines > 0) add(3, `${dateLines} date line(s)`);
  if (datelines > 0) add(3, `${datelines} dateline(s) like "CITY:"`);
  if (bylines > 0) add(2, 'a byline');
  if (sources > 0) add(2, 'a source line');
  if (bullets > 0 && prose > 0) add(1, `${bullets} bullet(s)`);
  if (boilerplate > 0) add(Math.min(2, boilerplate), `${boilerplate} boilerplate line(s)`);
  if (captions > 0) add(1, 'an image caption');
  const first = content[0]!;
  const firstIndex = trimmed.indexOf(first);
  const blankAfterFirst = firstIndex + 1 < trimmed.length && trimmed[firstIndex + 1] === '';
  if (isHeadlineLike(first) && blankAfterFirst && !/^#/.test(first)) add(2, 'a headline-like first line');
  if (prose >= 4) add(3, `${prose} prose paragraphs`);
  else if (prose >= 2) add(2, `${prose} prose paragraphs`);
  else if (prose === 1) add(1, 'a prose paragraph');
  const newsVerbs = (text.match(new RegExp(NEWS_VERB_RE.source, 'gi')) ?? []).length;
  if (newsVerbs >= 2 && prose > 0) add(1, 'reported speech ("said", "according to")');

  if (ATTRIBUTED_QUOTE_RE.test(text)) add(1, 'an attributed quote');

  const n = content.length;
  if (LICENSE_RE.test(text)) add(-6, 'licence text');
  if (logs / n > 0.2) add(-6, 'log lines');
  if (code / n > 0.15) add(-5, 'code');
  if (config / n > 0.3) add(-4, 'key/value configuration');
  if (markdown / n > 0.1 || /^#{1,3}\s/m.test(text)) add(-3, 'markdown');
  if (isCsv(content)) add(-6, 'CSV rows');
  if (content.slice(0, 8).filter((l) => EMAIL_HEADER_RE.test(l)).length >= 3) add(-5, 'e-mail headers');
  if (longLines === 0) add(-3, 'only short lines');

  return { isArticle: score >= ARTICLE_THRESHOLD && prose > 0, score, reasons };
}

/** True when most lines split into the same number (≥ 3) of comma, tab or semicolon fields. */
function isCsv(lines: readonly string[]): boolean {
  if (lines.length < 3) return false;
  for (const sep of [',', '\t', ';']) {
    const counts = lines.slice(0, 30).map((l) => l.split(sep).length);
    const first = counts[0]!;
    if (first >= 3 && counts.filter((c) => c === first).length / counts.length > 0.8) return true;
  }
  return false;
}
