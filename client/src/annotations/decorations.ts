import * as vscode from 'vscode';
import type { DocumentAnnotations } from '../../../server/src/protocol';

/**
 * Decorations of annotated spans, distinct from the recognizer's semantic
 * highlights (which colour the text): a tinted background and an underline,
 * from theme colours contributed in package.json so every theme can tune
 * them. Approximate matches get a dashed underline; orphans have no span.
 */
export class AnnotationDecorations implements vscode.Disposable {
  private readonly exact = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('dossier.annotationBackground'),
    borderColor: new vscode.ThemeColor('dossier.annotationBorder'),
    borderStyle: 'none none solid none',
    borderWidth: '0 0 1px 0',
    overviewRulerColor: new vscode.ThemeColor('dossier.annotationBorder'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly fuzzy = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('dossier.annotationBackground'),
    borderColor: new vscode.ThemeColor('dossier.annotationFuzzyBorder'),
    borderStyle: 'none none dashed none',
    borderWidth: '0 0 1px 0',
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly byUri = new Map<string, DocumentAnnotations>();

  /** The annotations last received for a document. */
  get(uri: string): DocumentAnnotations | undefined {
    return this.byUri.get(uri);
  }

  /** Takes the server's annotations of a document and redraws its visible editors. */
  update(annotations: DocumentAnnotations): void {
    this.byUri.set(annotations.uri, annotations);
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === annotations.uri) this.apply(editor);
    }
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  /** Draws the known annotations of an editor's document (nothing when unknown). */
  apply(editor: vscode.TextEditor): void {
    const known = this.byUri.get(editor.document.uri.toString());
    const doc = editor.document;
    const exact: vscode.DecorationOptions[] = [];
    const fuzzy: vscode.DecorationOptions[] = [];
    const length = doc.getText().length; // once: getText copies the whole document
    for (const a of known?.annotations ?? []) {
      if (a.status === 'orphaned' || a.end <= a.start || a.end > length) continue;
      const range = new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end));
      (a.status === 'fuzzy' ? fuzzy : exact).push({ range });
    }
    editor.setDecorations(this.exact, exact);
    editor.setDecorations(this.fuzzy, fuzzy);
  }

  dispose(): void {
    this.exact.dispose();
    this.fuzzy.dispose();
    this.byUri.clear();
  }
}
