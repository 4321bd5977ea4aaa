import type { Edition } from '../../model/types.ts';

/** One edition as the archive lists it. */
export interface ArchiveEntry {
  edition: Edition;
  /** Its folder in the site (see editionSlug; the builder settles clashes). */
  slug: string;
  /** `YYYY-MM-DD`: the publish date, else the day it was last changed. */
  date: string;
}

/** Newest first: by date, then number, then id, so the order never depends on the input's. */
export function sortArchive(entries: ArchiveEntry[]): ArchiveEntry[] {
  return [...entries].sort(
    (a, b) =>
      b.date.localeCompare(a.date) ||
      (b.edition.number ?? -1) - (a.edition.number ?? -1) ||
      a.edition.id.localeCompare(b.edition.id),
  );
}

/** An absolute URL under the site's base URL (which has no trailing slash). */
export function siteUrl(baseUrl: string, path: string): string {
  return `${baseUrl}/${path}`;
}

/** Text for XML: escaped, and without the characters XML 1.0 cannot hold at all. */
export function xmlText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/** RFC 3339 midnight UTC for an ISO date (Atom's date format). */
export function rfc3339(date: string): string {
  return `${date}T00:00:00Z`;
}
