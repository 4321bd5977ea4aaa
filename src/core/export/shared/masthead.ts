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
    return new Intl.DateTimeFormat(lang, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(date);
  } catch {
    return isoDate;
  }
}
