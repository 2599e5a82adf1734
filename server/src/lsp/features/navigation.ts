import { DocumentHighlightKind, SymbolKind, type Location, type WorkspaceSymbol } from 'vscode-languageserver';
import { findDefinition } from '../../core/features/definition';
import { documentHighlights } from '../../core/features/documentHighlights';
import { findReferences } from '../../core/features/references';
import { workspaceSymbols } from '../../core/features/workspaceSymbols';
import type { EntityType } from '../../core/recognize/model';
import { toRange } from '../convert';
import type { Feature } from '../feature';
import { Locations } from '../locations';
import { runSafe } from '../runSafe';

const ENTITY_SYMBOL_KIND: Record<EntityType, SymbolKind> = {
  person: SymbolKind.Variable,
  organization: SymbolKind.Class,
  location: SymbolKind.Module,
  misc: SymbolKind.EnumMember,
};

/** References, definition, document highlights and workspace symbols: all answered from the index. */
export const navigationFeature: Feature = (services) => {
  const { connection, documents, index } = services;
  const locations = new Locations(services);
  const log = connection.console;

  connection.onReferences((params, token) =>
    runSafe<Location[]>(log, `references for ${params.textDocument.uri}`, [], token, () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      return findReferences(index, doc.uri, doc.offsetAt(params.position), { includeDeclaration: params.context.includeDeclaration })
        .map((t) => locations.location(t))
        .filter((l): l is Location => l !== undefined);
    }),
  );

  connection.onDefinition((params, token) =>
    runSafe<Location | null>(log, `definition for ${params.textDocument.uri}`, null, token, () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const target = findDefinition(index, doc.uri, doc.offsetAt(params.position));
      return (target && locations.location(target)) ?? null;
    }),
  );

  connection.onDocumentHighlight((params, token) =>
    runSafe(log, `document highlights for ${params.textDocument.uri}`, [], token, () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      return documentHighlights(index, doc.uri, doc.offsetAt(params.position)).map((h) => ({
        range: toRange(doc, h),
        kind: h.kind === 'write' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
      }));
    }),
  );

  connection.onWorkspaceSymbol((params, token) =>
    runSafe<WorkspaceSymbol[]>(log, 'workspace symbols', [], token, () =>
      workspaceSymbols(index, params.query).flatMap((item) => {
        const location = locations.location(item.location);
        if (!location) return [];
        return [{
          name: item.name,
          kind: item.kind === 'story' ? SymbolKind.File : ENTITY_SYMBOL_KIND[item.entityType ?? 'misc'],
          containerName: item.detail,
          location,
        }];
      }),
    ),
  );

  return { referencesProvider: true, definitionProvider: true, documentHighlightProvider: true, workspaceSymbolProvider: true };
};
