import { recognizeDates } from '../../core/recognize/dates/recognizeDates';

/** `text → value` for each mention found, for compact assertions. */
export function found(text: string, ref: string | undefined = '2024-01-19'): string[] {
  return recognizeDates(text, ref).map((m) => `${m.text} → ${m.value}`);
}
