import type { SemanticTokens } from 'vscode-languageserver';
import { lineStarts, semanticTokens, splitTokensAtLines } from '../../core/features/semanticTokens';
import { TOKEN_LEGEND, tokenTypeIndex, TOKEN_MODIFIERS } from '../../core/features/tokenLegend';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

const EMPTY: SemanticTokens = { data: [] };

/**
 * Semantic highlighting of entities, dates, annotations and boilerplate. The
 * core gives absolute tokens; they are split at line ends and delta-encoded
 * here, at the LSP edge. When the index changes, the client is asked to
 * refresh so other open articles pick up new cross-story knowledge.
 */
export const semanticTokensFeature: Feature = (services) => {
  services.connection.languages.semanticTokens.on((params, token) =>
    runSafe(services.connection.console, `semantic tokens for ${params.textDocument.uri}`, EMPTY, token, () => {
      const doc = services.documents.get(params.textDocument.uri);
      if (!doc) return EMPTY;
      // The index may lag the editor by one event: bring it to the editor's version first.
      services.index.set(doc.uri, doc.getText(), doc.version);
      const text = doc.getText();
      const tokens = semanticTokens(services.index, doc.uri, { enabled: services.settings.value.highlights });
      return { data: encode(splitTokensAtLines(tokens, lineStarts(text), text)) };
    }),
  );
  services.settings.onDidChange(() => services.connection.languages.semanticTokens.refresh());
  // Annotations and analyst knowledge change tokens without an edit of the document itself.
  let timer: NodeJS.Timeout | undefined;
  services.index.onDidChange((change) => {
    if (!change.annotationsChanged) return;
    clearTimeout(timer);
    timer = setTimeout(() => services.connection.languages.semanticTokens.refresh(), 100);
  });
  return {
    semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_LEGEND.tokenTypes], tokenModifiers: [...TOKEN_LEGEND.tokenModifiers] }, full: true },
  };
};

/** LSP's relative encoding: five integers a token, line and start relative to the previous token. */
function encode(tokens: ReturnType<typeof splitTokensAtLines>): number[] {
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const t of tokens) {
    const deltaLine = t.line - prevLine;
    const deltaChar = deltaLine === 0 ? t.character - prevChar : t.character;
    let mods = 0;
    for (const m of t.modifiers) mods |= 1 << TOKEN_MODIFIERS.findIndex((x) => x.kind === m);
    data.push(deltaLine, deltaChar, t.length, tokenTypeIndex(t.type), mods);
    prevLine = t.line;
    prevChar = t.character;
  }
  return data;
}
