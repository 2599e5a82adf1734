/**
 * The one semantic-token legend of Dossier. Token ids are global in VS Code,
 * so each is prefixed `dossier`; each has a standard `superType` (so every
 * theme colours it, distinctly in the default light and dark themes) and
 * TextMate fallback scopes. `package.json` contributes exactly
 * {@link tokenContributions} (a unit test compares them).
 */

/** What a highlighted span is. */
export type TokenKind = 'person' | 'organization' | 'location' | 'misc' | 'date' | 'boilerplate' | 'annotation';

/** Extra facts about a highlighted span. */
export type TokenModifierKind = 'confirmed';

/** One token type as contributed to VS Code. */
export interface TokenTypeEntry {
  readonly kind: TokenKind;
  readonly id: string;
  readonly superType: string;
  readonly description: string;
  readonly scopes: readonly string[];
}

/** One token modifier as contributed to VS Code. */
export interface TokenModifierEntry {
  readonly kind: TokenModifierKind;
  readonly id: string;
  readonly description: string;
}

/** Token types in legend order (the order is the LSP legend's index). */
export const TOKEN_TYPES: readonly TokenTypeEntry[] = [
  { kind: 'person', id: 'dossierPerson', superType: 'variable', description: 'A person named in an article.', scopes: ['variable.other.person.news-article', 'variable.other.readwrite'] },
  { kind: 'organization', id: 'dossierOrganization', superType: 'class', description: 'An organization named in an article.', scopes: ['entity.name.type.organization.news-article', 'entity.name.type'] },
  { kind: 'location', id: 'dossierLocation', superType: 'function', description: 'A place named in an article.', scopes: ['entity.name.function.location.news-article', 'entity.name.function'] },
  { kind: 'misc', id: 'dossierMisc', superType: 'enumMember', description: 'A nationality, group or event named in an article.', scopes: ['variable.other.enummember.misc.news-article', 'variable.other.enummember', 'constant.other'] },
  { kind: 'date', id: 'dossierDate', superType: 'number', description: 'A date expression in an article.', scopes: ['constant.numeric.date.news-article', 'constant.numeric'] },
  { kind: 'boilerplate', id: 'dossierBoilerplate', superType: 'comment', description: 'Site and social-media boilerplate in a scraped article.', scopes: ['comment.block.boilerplate.news-article', 'comment'] },
  { kind: 'annotation', id: 'dossierAnnotation', superType: 'decorator', description: 'A span the analyst annotated.', scopes: ['meta.annotation.news-article', 'entity.name.function.decorator', 'markup.underline'] },
];

/** Token modifiers in legend order (bit i of the LSP modifier mask). */
export const TOKEN_MODIFIERS: readonly TokenModifierEntry[] = [
  { kind: 'confirmed', id: 'dossierConfirmed', description: 'Confirmed by an analyst (not only a recognizer guess).' },
];

/** The LSP legend: `SemanticTokensLegend` for the server capabilities. */
export const TOKEN_LEGEND: { readonly tokenTypes: readonly string[]; readonly tokenModifiers: readonly string[] } = {
  tokenTypes: TOKEN_TYPES.map((t) => t.id),
  tokenModifiers: TOKEN_MODIFIERS.map((m) => m.id),
};

/** Legend index of a token kind. */
export function tokenTypeIndex(kind: TokenKind): number {
  return TOKEN_TYPES.findIndex((t) => t.kind === kind);
}

/** LSP modifier bit mask of a set of modifiers. */
export function tokenModifierMask(modifiers: readonly TokenModifierKind[]): number {
  let mask = 0;
  for (const m of modifiers) {
    const i = TOKEN_MODIFIERS.findIndex((e) => e.kind === m);
    if (i >= 0) mask |= 1 << i;
  }
  return mask;
}

/** The `contributes` entries `package.json` must hold for the legend. */
export function tokenContributions(): {
  semanticTokenTypes: Array<{ id: string; superType: string; description: string }>;
  semanticTokenModifiers: Array<{ id: string; description: string }>;
  semanticTokenScopes: Array<{ scopes: Record<string, string[]> }>;
} {
  return {
    semanticTokenTypes: TOKEN_TYPES.map((t) => ({ id: t.id, superType: t.superType, description: t.description })),
    semanticTokenModifiers: TOKEN_MODIFIERS.map((m) => ({ id: m.id, description: m.description })),
    semanticTokenScopes: [{ scopes: Object.fromEntries(TOKEN_TYPES.map((t) => [t.id, [...t.scopes]])) }],
  };
}
