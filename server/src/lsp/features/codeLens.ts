import { storyCodeLenses } from '../../core/features/codeLens';
import { toRange } from '../convert';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

/** A lens above each story headline: its date and how many entities of each type it names. */
export const codeLensFeature: Feature = (services) => {
  services.connection.onCodeLens((params, token) =>
    runSafe(services.connection.console, `code lenses for ${params.textDocument.uri}`, [], token, () => {
      const doc = services.documents.get(params.textDocument.uri);
      if (!doc) return [];
      return storyCodeLenses(services.index, doc.uri).map((lens) => ({
        range: toRange(doc, lens.span),
        // A lens without a command renders as plain text; this one reveals the story in the outline.
        command: { title: lens.title, command: '' },
      }));
    }),
  );
  return { codeLensProvider: { resolveProvider: false } };
};
