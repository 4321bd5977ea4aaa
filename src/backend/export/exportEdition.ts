import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  editionAsRejected,
  GalleyError,
  preflight,
  referencedAssets,
  renderEmail,
  renderMarkdown,
  renderTextWithWarnings,
  restoreProfile,
  tagEdition,
  type Edition,
  type ExportFormat,
  type PreflightResult,
  type PublicationProfile,
} from '../../core/index.ts';
import type { EditionService } from '../editions/EditionService.ts';
import { linkedSponsors } from '../editions/sponsorLibrary.ts';
import { threadViews } from '../editions/threadViews.ts';
import type { GalleyStore } from '../store/GalleyStore.ts';

const PROFILE_KEY = 'publicationProfile';

/** The file extension an exported stored image gets, by its mime type (email bundle, web archive). */
export const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** The publication profile from settings, repaired (defaults until it is set up). */
export async function loadProfile(store: GalleyStore): Promise<PublicationProfile> {
  return restoreProfile(await store.getSetting(PROFILE_KEY));
}

/** Saves the publication profile (repaired first) and returns what was saved. */
export async function saveProfile(store: GalleyStore, input: unknown): Promise<PublicationProfile> {
  const profile = restoreProfile(input);
  await store.setSetting(PROFILE_KEY, profile);
  return profile;
}

/**
 * One edition in one format, with the exporter's warnings, as if every open suggestion
 * were rejected. Sections unchanged since an
 * earlier render (by the preview, the Checks panel or a check) are taken from the
 * service's render cache; the output is the same bytes as a cold export.
 */
export async function renderFormat(
  editions: EditionService,
  edition: Edition,
  format: ExportFormat,
  given?: PublicationProfile,
): Promise<{ format: ExportFormat; content: string; warnings: string[] }> {
  // Every export reads the edition with its open suggestions rejected: no review mark,
  // and no suggested text, reaches a reader (the bundle, the preview and a test send too).
  edition = editionAsRejected(edition);
  const profile = given ?? (await loadProfile(editions.store));
  const cache = editions.renders;
  switch (format) {
    // Tracked links (UTM) go into what is sent, email and text; Markdown is the source an
    // archive or a CMS republishes, where a campaign tag would mislabel the traffic.
    case 'email': {
      // The renderer asks for extensions synchronously: look the edition's images up first.
      const known = await assetExtensions(editions.store, referencedAssets(edition, profile));
      const { html, warnings } = renderEmail(tagEdition(edition, profile), profile, {
        assetExtension: (hash) => known.get(hash),
        cache,
      });
      return { format, content: html, warnings };
    }
    case 'markdown':
      return { format, content: renderMarkdown(edition, { cache }), warnings: [] };
    case 'text': {
      const { text, warnings } = renderTextWithWarnings(tagEdition(edition, profile), profile, {
        cache,
      });
      return { format, content: text, warnings };
    }
  }
}

/** Preflight findings for an edition, on the email the preview renders (rendered once). */
export async function checkEdition(
  editions: EditionService,
  edition: Edition,
): Promise<PreflightResult> {
  const profile = await loadProfile(editions.store);
  const email = await renderFormat(editions, edition, 'email', profile);
  return preflight(edition, profile, {
    emailHtml: email.content,
    cache: editions.renders,
    sponsors: await linkedSponsors(editions, edition),
    comments: await threadViews(editions, edition.id, (thread) => !thread.resolved),
  });
}

/**
 * Writes the bundle a sending service or an archive takes: `edition.html`, `edition.md`,
 * `edition.txt`, and `images/` with every stored image the edition uses, named as the
 * email points at them (`<publicBaseUrl>/images/<hash>.<ext>`).
 */
export async function writeBundle(
  editions: EditionService,
  edition: Edition,
  dest: string,
): Promise<{ dir: string; files: string[] }> {
  const dir = resolve(dest);
  try {
    mkdirSync(join(dir, 'images'), { recursive: true });
  } catch (error) {
    throw new GalleyError('io', `Cannot create the folder ${dir}: ${(error as Error).message}`);
  }
  const files: string[] = [];
  const write = (name: string, content: string | Uint8Array) => {
    writeFileSync(join(dir, name), content);
    files.push(name);
  };
  write('edition.html', (await renderFormat(editions, edition, 'email')).content);
  write('edition.md', (await renderFormat(editions, edition, 'markdown')).content);
  write('edition.txt', (await renderFormat(editions, edition, 'text')).content);
  for (const hash of referencedAssets(edition, await loadProfile(editions.store))) {
    const asset = await editions.store.getAsset(hash);
    if (!asset) continue;
    const ext = EXTENSIONS[asset.mime];
    write(join('images', ext ? `${hash}.${ext}` : hash), asset.bytes);
  }
  return { dir, files };
}

// Assets are content-addressed and never change: a found asset's extension is kept for
// good (the cache asks again on every render whose rows show stored images); a missing
// one is asked again, since it may be uploaded later.
const knownExtensions = new WeakMap<GalleyStore, Map<string, string | undefined>>();

/** The extensions of the given stored images (found ones cached for good, see above). */
async function assetExtensions(
  store: GalleyStore,
  hashes: Iterable<string>,
): Promise<Map<string, string | undefined>> {
  let known = knownExtensions.get(store);
  if (!known) knownExtensions.set(store, (known = new Map()));
  for (const hash of hashes) {
    if (known.has(hash)) continue;
    const asset = await store.getAsset(hash);
    if (asset) known.set(hash, EXTENSIONS[asset.mime]);
  }
  return known;
}
