import type { Location, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LinkTarget } from '../core/index/documentAnalysis';
import { toRange } from './convert';
import type { Services } from './services';

/**
 * Offsets in any indexed document (open or not) to LSP ranges. Open
 * documents use the editor's text; closed ones the indexed text, whose line
 * table is built once per content and kept while the content stays the same.
 */
export class Locations {
  private readonly closed = new Map<string, TextDocument>();

  constructor(private readonly services: Pick<Services, 'documents' | 'index'>) {}

  /** The document to convert offsets with, or undefined when the index does not know the uri. */
  document(uri: string): TextDocument | undefined {
    const open = this.services.documents.get(uri);
    if (open) return open;
    const text = this.services.index.textOf(uri);
    if (text === undefined) {
      this.closed.delete(uri);
      return undefined;
    }
    let doc = this.closed.get(uri);
    if (!doc || doc.getText() !== text) {
      doc = TextDocument.create(uri, 'news-article', 0, text);
      this.closed.set(uri, doc);
    }
    return doc;
  }

  range(target: LinkTarget): Range | undefined {
    const doc = this.document(target.uri);
    return doc && toRange(doc, target);
  }

  location(target: LinkTarget): Location | undefined {
    const range = this.range(target);
    return range && { uri: target.uri, range };
  }

  /** A link for markdown (hovers): the document URI with a 1-based `#Lline,column` fragment. */
  link(target: LinkTarget): string {
    const range = this.range(target);
    if (!range) return target.uri;
    return `${target.uri}#L${range.start.line + 1},${range.start.character + 1}`;
  }
}
