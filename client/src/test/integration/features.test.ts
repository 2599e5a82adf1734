import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateDossier, openArticle, waitFor } from './helpers';

/** The text of a hover's contents, whatever shape VS Code gives them. */
function hoverText(hovers: vscode.Hover[]): string {
  // Markdown escapes (\- \.) render as the plain character; compare what the analyst reads.
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\(.)/g, '$1');
}

/** Position of the n-th occurrence (0-based) of `needle` in the document. */
function positionOf(doc: vscode.TextDocument, needle: string, nth = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = doc.getText().indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (#${nth}) not found in ${doc.uri.path}`);
  }
  return doc.positionAt(at + 1);
}

describe('language features in the editor', () => {
  before(async () => {
    const api = await activateDossier();
    await waitFor(async () => (await api.status()).indexReady, 'the workspace index', 60_000);
  });

  it('recognizes a sample .txt article and gives its semantic tokens', async () => {
    const editor = await openArticle('004_b505b468b55779a5.txt');
    const tokens = await waitFor(async () => {
      const t = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', editor.document.uri);
      return t && t.data.length > 0 ? t : undefined;
    }, 'semantic tokens');
    assert.ok(tokens.data.length / 5 > 20, `expected many tokens, got ${tokens.data.length / 5}`);
  });

  it('hovering "on Friday" in the story updated Friday 19 January 2024 shows 2024-01-19', async () => {
    const editor = await openArticle('004_b505b468b55779a5.txt');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'Friday'));
    assert.match(hoverText(hovers), /2024-01-19/);
  });
});
