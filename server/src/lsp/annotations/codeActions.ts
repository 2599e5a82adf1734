import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { EntityHit } from '../../core/index/indexTypes';
import type { EditorAnnotation } from '../../protocol';

/** Client command ids the code actions run (contributed by the client's annotations module). */
export const AnnotationCommands = {
  confirm: 'dossier.confirmSuggestion',
  reject: 'dossier.rejectSuggestion',
  reattach: 'dossier.reattachAnnotation',
} as const;

/** The argument of a Confirm / Reject code action's command. */
export interface SuggestionArgs {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly scope?: 'here' | 'everywhere';
}

/** The argument of a Re-attach quick fix's command. */
export interface ReattachArgs {
  readonly uri: string;
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The annotation code actions at a place: Confirm / Reject (here, everywhere)
 * on a recognizer suggestion the analyst has not confirmed, and for orphaned
 * annotations a quick fix that re-attaches them to the (non-empty) selection.
 * Each runs a client command, which adds the author and reports the outcome.
 */
export function annotationCodeActions(
  uri: string,
  selection: { readonly start: number; readonly end: number },
  hit: EntityHit | undefined,
  annotations: readonly EditorAnnotation[],
  diagnostics: readonly Diagnostic[],
): CodeAction[] {
  const actions: CodeAction[] = [];
  if (hit && !hit.mention.confirmed && hit.mention.origin !== 'analyst') {
    const m = hit.mention;
    const label = quoteOf(m.text);
    const args = (scope?: 'here' | 'everywhere'): SuggestionArgs => ({ uri, start: m.start, end: m.end, type: m.type, ...(scope ? { scope } : {}) });
    actions.push(
      { title: `Confirm ${label} as ${m.type}`, kind: CodeActionKind.QuickFix, command: { title: 'Confirm', command: AnnotationCommands.confirm, arguments: [args()] } },
      { title: `Reject ${label} here`, kind: CodeActionKind.QuickFix, command: { title: 'Reject here', command: AnnotationCommands.reject, arguments: [args('here')] } },
      { title: `Reject ${label} everywhere`, kind: CodeActionKind.QuickFix, command: { title: 'Reject everywhere', command: AnnotationCommands.reject, arguments: [args('everywhere')] } },
    );
  }
  if (selection.end > selection.start) {
    for (const a of annotations) {
      if (a.status !== 'orphaned') continue;
      const diagnostic = diagnostics.find((d) => d.code === 'annotation.orphaned' && (d.data as { annotationId?: string } | undefined)?.annotationId === a.id);
      const args: ReattachArgs = { uri, id: a.id, start: selection.start, end: selection.end };
      actions.push({
        title: `Re-attach the ${a.type} annotation on ${quoteOf(a.quote)} to the selection`,
        kind: CodeActionKind.QuickFix,
        ...(diagnostic ? { diagnostics: [diagnostic], isPreferred: true } : {}),
        command: { title: 'Re-attach', command: AnnotationCommands.reattach, arguments: [args] },
      });
    }
  }
  return actions;
}

function quoteOf(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return `“${one.length > 40 ? `${one.slice(0, 39)}…` : one}”`;
}
