import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange, type SelectionRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { foldingRanges } from '../../core/features/folding';
import { selectionRanges, type ArticleSelectionRange } from '../../core/features/selectionRanges';
import { documentSymbols, type ArticleSymbol, type ArticleSymbolKind } from '../../core/features/symbols';
import { toRange } from '../convert';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

/** Outline icons: a story is a namespace of parts; each part gets the icon closest to its role. */
const SYMBOL_KINDS: Record<ArticleSymbolKind, SymbolKind> = {
  story: SymbolKind.Namespace,
  headline: SymbolKind.String,
  standfirst: SymbolKind.String,
  caption: SymbolKind.File,
  dateLine: SymbolKind.Event,
  byline: SymbolKind.Property,
  bullet: SymbolKind.Key,
  dateline: SymbolKind.Event,
  paragraph: SymbolKind.Field,
  subheading: SymbolKind.String,
  source: SymbolKind.Constant,
  boilerplate: SymbolKind.Null,
};

/** The article's structure: outline (stories and their parts), folding, smart selection. */
export const structureFeature: Feature = (services) => {
  const { connection, documents, parsed } = services;
  const log = connection.console;

  connection.onDocumentSymbol((params, token) =>
    runSafe<DocumentSymbol[]>(log, `document symbols for ${params.textDocument.uri}`, [], token, () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      return documentSymbols(parsed.get(doc).model, doc.getText()).map((s) => toDocumentSymbol(doc, s));
    }),
  );

  connection.onFoldingRanges((params, token) =>
    runSafe<FoldingRange[]>(log, `folding ranges for ${params.textDocument.uri}`, [], token, () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      return foldingRanges(parsed.get(doc).model, doc.getText()).flatMap((f) => {
        const startLine = doc.positionAt(f.start).line;
        const endLine = doc.positionAt(Math.max(f.start, f.end - 1)).line;
        if (endLine <= startLine) return [];
        return [{ startLine, endLine, kind: f.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region }];
      });
    }),
  );

  connection.onSelectionRanges((params, token) =>
    runSafe<SelectionRange[]>(log, `selection ranges for ${params.textDocument.uri}`, [], token, () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const offsets = params.positions.map((p) => doc.offsetAt(p));
      return selectionRanges(parsed.get(doc).model, doc.getText(), offsets).map((r) => toSelectionRange(doc, r));
    }),
  );

  return { documentSymbolProvider: { label: 'Stories' }, foldingRangeProvider: true, selectionRangeProvider: true };
};

function toDocumentSymbol(doc: TextDocument, s: ArticleSymbol): DocumentSymbol {
  return {
    name: s.name || ' ', // VS Code rejects empty symbol names
    detail: s.detail,
    kind: SYMBOL_KINDS[s.kind] ?? SymbolKind.Field,
    range: toRange(doc, s),
    selectionRange: toRange(doc, { start: s.selectionStart, end: s.selectionEnd }),
    children: s.children.map((c) => toDocumentSymbol(doc, c)),
  };
}

function toSelectionRange(doc: TextDocument, r: ArticleSelectionRange): SelectionRange {
  return { range: toRange(doc, r), parent: r.parent && toSelectionRange(doc, r.parent) };
}
