import * as vscode from 'vscode';
import {
  ConfirmSuggestionRequest,
  DocumentAnnotationsNotification,
  DocumentAnnotationsRequest,
  EntityChoicesRequest,
  ReattachAnnotationRequest,
  RejectSuggestionRequest,
  TagSelectionRequest,
  UpdateAnnotationRequest,
  type AnnotationEditResult,
  type DocumentAnnotations,
  type EditorAnnotation,
} from '../../../server/src/protocol';
import { registerCommands } from '../commands';
import type { ServerApi } from '../serverApi';
import { annotationAuthor, annotationTypes } from './author';
import { AnnotationDecorations } from './decorations';
import { noteCommands } from './noteCommands';
import { NoteComment, NoteThreads } from './noteThreads';

/** The annotation commands (see package.json); the tree views own `dossier.removeAnnotation`, which *Remove Annotation* reuses. */
export const AnnotationCommandIds = {
  tagSelection: 'dossier.tagSelection',
  linkToEntity: 'dossier.linkToEntity',
  addNote: 'dossier.addNote',
  editNote: 'dossier.editNote',
  removeAnnotationAtCursor: 'dossier.removeAnnotationAtCursor',
  confirmSuggestion: 'dossier.confirmSuggestion',
  rejectSuggestion: 'dossier.rejectSuggestion',
  reattachAnnotation: 'dossier.reattachAnnotation',
} as const;

/** Context key: the cursor is inside an annotation (for the context menu). */
const AT_ANNOTATION = 'dossier.annotationAtCursor';
const ARTICLE_LANGUAGE = 'news-article';

/** What the extension API exposes of annotations, for integration tests. */
export interface AnnotationsApi {
  /** The annotations of an article, anchored in its current text, from the server. */
  annotationsOf(uri: vscode.Uri): Promise<DocumentAnnotations>;
  /** The annotations the editor decorates for a document (the last ones the server sent). */
  decorated(uri: vscode.Uri): DocumentAnnotations | undefined;
  /** The note threads shown in an article (one per annotation with a note), in document order. */
  noteThreads(uri: vscode.Uri): readonly vscode.CommentThread[];
  /** The thread of the note being written last opened by *Add Note* without a note argument, if still open. */
  lastDraft(): vscode.CommentThread | undefined;
}

/** Optional arguments of the commands (code actions and tests pass them; the palette does not). */
interface CommandArgs {
  readonly uri?: string;
  readonly id?: string;
  readonly start?: number;
  readonly end?: number;
  readonly type?: string;
  readonly entity?: string;
  readonly note?: string;
  readonly scope?: 'here' | 'everywhere';
  readonly skipConfirmation?: boolean;
}

/**
 * Registers the annotation commands, the decorations of annotated spans, and
 * the context key that tells the menus whether the cursor is in an annotation.
 */
