import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import type { AnnotationEditResult, EditorAnnotation } from '../../../../server/src/protocol';
import type { DossierApi } from '../../extension';
import { activateDossier, openArticle, waitFor, workspaceFile } from './helpers';

// Articles no other integration test reads, so the annotations made here change nothing they expect.
const ARTICLE = 'politics/election-preview.article';
const OTHER = 'politics/arab-news-iraq-balochistan.article';
const CLAIM = 'the country was ready to hold the general election on February 8';

/** Selects the n-th occurrence of `needle` in the editor. */
function select(editor: vscode.TextEditor, needle: string, nth = 0): { start: number; end: number } {
  const text = editor.document.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" not found`);
  }
  editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + needle.length));
  return { start: at, end: at + needle.length };
}

async function sidecarText(relative: string): Promise<string | undefined> {
  try {
    return await fsp.readFile(workspaceFile(`${relative}.annotations.yaml`).fsPath, 'utf8');
  } catch {
    return undefined;
  }
}

/** The semantic token types (with modifiers) starting at `offset`. */
async function tokenAt(doc: vscode.TextDocument, offset: number): Promise<string | undefined> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', doc.uri);
  const target = doc.positionAt(offset);
  let line = 0;
  let char = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    line += tokens.data[i]!;
    char = tokens.data[i] === 0 ? char + tokens.data[i + 1]! : tokens.data[i + 1]!;
    if (line === target.line && char === target.character) {
      const mods = legend.tokenModifiers.filter((_, bit) => tokens.data[i + 4]! & (1 << bit));
      return [legend.tokenTypes[tokens.data[i + 3]!], ...mods].join('+');
    }
  }
  return undefined;
}

