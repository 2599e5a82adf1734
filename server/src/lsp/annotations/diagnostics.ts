import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnnotationProblem } from '../../core/annotations/resolve';
import type { Problem } from '../../core/text/problem';
import { toRange } from '../convert';

const SEVERITY: Record<Problem['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * A core problem as an LSP diagnostic, positioned with `doc`'s line table.
 * An annotation problem carries its `annotationId` in `data`, so the
 * re-attach quick fix knows which annotation it is about.
 */
export function toDiagnostic(doc: TextDocument, problem: Problem | AnnotationProblem): Diagnostic {
  const length = doc.getText().length;
  const start = Math.min(Math.max(0, problem.start), length);
  const end = Math.min(Math.max(start, problem.end), length);
  return {
    range: toRange(doc, { start, end }),
    severity: SEVERITY[problem.severity] ?? DiagnosticSeverity.Warning,
    source: 'dossier',
    code: problem.code,
    message: problem.message,
    ...('annotationId' in problem ? { data: { annotationId: problem.annotationId } } : {}),
  };
}

/** Diagnostics for problems with offsets into `text` (a closed article, a sidecar file). */
export function diagnosticsFor(uri: string, text: string, problems: readonly (Problem | AnnotationProblem)[]): Diagnostic[] {
  if (problems.length === 0) return [];
  const doc = TextDocument.create(uri, 'plaintext', 0, text);
  return problems.map((p) => toDiagnostic(doc, p));
}
