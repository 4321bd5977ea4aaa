import type { Edition } from '../../model/types.ts';

/** `Issue 42 · 26 November 2026`: the edition line under the masthead ('' when neither is set). */
export function editionLine(edition: Edition, lang: string): string {
  const parts: string[] = [];
  if (edition.number !== null) parts.push(`Issue ${edition.number}`);
  if (edition.publishDate !== null) parts.push(formatDate(edition.publishDate, lang));
  return parts.join(' · ');
}

/** A long date in the publication's language, computed in UTC so it never shifts a day. */
export function formatDate(isoDate: string, lang: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  try {
    return formatterFor(lang).format(date);
  } catch {
    return isoDate;
  }
}

// Building a DateTimeFormat costs about a millisecond, more than rendering the masthead;
// every export (each preview refresh) formats the same date in the same language.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(lang: string): Intl.DateTimeFormat {
  let formatter = formatters.get(lang);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    // A handful of languages at most; a bad tag throws above and is never stored.
    formatters.set(lang, formatter);
  }
  return formatter;
}
