import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ArticleModel } from '../core/article/model';
import { parseArticle } from '../core/article/parseArticle';
import type { Problem } from '../core/text/problem';

/** A document's parse for one version. */
export interface ParsedArticle {
  readonly version: number;
  readonly model: ArticleModel;
  readonly problems: readonly Problem[];
}

/**
 * Parses each open document once per version: the outline, folding, selection
 * and token handlers of one keystroke share a single parse.
 */
export class ParsedArticles {
  private readonly cache = new Map<string, ParsedArticle>();

  get(doc: TextDocument): ParsedArticle {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const { value, problems } = parseArticle(doc.getText());
    const parsed = { version: doc.version, model: value, problems };
    this.cache.set(doc.uri, parsed);
    return parsed;
  }

  /** Forgets a closed document. */
  delete(uri: string): void {
    this.cache.delete(uri);
  }
}
