import * as vscode from 'vscode';
import { TagSelectionRequest, UpdateAnnotationRequest, type AnnotationEditResult, type DocumentAnnotations } from '../../../server/src/protocol';
import type { CommandHandler } from '../commands';
import type { ServerApi } from '../serverApi';
import { annotationAuthor } from './author';
import { NoteComment, type NoteThreads } from './noteThreads';

/** The commands of the note threads' buttons (package.json's `comments/*` menus; hidden from the palette). */
export const NoteCommandIds = {
  create: 'dossier.notes.create',
  discardDraft: 'dossier.notes.discardDraft',
  edit: 'dossier.notes.edit',
  save: 'dossier.notes.save',
  cancelEdit: 'dossier.notes.cancelEdit',
  delete: 'dossier.notes.delete',
} as const;

/** What the note commands need from the annotation layer. */
export interface NoteCommandDeps {
  readonly server: ServerApi;
  readonly notes: NoteThreads;
  readonly ready: Promise<void>;
  /** The annotations last received for an article. */
  readonly known: (uri: string) => DocumentAnnotations | undefined;
  /** Tells the analyst how a change ended (pending writes, failures). */
  readonly report: (result: AnnotationEditResult, what: string) => Promise<AnnotationEditResult>;
}

/** The text of a comment as the widget left it (a string body, or Markdown after an edit). */
function bodyText(comment: vscode.Comment): string {
  return typeof comment.body === 'string' ? comment.body : comment.body.value;
}

/** The offsets a new note covers: the thread's range, or its line's text when the range is empty (the gutter's "+"). */
function noteSpan(doc: vscode.TextDocument, range: vscode.Range): { start: number; end: number } | undefined {
  let start = doc.offsetAt(range.start);
  let end = doc.offsetAt(range.end);
  if (end <= start) {
    const line = doc.lineAt(range.start.line);
    start = doc.offsetAt(line.range.start) + line.firstNonWhitespaceCharacterIndex;
    end = doc.offsetAt(line.range.end);
    while (end > start && /\s/.test(doc.getText().charAt(end - 1))) end--;
  }
  return end > start ? { start, end } : undefined;
}

const written = (r: AnnotationEditResult): boolean => r.status === 'written' || r.status === 'unchanged';

/**
 * The handlers of the note threads: write a new note (on a new span or an
 * annotation without one), edit, save, cancel and delete a note. A note whose
 * write is refused stays in its editor, so the analyst's text is never lost.
 */
export function noteCommands(deps: NoteCommandDeps): Record<string, CommandHandler> {
  const { server, notes, ready, known, report } = deps;

  const update = async (uri: string, id: string, note: string | null, what: string): Promise<AnnotationEditResult> => {
    await ready;
    return report(await server.request(UpdateAnnotationRequest, { uri, id, note }), what);
  };

  return {
    [NoteCommandIds.create]: async (reply: vscode.CommentReply): Promise<AnnotationEditResult | undefined> => {
      const draft = notes.draftOf(reply.thread);
      const text = reply.text.trim();
      if (!text) {
        void vscode.window.showInformationMessage('Add Note: write the note first.');
        return undefined;
      }
      if (draft.annotationId) {
        const r = await update(draft.uri, draft.annotationId, text, 'Add Note');
        if (written(r)) notes.discardDraft(reply.thread);
        return r;
      }
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === draft.uri);
      const span = doc && reply.thread.range && noteSpan(doc, reply.thread.range);
      if (!span) {
        void vscode.window.showInformationMessage('Add Note: the note needs some text of the article to sit on.');
        return undefined;
      }
      await ready;
      // An annotation exactly on that span takes the note; otherwise the note makes one.
      const same = known(draft.uri)?.annotations.find((a) => a.start === span.start && a.end === span.end && a.status !== 'orphaned');
      const r = same
        ? await update(draft.uri, same.id, text, 'Add Note')
        : await report(await server.request(TagSelectionRequest, { uri: draft.uri, ...span, type: 'note', note: text, author: annotationAuthor() }), 'Add Note');
      if (written(r)) notes.discardDraft(reply.thread);
      return r;
    },
    [NoteCommandIds.discardDraft]: (thread: vscode.CommentThread) => notes.discardDraft(thread),
    [NoteCommandIds.edit]: (comment: NoteComment) => notes.setEditing(comment, true),
    [NoteCommandIds.cancelEdit]: (comment: NoteComment) => notes.setEditing(comment, false, true),
    [NoteCommandIds.save]: async (comment: NoteComment): Promise<AnnotationEditResult> => {
      const text = bodyText(comment).trim();
      const r = await update(comment.uri, comment.annotationId, text || null, 'Edit Note');
      if (written(r)) {
        comment.savedBody = text;
        notes.setEditing(comment, false);
      }
      return r;
    },
    [NoteCommandIds.delete]: async (target: NoteComment | vscode.CommentThread): Promise<AnnotationEditResult | undefined> => {
      const comment = target instanceof NoteComment ? target : (target.comments[0] as NoteComment | undefined);
      if (!comment) return undefined;
      return update(comment.uri, comment.annotationId, null, 'Delete Note');
    },
  };
}
