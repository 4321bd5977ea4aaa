import type { PublicationProfile } from '../shared/profile.ts';
import { siteUrl, sortArchive, xmlText, type ArchiveEntry } from './archiveEntries.ts';

/** `sitemap.xml` (sitemaps.org 0.9): the front page and every edition's page, with dates. */
export function renderSitemap(entries: ArchiveEntry[], profile: PublicationProfile): string {
  const sorted = sortArchive(entries);
  const url = (loc: string, lastmod: string | undefined) =>
    `  <url><loc>${xmlText(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url(`${profile.publicBaseUrl}/`, sorted[0]?.date),
    ...sorted.map((e) => url(siteUrl(profile.publicBaseUrl, `${e.slug}/`), e.date)),
    '</urlset>',
    '',
  ].join('\n');
}
