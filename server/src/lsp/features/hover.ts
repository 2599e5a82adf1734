import { MarkupKind, type Hover } from 'vscode-languageserver';
import { computeHover } from '../../core/features/hover';
import { toRange } from '../convert';
import type { Feature } from '../feature';
import { Locations } from '../locations';
import { runSafe } from '../runSafe';

/** Hover cards: entity with cross-story context, date with its ISO day, annotation with its note. */
export const hoverFeature: Feature = (services) => {
  const locations = new Locations(services);
  services.connection.onHover((params, token) =>
    runSafe<Hover | null>(services.connection.console, `hover for ${params.textDocument.uri}`, null, token, () => {
      const doc = services.documents.get(params.textDocument.uri);
      if (!doc) return null;
      const result = computeHover(services.index, doc.uri, doc.offsetAt(params.position), {
        link: (target) => locations.link(target),
        maxStories: services.settings.value.hover.maxStories,
      });
      if (!result) return null;
      return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(doc, result.span) };
    }),
  );
  return { hoverProvider: true };
};