describe('analyst annotations in the editor', () => {
  let api: DossierApi;
  let original = '';

  before(async () => {
    original = await fsp.readFile(workspaceFile(ARTICLE).fsPath, 'utf8');
    api = await activateDossier();
    await waitFor(async () => (await api.status()).indexReady, 'the workspace index', 60_000);
  });

  after(async () => {
    // Leave the workspace as the other tests expect it: no sidecars from here (knowledge back to none), the article's text.
    for (const rel of [ARTICLE, OTHER]) await fsp.rm(workspaceFile(`${rel}.annotations.yaml`).fsPath, { force: true });
    await waitFor(async () => (await api.annotations.annotationsOf(workspaceFile(ARTICLE))).annotations.length === 0, 'the removed sidecar to be seen');
    const editor = await openArticle(ARTICLE);
    const restore = new vscode.WorkspaceEdit();
    restore.replace(editor.document.uri, new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length)), original);
    await vscode.workspace.applyEdit(restore);
    await editor.document.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(await sidecarText(ARTICLE), undefined, 'saving an article without annotations writes no sidecar');
  });

  it('Tag Selection writes the sidecar next to the article, and the annotation follows an edit above it', async () => {
    const editor = await openArticle(ARTICLE);
    const span = select(editor, CLAIM);
    const result = await vscode.commands.executeCommand<AnnotationEditResult>('dossier.tagSelection', { type: 'claim', note: 'Check against the ECP statement.\nSecond line.' });
    assert.equal(result?.status, 'written', JSON.stringify(result));

    const yaml = await waitFor(() => sidecarText(ARTICLE), 'the sidecar file');
    assert.match(yaml, /^dossier: 1$/m);
    assert.match(yaml, /type: claim/);
    assert.match(yaml, new RegExp(`quote: ${CLAIM}`));
    assert.match(yaml, /note: \|-?\n\s+Check against the ECP statement\.\n\s+Second line\./);
    assert.match(yaml, new RegExp(`start: ${span.start}\\b`));
    assert.match(yaml, new RegExp(`end: ${span.end}\\b`));
    assert.match(yaml, /id: a-[0-9a-z]{10}/);

    // The hover on the span shows the note.
    const hovers = await waitFor(async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(span.start + 5));
      const text = h.flatMap((x) => x.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return /Check against the ECP statement/.test(text) ? text : undefined;
    }, 'the hover with the note');
    assert.match(hovers, /claim/i);

    // Insert a line above: the annotation follows, in the server and in the editor's decorations.
    const inserted = 'EDITOR NOTE: inserted above.\n';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(0, 0), inserted);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const moved = await waitFor(async () => {
      const list = await api.annotations.annotationsOf(editor.document.uri);
      const a = list.annotations.find((x) => x.id === result.id);
      return a && a.start === span.start + inserted.length ? a : undefined;
    }, 'the annotation to follow the edit');
    assert.equal(editor.document.getText().slice(moved.start, moved.end), CLAIM);
    assert.equal(moved.status, 'exact');
    await waitFor(() => api.annotations.decorated(editor.document.uri)?.annotations.some((a) => a.id === result.id && a.start === moved.start), 'the decorations to follow');

    // Saving refreshes the stored anchor.
    await editor.document.save();
    await waitFor(async () => (await sidecarText(ARTICLE))?.includes(`start: ${moved.start}`), 'the anchor refreshed on save');
  });

  it('Edit Note and Link to Entity change the annotation under the cursor', async () => {
    const editor = await openArticle(ARTICLE);
    select(editor, 'the country was ready');
    const noted = await vscode.commands.executeCommand<AnnotationEditResult>('dossier.editNote', { note: 'Rewritten note' });
    assert.equal(noted?.status, 'written', JSON.stringify(noted));
    const linked = await vscode.commands.executeCommand<AnnotationEditResult>('dossier.linkToEntity', { entity: 'Election Commission of Pakistan' });
    assert.equal(linked?.status, 'written', JSON.stringify(linked));
    const yaml = await sidecarText(ARTICLE);
    assert.match(yaml ?? '', /note: Rewritten note/);
    assert.match(yaml ?? '', /entity: Election Commission of Pakistan/);
    assert.doesNotMatch(yaml ?? '', /Second line/);
  });

  it('notes are comment threads: Add Note opens one for a multi-line note, which Edit, Save and Delete change through the sidecar', async () => {
    const editor = await openArticle(ARTICLE);
    const uri = editor.document.uri;
    const span = select(editor, 'took office in August 2023');
    // Without a note argument, Add Note opens an empty thread on the selection: the comment widget is the (multi-line) editor.
    await vscode.commands.executeCommand('dossier.addNote');
    const draft = api.annotations.lastDraft();
    assert.ok(draft, 'a draft thread');
    assert.equal(draft.comments.length, 0);
    assert.equal(editor.document.offsetAt(draft.range!.start), span.start);

    const created = await vscode.commands.executeCommand<AnnotationEditResult>('dossier.notes.create', { thread: draft, text: 'Caretaker since August.\nCheck the date of the dissolution.' });
    assert.equal(created?.status, 'written', JSON.stringify(created));
    assert.match((await sidecarText(ARTICLE)) ?? '', /note: \|-?\n\s+Caretaker since August\.\n\s+Check the date of the dissolution\./);
    const threadAt = () => api.annotations.noteThreads(uri).find((t) => t.comments[0] && editor.document.offsetAt(t.range!.start) === span.start);
    const thread = await waitFor(threadAt, 'the note thread of the new annotation');
    const comment = thread.comments[0]!;
    assert.equal(comment.body, 'Caretaker since August.\nCheck the date of the dissolution.');
    assert.equal(comment.mode, vscode.CommentMode.Preview);

    // Edit puts the note in edit mode; Save writes what the widget holds (it sets the body).
    await vscode.commands.executeCommand('dossier.notes.edit', comment);
    assert.equal(comment.mode, vscode.CommentMode.Editing);
    comment.body = 'Rewritten in the widget,\non two lines.';
    const saved = await vscode.commands.executeCommand<AnnotationEditResult>('dossier.notes.save', comment);
    assert.equal(saved?.status, 'written', JSON.stringify(saved));
    assert.equal(comment.mode, vscode.CommentMode.Preview);
    assert.match((await sidecarText(ARTICLE)) ?? '', /Rewritten in the widget,\n\s+on two lines\./);
    await waitFor(() => threadAt()?.comments[0]?.body === 'Rewritten in the widget,\non two lines.', 'the thread to show the saved note');

    // Delete removes the note (the annotation stays) and with it the thread.
    const deleted = await vscode.commands.executeCommand<AnnotationEditResult>('dossier.notes.delete', threadAt()!.comments[0]);
    assert.equal(deleted?.status, 'written', JSON.stringify(deleted));
    await waitFor(() => threadAt() === undefined, 'the thread to go with its note');
    const yaml = (await sidecarText(ARTICLE)) ?? '';
    assert.doesNotMatch(yaml, /Rewritten in the widget/);
    assert.match(yaml, /quote: took office in August 2023/);
  });

  it('Confirm adds the confirmed modifier to a suggestion; Reject here removes it', async () => {
    const editor = await openArticle(ARTICLE);
    const doc = editor.document;
    const quetta = doc.getText().indexOf('Quetta');
    const before = await waitFor(() => tokenAt(doc, quetta), 'a token on Quetta');
    assert.match(before, /^dossierLocation/);
    assert.doesNotMatch(before, /dossierConfirmed/);

    const confirmed = await vscode.commands.executeCommand<AnnotationEditResult>('dossier.confirmSuggestion', { uri: doc.uri.toString(), start: quetta, end: quetta + 'Quetta'.length });
    assert.equal(confirmed?.status, 'written', JSON.stringify(confirmed));
    await waitFor(async () => (await tokenAt(doc, quetta))?.includes('dossierConfirmed'), 'the confirmed modifier on Quetta');
    assert.match((await sidecarText(ARTICLE)) ?? '', /origin: confirmed/);

    const text = doc.getText();
    const kakar = text.indexOf('Kakar said the army');
    assert.match((await waitFor(() => tokenAt(doc, kakar), 'a token on Kakar')), /^dossierPerson/);
    const rejected = await vscode.commands.executeCommand<AnnotationEditResult>('dossier.rejectSuggestion', { uri: doc.uri.toString(), start: kakar, end: kakar + 'Kakar'.length, scope: 'here' });
    assert.equal(rejected?.status, 'written', JSON.stringify(rejected));
    assert.match((await sidecarText(ARTICLE)) ?? '', /rejections:\n\s+- id: r-[0-9a-z]{10}\n\s+text: Kakar/);
    await waitFor(async () => !(await tokenAt(doc, kakar))?.startsWith('dossierPerson'), 'the rejected suggestion to disappear');
    // Only here: the other mentions of Kakar in the article are still suggested.
    const elsewhere = text.indexOf('Kakar also said');
    assert.match((await tokenAt(doc, elsewhere)) ?? '', /^dossierPerson/);
  });

  it('an unparsable sidecar is never overwritten: the change stays pending and the file gets a diagnostic', async () => {
    const broken = 'dossier: 1\nannotations:\n  - id: a-broken0001\n    quote: [unclosed\n';
    const sidecar = workspaceFile(`${OTHER}.annotations.yaml`);
    await fsp.writeFile(sidecar.fsPath, broken);
    const editor = await openArticle(OTHER);
    const text = editor.document.getText();
    const word = /Balochistan/.exec(text);
    assert.ok(word);
    editor.selection = new vscode.Selection(editor.document.positionAt(word.index), editor.document.positionAt(word.index + word[0].length));
    const result = await vscode.commands.executeCommand<AnnotationEditResult>('dossier.tagSelection', { type: 'location' });
    assert.equal(result?.status, 'blocked', JSON.stringify(result));
    assert.ok((result?.pending ?? 0) >= 1);
    assert.equal(await fsp.readFile(sidecar.fsPath, 'utf8'), broken);
    const diagnostics = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(sidecar);
      return d.length > 0 ? d : undefined;
    }, 'a diagnostic on the broken sidecar');
    assert.ok(diagnostics.some((d) => d.severity === vscode.DiagnosticSeverity.Error), JSON.stringify(diagnostics));

    // Once the analyst fixes the file, the pending annotation is written.
    await fsp.writeFile(sidecar.fsPath, 'dossier: 1\nannotations: []\n# kept comment\n');
    const fixed = await waitFor(async () => {
      const t = await sidecarText(OTHER);
      return t?.includes('quote: Balochistan') ? t : undefined;
    }, 'the pending annotation written after the fix');
    assert.match(fixed, /# kept comment/);
  });

  it('an orphaned annotation is reported on the article and re-attached to the selection', async () => {
    const editor = await openArticle(ARTICLE);
    const list = await api.annotations.annotationsOf(editor.document.uri);
    const claim = list.annotations.find((a) => a.type === 'claim') as EditorAnnotation;
    assert.ok(claim);
    // Replace the claimed text entirely: nothing close enough remains.
    const edit = new vscode.WorkspaceEdit();
    const doc = editor.document;
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(claim.start), doc.positionAt(claim.end)), 'x');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await editor.document.save();
    const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'annotation.orphaned'), 'the orphan diagnostic');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    await waitFor(async () => (await sidecarText(ARTICLE))?.includes('status: orphaned'), 'the orphan kept in the file, marked, by the save');

    const span = select(editor, 'dismissing concerns');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, editor.selection);
    const fix = actions.find((a) => a.title.startsWith('Re-attach'));
    assert.ok(fix?.command, actions.map((a) => a.title).join(', '));
    const result = await vscode.commands.executeCommand<AnnotationEditResult>(fix.command.command, ...(fix.command.arguments ?? []));
    assert.equal(result?.status, 'written');
    const back = await waitFor(async () => (await api.annotations.annotationsOf(doc.uri)).annotations.find((a) => a.id === claim.id && a.status !== 'orphaned'), 'the re-attached annotation');
    assert.deepEqual([back.start, back.end], [span.start, span.end]);
    await waitFor(() => !vscode.languages.getDiagnostics(doc.uri).some((d) => d.code === 'annotation.orphaned'), 'the orphan diagnostic to go');
  });

  it('Remove Annotation removes the annotation under the cursor (through the Annotations view\'s remover)', async () => {
    const editor = await openArticle(ARTICLE);
    const doc = editor.document;
    const at = doc.getText().indexOf('dismissing concerns') + 3;
    editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at));
    const claim = await waitFor(() => api.annotations.decorated(doc.uri)?.annotations.find((a) => a.type === 'claim' && a.start <= at && at <= a.end), 'the claim under the cursor');
    const result = await vscode.commands.executeCommand<{ removed: boolean }>('dossier.removeAnnotationAtCursor', { skipConfirmation: true });
    assert.equal(result?.removed, true, JSON.stringify(result));
    assert.doesNotMatch((await sidecarText(ARTICLE)) ?? '', new RegExp(claim.id));
    await waitFor(async () => !(await api.annotations.annotationsOf(doc.uri)).annotations.some((a) => a.id === claim.id), 'the removal to reach the editor');
  });
});
