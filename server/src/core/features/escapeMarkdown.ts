/**
 * Escaping of article text for Markdown hovers. Article text is untrusted (it
 * is scraped from the web): it must not be able to create links (`[x](…)`,
 * autolinks), run commands (`command:` links), embed HTML or images, or
 * change the layout (headings, lists, tables, code blocks, line breaks).
 */

/** Characters that could open or close Markdown or HTML constructs: every ASCII punctuation. */
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/**
 * Control characters, bidirectional overrides and isolates (which can make a
 * text display differently from what it is) and zero-width characters.
 */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Escapes `text` so that Markdown renders it literally, on one line: every
 * ASCII punctuation character gets a backslash (CommonMark allows escaping
 * all of them), so no link, image, HTML tag, emphasis, heading, table,
 * autolink (`https\://`) or entity (`\&amp;`) can form; line breaks, tabs and
 * runs of spaces become one space (no block structure can start); control,
 * bidi-override and zero-width characters are removed. When `maxLength` is
 * given, the text is shortened (on the raw text, never cutting an escape)
 * and ends with an ellipsis.
 */
export function escapeMarkdown(text: string, maxLength?: number): string {
  const s = shorten(text.replace(INVISIBLE, '').replace(/[\s\u2028\u2029]+/g, ' ').trim(), maxLength);
  return s.replace(PUNCTUATION, (c) => '\\' + c);
}

/**
 * `escapeMarkdown` for a text whose line breaks matter (an analyst's note): each
 * line is escaped on its own and kept as a line of the same paragraph (a Markdown
 * hard break), and blank lines separate paragraphs. Every line is escaped as a
 * whole, so no line can start a heading, list, quote or code block.
 * `maxLength` shortens the raw text, as in `escapeMarkdown`.
 */
export function escapeMarkdownLines(text: string, maxLength?: number): string {
  const s = shorten(text.replace(INVISIBLE, '').trim(), maxLength);
  const paragraphs: string[] = [];
  for (const para of s.split(/\r?\n[ \t]*(?:\r?\n[ \t]*)+/)) {
    const lines = para.split(/\r\n|[\n\r\u2028\u2029]/).map((line) => escapeMarkdown(line)).filter((line) => line !== '');
    if (lines.length) paragraphs.push(lines.join('\\\n'));
  }
  return paragraphs.join('\n\n');
}

/** `s` cut to `maxLength` characters (never inside a surrogate pair), ending with an ellipsis when cut. */
function shorten(s: string, maxLength: number | undefined): string {
  if (maxLength === undefined || s.length <= maxLength) return s;
  let cut = s.slice(0, Math.max(0, maxLength - 1));
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd() + '\u2026';
}

/** URI schemes a hover link may use; anything else (`command:`, `javascript:`…) is not linked. */
const SAFE_SCHEMES = /^(file|untitled|vscode-notebook-cell|vscode-vfs|vscode-remote|https?):/i;

/**
 * Makes a link destination safe inside `[text](destination)`: characters that
 * could end the destination or start a title are percent-encoded. Returns
 * undefined for a scheme that is not allowed, so the caller renders the
 * text without a link.
 */
export function safeLinkDestination(url: string): string | undefined {
  if (!SAFE_SCHEMES.test(url)) return undefined;
  return url.replace(/[\s()<>[\]\\"'`\u0000-\u001f\u007f]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/** A Markdown link whose text is escaped and whose destination is checked; plain escaped text when the link is unsafe. */
export function markdownLink(text: string, url: string | undefined, maxLength?: number): string {
  const label = escapeMarkdown(text, maxLength);
  const dest = url === undefined ? undefined : safeLinkDestination(url);
  return dest === undefined ? label : `[${label}](${dest})`;
}
