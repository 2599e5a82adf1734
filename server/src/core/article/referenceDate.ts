import type { Problem } from '../text/problem';
import type { ReferenceDate, StoryPart } from './model';
import { findFirstDate, isoDay, monthNumber } from './dates';
import type { DateLineReading } from './dateLines';

/** What the reference-date step needs to know about one story. */
export interface DateEvidence {
  readonly parts: readonly StoryPart[];
  /** The reading of each `dateLine` part of `parts`, in their order. */
  readonly dateLines: readonly DateLineReading[];
  readonly datelineDate: { readonly text: string; readonly start: number } | undefined;
  /** Span used to locate problems about this story (its headline or first part). */
  readonly anchor: { readonly start: number; readonly end: number };
  readonly headline: string;
}

/** How far into a story's body we look for a date before giving up (characters). */
const BODY_SCAN_LIMIT = 20_000;

/** What the date lines say: a calendar day, or only that the story is fresh. One object shape either way. */
interface DateLineVerdict { readonly date: ReferenceDate | undefined; readonly relative: StoryPart | undefined }

function fromDateLine(ev: DateEvidence): DateLineVerdict {
  let relative: StoryPart | undefined;
  let dateLine = 0;
  for (let i = 0; i < ev.parts.length; i++) {
    const p = ev.parts[i]!;
    if (p.kind !== 'dateLine') continue;
    const r = ev.dateLines[dateLine++];
    if (r?.kind === 'absolute') {
      return { date: { value: r.iso, source: 'dateLine', span: { start: p.start + r.index, end: p.start + r.index + r.length } }, relative: undefined };
    }
    if (r?.kind === 'relative' && relative === undefined) relative = p;
  }
  return { date: undefined, relative };
}

function fromParts(text: string, parts: readonly StoryPart[], kinds: ReadonlySet<string>, source: ReferenceDate['source']): ReferenceDate | undefined {
  let scanned = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (!kinds.has(p.kind)) continue;
    const s = text.slice(p.start, p.end);
    const d = findFirstDate(s);
    if (d) return { value: d.iso, source, span: { start: p.start + d.index, end: p.start + d.index + d.length } };
    scanned += s.length;
    if (scanned > BODY_SCAN_LIMIT) break;
  }
  return undefined;
}

/**
 * A dateline date such as `Jan 19` has no year: take it from the file date,
 * stepping back a year when that would put the story after the file.
 */
function fromDatelineDate(ev: DateEvidence, fileDate: string | undefined): ReferenceDate | undefined {
  const dd = ev.datelineDate;
  if (!dd) return undefined;
  const m = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/.exec(dd.text);
  if (!m) return undefined;
  const month = monthNumber(m[1]!);
  if (month === undefined) return undefined;
  let year = m[3] !== undefined ? +m[3] : fileDate !== undefined ? +fileDate.slice(0, 4) : undefined;
  if (year === undefined) return undefined;
  let iso = isoDay(year, month, +m[2]!);
  if (iso !== undefined && m[3] === undefined && fileDate !== undefined && iso > fileDate) {
    year -= 1;
    iso = isoDay(year, month, +m[2]!);
  }
  return iso === undefined ? undefined : { value: iso, source: 'dateline', span: { start: dd.start, end: dd.start + dd.text.length } };
}

const CAPTION = new Set(['caption']);
const BODY = new Set(['paragraph', 'standfirst', 'bullet']);

/**
 * Works out each story's reference date, in order of trust: an absolute date
 * line; failing that (and only when there is no date line at all) a caption
 * date, the dateline date, a full date in the body. A relative date line
 * (`Updated 14 sec ago`) says the story is fresh, so older dates quoted in
 * its caption or body are not used: it takes the previous story's date, else
 * the file date, and an `info` problem says so.
 */
export function resolveReferenceDates(
  text: string,
  stories: readonly DateEvidence[],
  fileDate: string | undefined,
  problems: Problem[],
): Array<ReferenceDate | undefined> {
  const out: Array<ReferenceDate | undefined> = [];
  let previous: ReferenceDate | undefined;
  for (const ev of stories) {
    const dl = fromDateLine(ev);
    let date = dl.date;
    if (!date && !dl.relative) {
      date = fromParts(text, ev.parts, CAPTION, 'caption') ?? fromDatelineDate(ev, fileDate) ?? fromParts(text, ev.parts, BODY, 'body');
    }
    if (!date) {
      const where = dl.relative ?? ev.anchor;
      const why = dl.relative
        ? `its date line "${text.slice(dl.relative.start, dl.relative.end)}" gives no calendar day`
        : 'it has no date line and no full date in its caption or body';
      const name = ev.headline ? `Story "${ev.headline.slice(0, 60)}"` : 'A story';
      if (previous) {
        date = { value: previous.value, source: 'previousStory' };
        problems.push({ start: where.start, end: where.end, severity: 'info', code: 'article.date-from-previous-story',
          message: `${name}: ${why}; using the previous story's date ${previous.value}.` });
      } else if (fileDate !== undefined) {
        date = { value: fileDate, source: 'fileTime' };
        problems.push({ start: where.start, end: where.end, severity: 'info', code: 'article.date-from-file-time',
          message: `${name}: ${why}; using the file's modification day ${fileDate}.` });
      } else {
        problems.push({ start: where.start, end: where.end, severity: 'warning', code: 'article.no-date',
          message: `${name}: ${why}, and no file date was given; relative dates in it cannot be resolved.` });
      }
    }
    out.push(date);
    if (date) previous = date;
  }
  return out;
}
