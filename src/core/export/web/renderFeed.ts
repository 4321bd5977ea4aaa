import { toHtml } from 'hast-util-to-html';
import type { PublicationProfile } from '../shared/profile.ts';
import { oneLine } from '../shared/text.ts';
import { rfc3339, siteUrl, sortArchive, xmlText, type ArchiveEntry } from './archiveEntries.ts';
import { webArticle, webContext } from './renderWebPage.ts';

/** How many editions the feed carries: readers poll it, and old editions are in the archive. */
export const FEED_ENTRIES = 20;

/**
 * The archive's Atom feed (RFC 4287), `feed.xml`: the newest editions, each with its
 * page as id and link, its preheader as summary and its article as HTML content whose
 * images point at absolute URLs (`imageSrc` gives them). Nothing in it depends on the
 * time of the build, so an unchanged archive writes the same bytes.
 */
export function renderFeed(
  entries: ArchiveEntry[],
  profile: PublicationProfile,
  imageSrc: (src: string) => string | null = () => null,
): string {
  const base = profile.publicBaseUrl;
  const name = oneLine(profile.name) || 'Newsletter';
  const shown = sortArchive(entries).slice(0, FEED_ENTRIES);
  const updated = rfc3339(shown[0]?.date ?? '1970-01-01');
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(profile.lang)}">`,
    `  <title>${xmlText(name)}</title>`,
    `  <id>${xmlText(`${base}/`)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(siteUrl(base, 'feed.xml'))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(`${base}/`)}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xmlText(name)}</name></author>`,
    '  <generator>Galley</generator>',
  ];
  for (const { edition, slug, date } of shown) {
    const page = siteUrl(base, `${slug}/`);
    const ctx = webContext(edition, profile, imageSrc, () => undefined, page);
    const content = toHtml(webArticle(edition, ctx), {
      characterReferences: { useNamedReferences: true },
    });
    const summary = oneLine(edition.preheader);
    lines.push(
      '  <entry>',
      `    <title>${xmlText(oneLine(edition.title) || 'Untitled edition')}</title>`,
      `    <id>${xmlText(page)}</id>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(page)}"/>`,
      `    <published>${rfc3339(date)}</published>`,
      `    <updated>${rfc3339(date)}</updated>`,
      ...(summary ? [`    <summary>${xmlText(summary)}</summary>`] : []),
      `    <content type="html">${xmlText(content)}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
