/**
 * Text helpers for tree labels and tooltips: Markdown escaping (article text
 * is untrusted: a hostile article must not inject links or markup into a
 * tooltip), shortening, English day and month names that do not depend on the
 * machine's locale, and plurals.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Escapes every character Markdown (and the HTML it may contain) gives a meaning to. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&"':=$]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** Collapses whitespace and shortens to `max` characters with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** `3 stories`, `1 story`. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Parses `YYYY-MM-DD` (or `YYYY-MM`) into its numbers; undefined when malformed. */
function parts(iso: string): { y: number; m: number; d?: number } | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return { y: Number(m[1]), m: month, d: m[3] === undefined ? undefined : Number(m[3]) };
}

/** `2024-01` or `2024-01-19` -> `January 2024`; the input itself when malformed. */
export function monthLabel(iso: string): string {
  const p = parts(iso);
  return p ? `${MONTHS[p.m - 1]} ${p.y}` : iso;
}

/** `2024-01-19` -> `Friday 19 January 2024`; the input itself when malformed. */
export function dayLabel(iso: string): string {
  const p = parts(iso);
  if (!p || p.d === undefined) return iso;
  const weekday = new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay();
  return `${WEEKDAYS[weekday]} ${p.d} ${MONTHS[p.m - 1]} ${p.y}`;
}

/** `2024-01-19` -> `19 Jan 2024`; the input itself when malformed. */
export function shortDate(iso: string): string {
  const p = parts(iso);
  if (!p || p.d === undefined) return iso;
  return `${p.d} ${MONTHS[p.m - 1]!.slice(0, 3)} ${p.y}`;
}

/** The last path segment of a URI, decoded (`file:///w/a%20b.txt` -> `a b.txt`). */
export function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