export function registerAnnotations(
  context: vscode.ExtensionContext,
  server: ServerApi,
  options: { readonly ready: Promise<void>; readonly log: vscode.LogOutputChannel },
): AnnotationsApi {
  const { log, ready } = options;
  const decorations = new AnnotationDecorations();
  const notes = new NoteThreads();
  context.subscriptions.push(decorations, notes);
  let lastDraft: vscode.CommentThread | undefined;
  /** Shows what the server sent about an article: decorations and note threads. */
  const show = (a: DocumentAnnotations): void => {
    decorations.update(a);
    notes.update(a);
  };
  /** Commands waiting for the server: they report their own outcome, so the pending warning is theirs. */
  let commandsRunning = 0;

  const refresh = async (doc: vscode.TextDocument): Promise<void> => {
    if (doc.languageId !== ARTICLE_LANGUAGE || doc.uri.scheme !== 'file') return;
    await ready;
    show(await server.request(DocumentAnnotationsRequest, { uri: doc.uri.toString() }));
  };
  const refreshVisible = () => {
    for (const editor of vscode.window.visibleTextEditors) refresh(editor.document).catch((err: unknown) => log.warn(`Annotations of ${editor.document.uri.fsPath}: ${String(err)}`));
  };
  context.subscriptions.push(
    server.onNotification(DocumentAnnotationsNotification, (a) => {
      const before = decorations.get(a.uri)?.pending ?? 0;
      show(a);
      updateContextKey();
      // Writes that became pending outside a command (a save's anchor refresh), or that finally went through.
      if (a.pending > 0 && before === 0 && commandsRunning === 0) warnPending(a.uri, a.pending);
      else if (a.pending === 0 && before > 0) log.info(`Pending annotation changes of ${vscode.Uri.parse(a.uri).fsPath} are written.`);
    }),
    vscode.window.onDidChangeVisibleTextEditors(refreshVisible),
    vscode.window.onDidChangeTextEditorSelection(() => updateContextKey()),
    vscode.workspace.onDidCloseTextDocument((d) => {
      decorations.forget(d.uri.toString());
      notes.forget(d.uri.toString());
    }),
  );
  refreshVisible();

  function updateContextKey(): void {
    const editor = vscode.window.activeTextEditor;
    const at = editor ? annotationAt(editor) : undefined;
    void vscode.commands.executeCommand('setContext', AT_ANNOTATION, at !== undefined);
  }

  /** The innermost annotation under the cursor (or covering the selection) of an editor. */
  function annotationAt(editor: vscode.TextEditor): EditorAnnotation | undefined {
    const known = decorations.get(editor.document.uri.toString());
    const start = editor.document.offsetAt(editor.selection.start);
    const end = editor.document.offsetAt(editor.selection.end);
    return known?.annotations
      .filter((a) => a.status !== 'orphaned' && a.start <= start && end <= a.end)
      .sort((x, y) => x.end - x.start - (y.end - y.start))[0];
  }

  async function currentAnnotation(editor: vscode.TextEditor, args: CommandArgs | undefined): Promise<EditorAnnotation | undefined> {
    const uri = editor.document.uri.toString();
    if (!decorations.get(uri)) await refresh(editor.document);
    if (args?.id) return decorations.get(uri)?.annotations.find((a) => a.id === args.id);
    return annotationAt(editor);
  }

  function warnPending(uri: string, pending: number): void {
    const file = vscode.Uri.parse(uri).fsPath;
    log.warn(`${pending} annotation change(s) of ${file} are pending: its sidecar cannot be written safely.`);
    void vscode.window.showWarningMessage(`Dossier: ${pending} annotation change(s) of ${file} are not saved yet; its sidecar cannot be written safely (see Problems).`, 'Show Output').then((choice) => {
      if (choice === 'Show Output') log.show(true);
    });
  }

  /** Tells the analyst when a change could not be written (it is kept pending by the server). */
  async function report(result: AnnotationEditResult, what: string): Promise<AnnotationEditResult> {
    if (result.status === 'blocked' || result.status === 'failed') {
      log.warn(`${what}: ${result.status}: ${result.message ?? ''} (${result.sidecar ?? 'no sidecar'}, ${result.pending} pending)`);
      void vscode.window.showWarningMessage(`${what} is not saved yet. ${result.message ?? ''}`, 'Show Output').then((choice) => {
        if (choice === 'Show Output') log.show(true);
      });
    } else if (result.status === 'notFound') {
      void vscode.window.showWarningMessage(`${what}: ${result.message ?? 'nothing to change here.'}`);
    } else {
      log.info(`${what}: ${result.status} (${result.sidecar ?? ''})`);
    }
    return result;
  }

  /** Runs a command body with the active article editor; failures become one error message. */
  const withEditor = (what: string, body: (editor: vscode.TextEditor, args: CommandArgs | undefined) => Promise<AnnotationEditResult | undefined>) =>
    async (args?: CommandArgs): Promise<AnnotationEditResult | undefined> => {
      const editor = editorFor(args);
      if (!editor) {
        void vscode.window.showInformationMessage(`${what}: open an article in the editor first.`);
        return undefined;
      }
      commandsRunning++;
      try {
        await ready;
        const result = await body(editor, args);
        return result && (await report(result, what));
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        log.error(`${what} failed: ${message}`);
        void vscode.window.showErrorMessage(`${what}: ${message}`);
        return undefined;
      } finally {
        commandsRunning--;
      }
    };

  const span = (editor: vscode.TextEditor, args: CommandArgs | undefined) => ({
    uri: editor.document.uri.toString(),
    start: args?.start ?? editor.document.offsetAt(editor.selection.start),
    end: args?.end ?? editor.document.offsetAt(editor.selection.end),
  });

  const needSelection = (editor: vscode.TextEditor, args: CommandArgs | undefined, what: string): boolean => {
    const s = span(editor, args);
    if (s.end > s.start) return true;
    void vscode.window.showInformationMessage(`${what}: select the text first (it may span several lines).`);
    return false;
  };

  const tag = async (editor: vscode.TextEditor, args: CommandArgs | undefined, fields: { type?: string; entity?: string; note?: string }) => {
    const type = fields.type ?? (await pickType());
    if (!type) return undefined;
    return server.request(TagSelectionRequest, { ...span(editor, args), type, author: annotationAuthor(), ...defined({ entity: fields.entity, note: fields.note }) });
  };

  /**
   * The note's editor: the comment widget, which takes several lines. An annotation's
   * note opens for editing; an annotation without one, or the selection, gets a new note.
   */
  function openNoteEditor(editor: vscode.TextEditor, existing: EditorAnnotation | undefined): void {
    const doc = editor.document;
    const thread = existing && notes.threadOf(doc.uri.toString(), existing.id);
    const comment = thread?.comments[0];
    if (thread && comment instanceof NoteComment) {
      notes.setEditing(comment, true);
      return;
    }
    const range = existing ? new vscode.Range(doc.positionAt(existing.start), doc.positionAt(existing.end)) : editor.selection;
    lastDraft = notes.openDraft(doc, range, existing?.id).thread;
  }

  registerCommands(context, {
    ...noteCommands({ server, notes, ready, known: (uri) => decorations.get(uri), report }),
    [AnnotationCommandIds.tagSelection]: withEditor('Tag Selection', async (editor, args) => {
      if (!needSelection(editor, args, 'Tag Selection')) return undefined;
      return tag(editor, args, { ...defined({ type: args?.type, entity: args?.entity, note: args?.note }) });
    }),
    [AnnotationCommandIds.linkToEntity]: withEditor('Link to Entity', async (editor, args) => {
      const existing = args?.start === undefined ? await currentAnnotation(editor, args) : undefined;
      if (!existing && !needSelection(editor, args, 'Link to Entity')) return undefined;
      const entity = args?.entity ?? (await pickEntity(server, existing?.entity));
      if (entity === undefined) return undefined;
      if (existing) return server.request(UpdateAnnotationRequest, { uri: editor.document.uri.toString(), id: existing.id, entity: entity || null });
      return tag(editor, args, { ...defined({ type: args?.type }), entity });
    }),
    [AnnotationCommandIds.addNote]: withEditor('Add Note', async (editor, args) => {
      const existing = args?.start === undefined ? await currentAnnotation(editor, args) : undefined;
      if (!existing && !needSelection(editor, args, 'Add Note')) return undefined;
      const note = args?.note;
      if (note === undefined) {
        openNoteEditor(editor, existing);
        return undefined;
      }
      if (existing) return server.request(UpdateAnnotationRequest, { uri: editor.document.uri.toString(), id: existing.id, note: note || null });
      if (!note.trim()) return undefined;
      return tag(editor, args, { type: args?.type ?? 'note', note });
    }),
    [AnnotationCommandIds.editNote]: withEditor('Edit Note', async (editor, args) => {
      const existing = await currentAnnotation(editor, args);
      if (!existing) {
        void vscode.window.showInformationMessage('Edit Note: put the cursor in an annotated span first.');
        return undefined;
      }
      const note = args?.note;
      if (note === undefined) {
        openNoteEditor(editor, existing);
        return undefined;
      }
      return server.request(UpdateAnnotationRequest, { uri: editor.document.uri.toString(), id: existing.id, note: note || null });
    }),
    [AnnotationCommandIds.removeAnnotationAtCursor]: async (args?: CommandArgs) => {
      const editor = editorFor(args);
      const existing = editor && (await currentAnnotation(editor, args));
      if (!editor || !existing) {
        void vscode.window.showInformationMessage('Remove Annotation: put the cursor in an annotated span first.');
        return undefined;
      }
      // The Annotations view's command asks for confirmation and removes through the server's one sidecar writer.
      return vscode.commands.executeCommand(
        'dossier.removeAnnotation',
        { uri: editor.document.uri.toString(), id: existing.id, type: existing.type, quote: existing.quote, ...defined({ note: existing.note }) },
        { skipConfirmation: args?.skipConfirmation === true },
      );
    },
    [AnnotationCommandIds.confirmSuggestion]: withEditor('Confirm', async (editor, args) =>
      server.request(ConfirmSuggestionRequest, { ...span(editor, args), author: annotationAuthor(), ...defined({ type: args?.type }) })),
    [AnnotationCommandIds.rejectSuggestion]: withEditor('Reject', async (editor, args) => {
      const scope = args?.scope ?? (await pickScope());
      if (!scope) return undefined;
      return server.request(RejectSuggestionRequest, { ...span(editor, args), scope, author: annotationAuthor(), ...defined({ type: args?.type }) });
    }),
    [AnnotationCommandIds.reattachAnnotation]: withEditor('Re-attach Annotation', async (editor, args) => {
      if (!needSelection(editor, args, 'Re-attach Annotation')) return undefined;
      const uri = editor.document.uri.toString();
      if (!decorations.get(uri)) await refresh(editor.document);
      const id = args?.id ?? (await pickOrphan(decorations.get(uri)?.annotations ?? []));
      if (!id) return undefined;
      return server.request(ReattachAnnotationRequest, { ...span(editor, args), id });
    }),
  });

  return {
    annotationsOf: (uri) => server.request(DocumentAnnotationsRequest, { uri: uri.toString() }),
    decorated: (uri) => decorations.get(uri.toString()),
    noteThreads: (uri) => notes.threadsOf(uri.toString()),
    lastDraft: () => lastDraft,
  };
}

