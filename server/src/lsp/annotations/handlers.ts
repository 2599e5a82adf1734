import { promises as fsp } from 'node:fs';
import { CodeActionKind, TextDocumentSyncKind, type CodeAction, type ServerCapabilities } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { changeAnnotation, confirmSuggestion, reattachAnnotation, rejectSuggestion, tagSelection } from '../../core/annotations/edits';
import type { AnnotationChanges } from '../../core/annotations/sidecarNodes';
import type { SidecarStore } from '../../node/sidecarStore';
import {
  ConfirmSuggestionRequest,
  DocumentAnnotationsNotification,
  DocumentAnnotationsRequest,
  EntityChoicesRequest,
  ReattachAnnotationRequest,
  RejectSuggestionRequest,
  TagSelectionRequest,
  UpdateAnnotationRequest,
  type AnnotationDocumentParams,
  type AnnotationEditResult,
  type AnnotationSpanParams,
  type DocumentAnnotations,
  type EntityChoice,
  type ReattachParams,
  type RejectParams,
  type SuggestionParams,
  type TagSelectionParams,
  type UpdateAnnotationParams,
} from '../../protocol';
import { toSpan } from '../convert';
import { runSafe } from '../runSafe';
import type { Services } from '../services';
import type { AnnotationService } from './annotationService';
import { annotationCodeActions } from './codeActions';
import { diagnosticsFor, toDiagnostic } from './diagnostics';

/** The services of a server that keeps annotations: the service, and its store shared with the tree views. */
export type AnnotationServices = Services & { readonly annotations: AnnotationService; readonly sidecars: SidecarStore };

/** True when the composition root provided the annotation service. */
export function hasAnnotationService(services: Services): services is AnnotationServices {
  return (services as Partial<AnnotationServices>).annotations !== undefined;
}

/**
 * Connects the annotation service to the server: diagnostics, notifications,
 * saves, the command requests and the code actions.
 */
