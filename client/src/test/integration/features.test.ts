import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateDossier, openArticle, waitFor, workspaceFile } from './helpers';

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
    // Other files' stories, each with its date and headline (the list is capped by dossier.hover.maxStories).
    assert.match(text, /2024-01-24 · \[Caretaker PM says Pakistan ready to hold general election/, text);
    assert.match(text, /2024-01-22 · \[Pakistan, Iran agree to return ambassadors/, text);
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

describe('article structure in the editor', () => {
  before(activateDossier);

  it('outlines every story of a sample file, with its parts', async () => {
    const { document } = await openArticle('standoff/arab-news-restore-ties.article');
    const symbols = await waitFor(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri),
      'the outline',
    );
    assert.equal(symbols.length, 2, symbols.map((s) => s.name).join(' | '));
    assert.match(symbols[0].name, /^Pakistan to restore diplomatic relations with Iran/);
    assert.match(symbols[0].detail, /2024-01-19/);
    assert.ok(symbols[0].children.length > 5, 'the parts of the first story');
    assert.match(symbols[1].name, /^Pakistan condemns Israel/);
  });

  it('folds each story and its boilerplate', async () => {
    const story = await openArticle('standoff/arab-news-restore-ties.article');
    const storyRanges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', story.document.uri);
    assert.ok(storyRanges.some((r) => r.start === 0 && r.end > 30), 'the first story folds as a whole');
    const scraped = await openArticle('standoff/al-jazeera-security-review.article');
    const scrapedRanges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', scraped.document.uri);
    assert.ok(scrapedRanges.some((r) => r.kind === vscode.FoldingRangeKind.Comment), 'a boilerplate block folds');
  });

  it('treats a plain-text file as an article on request', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile('politics/reading-notes.txt'));
    await vscode.window.showTextDocument(doc);
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === doc.uri.toString(), 'the notes editor');
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'plaintext', 'notes are not sniffed as an article');
    await vscode.commands.executeCommand('dossier.treatAsArticle');
    await waitFor(() => vscode.window.activeTextEditor?.document.languageId === 'news-article', 'the article language');
  });
});