/** The editor a command acts on: the one showing `args.uri`, else the active one. */
function editorFor(args: { readonly uri?: string } | undefined): vscode.TextEditor | undefined {
  if (args?.uri) return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === args.uri);
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === ARTICLE_LANGUAGE ? editor : undefined;
}

const NEW_TYPE = '$(add) New type…';

async function pickType(): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick([...annotationTypes(), NEW_TYPE], { title: 'Dossier: Tag Selection', placeHolder: 'Annotation type' });
  if (picked !== NEW_TYPE) return picked;
  const typed = await vscode.window.showInputBox({ title: 'Dossier: New annotation type', prompt: 'e.g. weapon, vessel (add it to dossier.annotations.types to offer it again)' });
  return typed?.trim() || undefined;
}

async function pickEntity(server: ServerApi, current: string | undefined): Promise<string | undefined> {
  const choices = await server.request(EntityChoicesRequest, { limit: 1000 });
  const NEW = { label: '$(add) New entity…', description: '', detail: undefined as string | undefined, name: '' };
  const UNLINK = { label: '$(close) Remove the link', description: current ?? '', detail: undefined as string | undefined, name: '' };
  const items = [
    NEW,
    ...(current ? [UNLINK] : []),
    ...choices.map((c) => ({ label: c.name, description: c.type, detail: c.aliases.length ? `also: ${c.aliases.slice(0, 8).join(', ')}` : undefined, name: c.name })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Dossier: Link to Entity', placeHolder: 'Entity (by name or alias)', matchOnDescription: true, matchOnDetail: true });
  if (!picked) return undefined;
  if (picked === UNLINK) return '';
  if (picked !== NEW) return picked.name;
  const typed = await vscode.window.showInputBox({ title: 'Dossier: New entity', prompt: 'Canonical name of the entity', value: current ?? '' });
  return typed?.trim() || undefined;
}

async function pickScope(): Promise<'here' | 'everywhere' | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Here', description: 'only this mention', scope: 'here' as const },
      { label: 'Everywhere', description: 'the same text in every story', scope: 'everywhere' as const },
    ],
    { title: 'Dossier: Reject Suggestion' },
  );
  return picked?.scope;
}

async function pickOrphan(annotations: readonly EditorAnnotation[]): Promise<string | undefined> {
  const orphans = annotations.filter((a) => a.status === 'orphaned');
  const list = orphans.length ? orphans : annotations;
  if (list.length === 0) {
    void vscode.window.showInformationMessage('Re-attach Annotation: this article has no annotations.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    list.map((a) => ({ label: a.quote.replace(/\s+/g, ' ').slice(0, 80), description: `${a.type}${a.status === 'orphaned' ? ' (orphaned)' : ''}`, detail: a.note, id: a.id })),
    { title: 'Dossier: Re-attach Annotation to the selection' },
  );
  return picked?.id;
}

/** The entries of `record` whose value is defined (optional protocol fields must be absent, not undefined). */
function defined<T extends Record<string, unknown>>(record: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