export function registerAnnotationHandlers(services: AnnotationServices): ServerCapabilities {
  const { connection, documents, index, annotations } = services;
  const console = connection.console;
  annotations.attach({
    index,
    openText: (uri) => documents.get(uri)?.getText(),
    openUris: () => documents.all().map((d) => d.uri),
    publishArticleProblems: (uri, text, problems) => {
      const open = documents.get(uri);
      const diagnostics = open && open.getText() === text ? problems.map((p) => toDiagnostic(open, p)) : diagnosticsFor(uri, text, problems);
      void connection.sendDiagnostics({ uri, diagnostics });
    },
    publishSidecarProblems: (path, problems) => {
      const uri = URI.file(path).toString();
      if (problems.length === 0) {
        void connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      // The problems' offsets are into the file's text; read it once to place them.
      void fsp.readFile(path, 'utf8').catch(() => '').then((text) => connection.sendDiagnostics({ uri, diagnostics: diagnosticsFor(uri, text, problems) }));
    },
    notify: (a) => void connection.sendNotification(DocumentAnnotationsNotification.method, a),
    isReady: () => services.indexer.isReady,
    log: services.log,
  });
  documents.onDidSave((e) => void annotations.saved(e.document.uri).catch((err: unknown) => services.log(`Refreshing anchors after saving ${e.document.uri} failed: ${String(err)}`)));
  // An article that left the index (deleted, renamed, out of the include globs) loses its state and its diagnostics.
  const departures = index.onDidChange((change) => {
    for (const uri of change.uris) if (!index.document(uri)) annotations.forget(uri);
  });
  connection.onShutdown(() => {
    departures.dispose();
    annotations.dispose();
  });

  connection.onRequest(DocumentAnnotationsRequest.method, (params: AnnotationDocumentParams, token) =>
    runSafe<DocumentAnnotations>(console, `the annotations of ${params.uri}`, { uri: params.uri, annotations: [], pending: 0 }, token, () => annotations.documentAnnotations(params.uri)),
  );
  connection.onRequest(EntityChoicesRequest.method, (params: { limit?: number } | undefined, token) =>
    runSafe<readonly EntityChoice[]>(console, 'the entity choices', [], token, () =>
      index.entities({ sort: 'count' }).slice(0, params?.limit ?? 500).map((e) => ({ name: e.name, type: e.type, aliases: e.aliases })),
    ),
  );

  // The commands are not wrapped in runSafe: a failure must reach the analyst, not look like success.
  connection.onRequest(TagSelectionRequest.method, async (p: TagSelectionParams): Promise<AnnotationEditResult> => {
    const t = await spanTarget(annotations, p);
    const type = p.type.trim();
    if (!type) throw new Error('The annotation type is empty.');
    const edit = tagSelection(t.text, p.start, p.end, { type, ...optional('entity', p.entity), ...optional('note', p.note), ...optional('author', p.author) }, annotations.env);
    return annotations.edit(p.uri, [edit], edit.kind === 'add' ? edit.annotation.id : undefined);
  });
  connection.onRequest(UpdateAnnotationRequest.method, async (p: UpdateAnnotationParams): Promise<AnnotationEditResult> => {
    const found = await annotations.find(p.uri, p.id);
    if (!found) return { status: 'notFound', message: 'The annotation is no longer in its sidecar.', pending: 0 };
    const changes: { -readonly [K in keyof AnnotationChanges]: AnnotationChanges[K] } = {};
    if (p.type !== undefined && p.type.trim()) changes.type = p.type.trim();
    if (p.entity !== undefined) changes.entity = p.entity === null || !p.entity.trim() ? null : p.entity.trim();
    if (p.note !== undefined) changes.note = p.note === null || !p.note.trim() ? null : p.note;
    return annotations.edit(p.uri, [changeAnnotation(found.annotation, changes, annotations.env)], p.id);
  });
  connection.onRequest(ConfirmSuggestionRequest.method, async (params: SuggestionParams): Promise<AnnotationEditResult> => {
    const p = atSuggestion(params);
    const t = await spanTarget(annotations, p);
    const type = p.type ?? index.entityAt(p.uri, p.start)?.mention.type;
    if (!type) throw new Error('There is no suggestion to confirm here.');
    const edit = confirmSuggestion(t.text, p.start, p.end, { type, ...optional('author', p.author) }, annotations.env);
    return annotations.edit(p.uri, [edit], edit.kind === 'add' ? edit.annotation.id : undefined);
  });
  connection.onRequest(RejectSuggestionRequest.method, async (params: RejectParams): Promise<AnnotationEditResult> => {
    const p = atSuggestion(params);
    const t = await spanTarget(annotations, p);
    const type = p.type ?? index.entityAt(p.uri, p.start)?.mention.type;
    const edit = rejectSuggestion(t.text, p.start, p.end, { scope: p.scope === 'here' ? 'here' : 'everywhere', ...optional('type', type), ...optional('author', p.author) }, annotations.env);
    return annotations.edit(p.uri, [edit], edit.kind === 'addRejection' ? edit.rejection.id : undefined);
  });
  connection.onRequest(ReattachAnnotationRequest.method, async (p: ReattachParams): Promise<AnnotationEditResult> => {
    const t = await spanTarget(annotations, p);
    const found = await annotations.find(p.uri, p.id);
    if (!found) return { status: 'notFound', message: 'The annotation is no longer in its sidecar.', pending: 0 };
    return annotations.edit(p.uri, [reattachAnnotation(found.annotation, t.text, p.start, p.end, annotations.env)], p.id);
  });

  /** An empty span means the recognizer's suggestion under the cursor (the command run from the palette). */
  function atSuggestion<P extends SuggestionParams>(p: P): P {
    if (p.end > p.start) return p;
    const hit = index.entityAt(p.uri, p.start);
    if (!hit) throw new Error('There is no recognized name under the cursor.');
    return { ...p, start: hit.mention.start, end: hit.mention.end, type: p.type ?? hit.mention.type };
  }

  connection.onCodeAction((params, token) =>
    runSafe<CodeAction[]>(console, `code actions for ${params.textDocument.uri}`, [], token, async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const span = toSpan(doc, params.range);
      const hit = index.entityAt(doc.uri, span.start);
      const listed = hit || span.end > span.start ? (await annotations.documentAnnotations(doc.uri)).annotations : [];
      return annotationCodeActions(doc.uri, span, hit, listed, params.context.diagnostics);
    }),
  );

  return {
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    // Saves refresh the stored anchors, so the server asks for didSave (the rest as startServer declares it).
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
  };
}

/** The article's text for a span command, after checking the span. */
async function spanTarget(annotations: AnnotationService, p: AnnotationSpanParams): Promise<{ text: string }> {
  const t = await annotations.target(p.uri);
  if (!t) throw new Error('Only article files on disk can be annotated.');
  if (!(Number.isInteger(p.start) && Number.isInteger(p.end) && p.start >= 0 && p.end <= t.text.length && p.start < p.end)) {
    throw new Error('Select the text to annotate first.');
  }
  if (!t.text.slice(p.start, p.end).trim()) throw new Error('The selection holds only white space.');
  return t;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value !== undefined && value.trim() ? { [key]: value } : {}) as { [P in K]?: string };
}
