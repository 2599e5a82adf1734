import * as vscode from 'vscode';
import type { DocumentAnnotations, EditorAnnotation } from '../../../server/src/protocol';

/** The comment controller's id: package.json's comment menus test `commentController == dossier.notes`. */
export const NOTES_CONTROLLER_ID = 'dossier.notes';
const ARTICLE_LANGUAGE = 'news-article';

/** A note shown as a comment: plain text (a string body is not rendered as Markdown), editable in place. */
export class NoteComment implements vscode.Comment {
  mode = vscode.CommentMode.Preview;
  readonly contextValue = 'dossier.note';
  /** The text before an edit began, restored by Cancel. */
  savedBody: string;

  constructor(
    public body: string,
    public author: vscode.CommentAuthorInformation,
    /** The article and the annotation the note belongs to. */
    readonly uri: string,
    readonly annotationId: string,
    public label: string | undefined,
    public parent: vscode.CommentThread | undefined,
  ) {
    this.savedBody = body;
  }
}

/** What a new note is for: an annotation that has none yet, or a new span. */
export interface NoteDraft {
  readonly thread: vscode.CommentThread;
  readonly uri: string;
  readonly annotationId?: string;
}

/**
 * Analyst notes as VS Code comment threads, one per annotation that has a note:
 * the comment widget gives notes the multi-line editor that an input box lacks,
 * and shows them in the editor next to their span and in the Comments panel.
 * The server stays the one owner of the sidecars: threads only mirror the
 * annotations it sends, and edits go back through its requests.
 */
export class NoteThreads implements vscode.Disposable {
  private readonly controller = vscode.comments.createCommentController(NOTES_CONTROLLER_ID, 'Dossier Notes');
  /** Threads by article URI, then by annotation id. */
  private readonly threads = new Map<string, Map<string, vscode.CommentThread>>();
  private readonly drafts = new Map<vscode.CommentThread, NoteDraft>();

  constructor() {
    this.controller.options = { prompt: 'Add a note on this text', placeHolder: 'A note (several lines are fine)' };
    // Any line of an article can take a note (the "+" in the gutter).
    this.controller.commentingRangeProvider = {
      provideCommentingRanges: (doc) => (isArticle(doc) ? [new vscode.Range(0, 0, Math.max(0, doc.lineCount - 1), 0)] : []),
    };
  }

  /** Mirrors the notes of an article's annotations (the server sent them after a change). */
  update(annotations: DocumentAnnotations): void {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === annotations.uri);
    const byId = this.threads.get(annotations.uri) ?? new Map<string, vscode.CommentThread>();
    this.threads.set(annotations.uri, byId);
    const seen = new Set<string>();
    const length = doc?.getText().length ?? 0; // once: getText copies the whole document
    for (const a of annotations.annotations) {
      if (!doc || !a.note || a.status === 'orphaned' || a.end > length) continue;
      seen.add(a.id);
      const range = new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end));
      const thread = byId.get(a.id);
      if (thread) this.refresh(thread, a, annotations.uri, range);
      else byId.set(a.id, this.create(a, annotations.uri, range));
    }
    for (const [id, thread] of byId) {
      if (seen.has(id)) continue;
      thread.dispose();
      byId.delete(id);
    }
  }

  /** Forgets a closed article's threads (they come back when it is opened again). */
  forget(uri: string): void {
    for (const thread of this.threads.get(uri)?.values() ?? []) thread.dispose();
    this.threads.delete(uri);
    for (const [thread, draft] of this.drafts) if (draft.uri === uri) this.discardDraft(thread);
  }

  /** The thread showing an annotation's note, if it has one. */
  threadOf(uri: string, annotationId: string): vscode.CommentThread | undefined {
    return this.threads.get(uri)?.get(annotationId);
  }

  /** The note threads of an article, in document order (for tests and the API). */
  threadsOf(uri: string): vscode.CommentThread[] {
    return [...(this.threads.get(uri)?.values() ?? [])].sort((x, y) => x.range!.start.compareTo(y.range!.start));
  }

  /** Opens an empty thread in which the analyst writes a new note on `range`. */
  openDraft(doc: vscode.TextDocument, range: vscode.Range, annotationId?: string): NoteDraft {
    const thread = this.controller.createCommentThread(doc.uri, range, []);
    thread.canReply = true;
    thread.contextValue = 'dossier.draft';
    thread.label = 'New note';
    thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    const draft: NoteDraft = { thread, uri: doc.uri.toString(), ...(annotationId ? { annotationId } : {}) };
    this.drafts.set(thread, draft);
    return draft;
  }

  /**
   * What a thread the analyst wrote in is for. A thread opened with the gutter's "+"
   * was made by VS Code, not by `openDraft`: it becomes a draft for its range.
   */
  draftOf(thread: vscode.CommentThread): NoteDraft {
    return this.drafts.get(thread) ?? { thread, uri: thread.uri.toString() };
  }

  /** Closes a draft (its note was saved, and comes back as the annotation's thread, or it was abandoned). */
  discardDraft(thread: vscode.CommentThread): void {
    this.drafts.delete(thread);
    thread.dispose();
  }

  /** Puts a note into edit mode, or back into preview (restoring its text when `cancel`). */
  setEditing(comment: NoteComment, editing: boolean, cancel = false): void {
    const thread = comment.parent;
    if (!thread) return;
    if (cancel) comment.body = comment.savedBody;
    comment.mode = editing ? vscode.CommentMode.Editing : vscode.CommentMode.Preview;
    if (editing) thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    // A thread redraws only when its comments array is assigned.
    thread.comments = [...thread.comments];
  }

  dispose(): void {
    for (const uri of [...this.threads.keys()]) this.forget(uri);
    for (const thread of [...this.drafts.keys()]) this.discardDraft(thread);
    this.controller.dispose();
  }

  private create(a: EditorAnnotation, uri: string, range: vscode.Range): vscode.CommentThread {
    const thread = this.controller.createCommentThread(vscode.Uri.parse(uri), range, []);
    thread.canReply = false; // one note per annotation: it is edited, not replied to
    thread.contextValue = 'dossier.note';
    thread.collapsibleState = vscode.CommentThreadCollapsibleState.Collapsed;
    this.refresh(thread, a, uri, range);
    return thread;
  }

  private refresh(thread: vscode.CommentThread, a: EditorAnnotation, uri: string, range: vscode.Range): void {
    if (!thread.range || !thread.range.isEqual(range)) thread.range = range;
    const label = `${a.type}${a.entity ? ` \u2192 ${a.entity}` : ''}: \u201c${shorten(a.quote)}\u201d`;
    if (thread.label !== label) thread.label = label;
    const current = thread.comments[0] as NoteComment | undefined;
    // A note being edited keeps the analyst's unsaved text.
    if (current && current.mode === vscode.CommentMode.Editing) return;
    if (current && current.body === a.note && current.author.name === authorName(a)) return;
    thread.comments = [new NoteComment(a.note ?? '', { name: authorName(a) }, uri, a.id, a.status === 'fuzzy' ? 'moved with the text' : undefined, thread)];
  }
}

function isArticle(doc: vscode.TextDocument): boolean {
  return doc.languageId === ARTICLE_LANGUAGE && doc.uri.scheme === 'file';
}

function authorName(a: EditorAnnotation): string {
  return a.author || 'analyst';
}

function shorten(quote: string): string {
  const one = quote.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 59)}\u2026` : one;
}
