import * as assert from 'node:assert/strict';
import type { LinkTarget } from '../../core/index/documentAnalysis';
import { WorkspaceIndex } from '../../core/index/workspaceIndex';
import { handMadeAnalyzer } from '../index/handMade';

/** Two small hand-made documents over three days, for feature tests that do not need the real parser. */
export const A = 'file:///ws/one/a.article';
export const B = 'file:///ws/two/b.article';

export const TEXT_A = [
  '# Pakistan strikes back @2024-01-18',
  'Caretaker Prime Minister Anwaar-ul-Haq Kakar called the meeting on Friday. Iran said Tehran wants calm. Kakar left Davos.',
  '# Ties restored @2024-01-19',
  'Anwaar-ul-Haq Kakar chaired the meeting. Pakistan and Iran agreed on Friday.',
  '',
].join('\n');

export const TEXT_B = [
  '# Ministers meet @2024-01-20',
  'Anwaar-ul-Haq Kakar spoke to Jalil Abbas Jilani about Iran.',
  '# Khan party @2026-01-07',
  'Imran Khan and Amir Khan met. Khan said nothing.',
  '',
].join('\n');

/** An index over A and B built with the hand-made analyzer. */
export function sampleIndex(): WorkspaceIndex {
  const index = new WorkspaceIndex({ analyze: handMadeAnalyzer().analyze });
  index.set(A, TEXT_A, 1);
  index.set(B, TEXT_B, 1);
  return index;
}

/** The link builder tests use: readable, and recognizable in the output. */
export const testLink = (t: LinkTarget): string => `${t.uri}#${t.start}-${t.end}`;

/** Markdown with backslash escapes removed, to assert on what a reader sees. */
export function unescapeMarkdown(md: string): string {
  return md.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * Checks that Markdown contains no construct made from article text: after
 * removing our own links (whose destinations are the test link builder's)
 * and all backslash escapes, no Markdown or HTML syntax character may remain
 * except the few our templates use (`**`, `- `, `---`, `·`, `(`, `)`, `:`).
 */
export function assertSafeMarkdown(md: string): void {
  const ownLinks = /(?<!\\)\[((?:\\.|[^\\\]\n])*)\]\((file:\/\/\/[^()\s]*)\)/g;
  for (const m of md.matchAll(/\]\(([^)]*)\)/g)) {
    assert.match(m[1] ?? '', /^file:\/\/\//, `a link to ${m[1]} escaped`);
  }
  const stripped = md.replace(ownLinks, '$1').replace(/\\[!-/:-@[-`{-~]/g, '');
  for (const bad of ['<', '>', '[', ']', '`', '_', '|', '#', 'command:', 'javascript:', 'https:', 'www.', '\u202e']) {
    assert.ok(!stripped.includes(bad), `unescaped ${JSON.stringify(bad)} in:\n${stripped}`);
  }
  for (const line of md.split('\n')) assert.ok(!/^\s{4}|^\s*[#>|=]|^\s*\d+\./.test(line), `block construct in line ${JSON.stringify(line)}`);
}
