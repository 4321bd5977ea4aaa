import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  assetHash,
  editionAsRejected,
  editionSlug,
  GalleyError,
  referencedAssets,
  renderFeed,
  renderSiteIndex,
  renderSitemap,
  renderWebPage,
  type ArchiveEntry,
  type Edition,
} from '../../core/index.ts';
import type { EditionService } from '../editions/EditionService.ts';
import { EXTENSIONS, loadProfile } from '../export/exportEdition.ts';

/** What a build of the web archive did; paths relative to `dir`, in writing order. */
export interface SiteBuild {
  dir: string;
  written: string[];
  unchanged: string[];
  warnings: string[];
}

/**
 * Builds the web archive into `dest`: `index.html`, `feed.xml` (Atom), `sitemap.xml`,
 * `<slug>/index.html` for every edition whose status is `sent` (the model's "published"),
 * and `images/<hash>.<ext>` for the stored images they show. A file whose bytes are
 * already there is not written again, so a rebuild after one new edition rewrites the
 * index, the feed, the sitemap and the new page only. Files of editions that left the
 * archive are not deleted: the folder may hold things Galley did not write.
 */
export async function writeSite(editions: EditionService, dest: string): Promise<SiteBuild> {
  const profile = await loadProfile(editions.store);
  if (profile.publicBaseUrl === '')
    throw new GalleyError(
      'not-configured',
      'The web archive needs the profile setting publicBaseUrl (the https address the site is published at).',
    );
  const dir = resolve(dest);
  const build: SiteBuild = { dir, written: [], unchanged: [], warnings: [] };
  const entries = await archiveEntries(editions, build.warnings);

  const images = new Map<string, string>();
  for (const { edition } of entries)
    for (const hash of referencedAssets(edition, profile)) {
      const asset = await editions.store.getAsset(hash);
      const ext = asset ? EXTENSIONS[asset.mime] : undefined;
      if (asset && ext && !images.has(hash)) {
        images.set(hash, `images/${hash}.${ext}`);
        put(build, images.get(hash)!, asset.bytes);
      }
    }
  const imagePath = (src: string): string | null => {
    const hash = assetHash(src);
    return hash === null ? null : (images.get(hash) ?? null);
  };

  for (const { edition, slug } of entries) {
    const page = renderWebPage(edition, profile, {
      pageUrl: `${profile.publicBaseUrl}/${slug}/`,
      imageSrc: (src) => {
        const path = imagePath(src);
        return path === null ? null : `../${path}`;
      },
    });
    build.warnings.push(...page.warnings);
    put(build, `${slug}/index.html`, page.html);
  }
  put(build, 'index.html', renderSiteIndex(entries, profile, imagePath));
  put(
    build,
    'feed.xml',
    renderFeed(entries, profile, (src) => {
      const path = imagePath(src);
      return path === null ? null : `${profile.publicBaseUrl}/${path}`;
    }),
  );
  put(build, 'sitemap.xml', renderSitemap(entries, profile));
  return build;
}

// Sent editions with their folders. Two editions with one number would share a folder;
// the second keeps its id-based folder instead, and the editor is told.
async function archiveEntries(
  editions: EditionService,
  warnings: string[],
): Promise<ArchiveEntry[]> {
  const taken = new Set<string>();
  const summaries = (await editions.list({ status: 'sent' })).sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  const entries: ArchiveEntry[] = [];
  for (const summary of summaries) {
    // The archive is an export: open suggestions read as rejected, as in renderFormat.
    const edition: Edition = editionAsRejected(await editions.get(summary.id));
    let slug = editionSlug(edition);
    if (taken.has(slug)) {
      const own = editionSlug({ id: edition.id, number: null });
      warnings.push(
        `edition ${edition.id} has the same number as another sent edition; its page is ${own}/`,
      );
      slug = own;
    }
    taken.add(slug);
    entries.push({ edition, slug, date: edition.publishDate ?? summary.updatedAt.slice(0, 10) });
  }
  return entries;
}

function put(build: SiteBuild, path: string, content: string | Uint8Array): void {
  const file = join(build.dir, path);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  let existing: Buffer | null = null;
  try {
    existing = readFileSync(file);
  } catch {
    // Not there yet (or unreadable): written below.
  }
  if (existing !== null && existing.equals(bytes)) {
    build.unchanged.push(path);
    return;
  }
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  } catch (error) {
    throw new GalleyError('io', `Cannot write ${file}: ${(error as Error).message}`);
  }
  build.written.push(path);
}
