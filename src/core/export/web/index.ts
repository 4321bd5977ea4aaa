// The web archive's renderers: edition pages, the front page, the feed and the sitemap.
export { renderWebPage, type RenderWebOptions, type RenderedWebPage } from './renderWebPage.ts';
export { renderSiteIndex } from './renderSiteIndex.ts';
export { renderFeed, FEED_ENTRIES } from './renderFeed.ts';
export { renderSitemap } from './renderSitemap.ts';
export { sortArchive, type ArchiveEntry } from './archiveEntries.ts';
