import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateDossier, openArticle, waitFor } from './helpers';

/** The text of a hover's contents as the analyst reads it (markdown escapes such as `\-` removed). */
function hoverText(hovers: vscode.Hover[]): string {
  return rawHover(hovers).replace(/\\(.)/g, '$1');
}

/** The markdown source of a hover, escapes and all. */
function rawHover(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** Position inside the n-th occurrence (0-based) of `needle` in the document. */
function positionOf(doc: vscode.TextDocument, needle: string, nth = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = doc.getText().indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (#${nth}) not found in ${doc.uri.path}`);
  }
  return doc.positionAt(at + 1);
}

async function hoverAt(doc: vscode.TextDocument, needle: string, nth = 0): Promise<vscode.Hover[]> {
  return vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, needle, nth));
}

describe('language features in the editor', () => {
  before(async () => {
    const api = await activateDossier();
    await waitFor(async () => (await api.status()).indexReady, 'the workspace index', 60_000);
  });

  it('highlights entities and dates with semantic tokens', async () => {
    const { document } = await openArticle('standoff/arab-news-restore-ties.article');
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    const tokens = await waitFor(async () => {
      const t = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
      return t && t.data.length > 0 ? t : undefined;
    }, 'semantic tokens');
    const types = new Set<string>();
    for (let i = 3; i < tokens.data.length; i += 5) types.add(legend.tokenTypes[tokens.data[i]]);
    for (const t of ['dossierPerson', 'dossierLocation', 'dossierDate', 'dossierBoilerplate']) assert.ok(types.has(t), `no ${t} token among ${[...types].join(', ')}`);
  });

  it('hovering "Kakar" shows the other stories that name him, with dates and headlines', async () => {
    const { document } = await openArticle('standoff/arab-news-restore-ties.article');
    const text = hoverText(await hoverAt(document, 'Kakar said Pakistan'));
    assert.match(text, /Anwaar-ul-Haq Kakar/);
    assert.match(text, /Pakistan to conduct national security review/i, `a story from al-jazeera-security-review.article in:\n${text}`);
    assert.match(text, /2024-01-1\d/, 'the other stories carry their dates');
  });

  it('hovering "on Friday" in the story updated Friday 19 January 2024 shows 2024-01-19', async () => {
    const { document } = await openArticle('standoff/arab-news-restore-ties.article');
    assert.match(hoverText(await hoverAt(document, 'Friday')), /2024-01-19/);
  });

  it('finds references of "Iran" across stories and files', async () => {
    const { document } = await openArticle('standoff/arab-news-restore-ties.article');
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, positionOf(document, 'Iran'));
    const files = new Set(refs.map((r) => r.uri.path.split('/').pop()));
    assert.ok(refs.length >= 5, `only ${refs.length} references`);
    assert.ok(files.size >= 3, `references in ${[...files].join(', ')}`);
  });

  it('finds entities and stories with workspace symbols', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Kakar');
    assert.ok(symbols.some((s) => /Kakar/.test(s.name)), symbols.map((s) => s.name).join(', '));
  });

  it('escapes hostile article text in hovers: no links, commands or HTML from the article', async () => {
    const { document } = await openArticle('hostile/hostile-markup.article');
    const raw = rawHover(await hoverAt(document, 'Kakar'));
    assert.ok(raw.length > 0, 'a hover for Kakar in the hostile file');
    assert.doesNotMatch(raw, /\]\(command:/i, 'no command link');
    assert.doesNotMatch(raw, /<img|<script|<a /i, 'no raw HTML');
    for (const m of raw.matchAll(/\]\(([^)]*)\)/g)) assert.match(m[1], /^file:|^vscode-remote:/, `unexpected link target ${m[1]}`);
  });
});
