import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
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
import type { Store } from '../store/Store.ts';

const PROFILE_KEY = 'publicationProfile';

/** The file extension an exported stored image gets, by its mime type (email bundle, web archive). */
export const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** The publication profile from settings, repaired (defaults until it is set up). */
export function loadProfile(store: Store): PublicationProfile {
  return restoreProfile(store.getSetting(PROFILE_KEY));
}

/** Saves the publication profile (repaired first) and returns what was saved. */
export function saveProfile(store: Store, input: unknown): PublicationProfile {
  const profile = restoreProfile(input);
  store.setSetting(PROFILE_KEY, profile);
  return profile;
}

/**
 * One edition in one format, with the exporter's warnings. Sections unchanged since an
 * earlier render (by the preview, the Checks panel or a check) are taken from the
 * service's render cache; the output is the same bytes as a cold export.
 */
export function renderFormat(
  editions: EditionService,
  edition: Edition,
  format: ExportFormat,
  profile: PublicationProfile = loadProfile(editions.store),
): { format: ExportFormat; content: string; warnings: string[] } {
  const cache = editions.renders;
  switch (format) {
    // Tracked links (UTM) go into what is sent, email and text; Markdown is the source an
    // archive or a CMS republishes, where a campaign tag would mislabel the traffic.
    case 'email': {
      const { html, warnings } = renderEmail(tagEdition(edition, profile), profile, {
        assetExtension: (hash) => assetExtension(editions.store, hash),
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
export function checkEdition(editions: EditionService, edition: Edition): PreflightResult {
  const profile = loadProfile(editions.store);
  const email = renderFormat(editions, edition, 'email', profile);
  return preflight(edition, profile, {
    emailHtml: email.content,
    cache: editions.renders,
    sponsors: linkedSponsors(editions, edition),
  });
}

/**
 * Writes the bundle a sending service or an archive takes: `edition.html`, `edition.md`,
 * `edition.txt`, and `images/` with every stored image the edition uses, named as the
 * email points at them (`<publicBaseUrl>/images/<hash>.<ext>`).
 */
export function writeBundle(
  editions: EditionService,
  edition: Edition,
  dest: string,
): { dir: string; files: string[] } {
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
  write('edition.html', renderFormat(editions, edition, 'email').content);
  write('edition.md', renderFormat(editions, edition, 'markdown').content);
  write('edition.txt', renderFormat(editions, edition, 'text').content);
  for (const hash of referencedAssets(edition, loadProfile(editions.store))) {
    const asset = editions.store.getAsset(hash);
    if (!asset) continue;
    const ext = EXTENSIONS[asset.mime];
    write(join('images', ext ? `${hash}.${ext}` : hash), asset.bytes);
  }
  return { dir, files };
}

// Assets are content-addressed and never change: a found asset's extension is kept for
// good (the cache asks again on every render whose rows show stored images); a missing
// one is asked again, since it may be uploaded later.
const knownExtensions = new WeakMap<Store, Map<string, string | undefined>>();

function assetExtension(store: Store, hash: string): string | undefined {
  let known = knownExtensions.get(store);
  if (!known) knownExtensions.set(store, (known = new Map()));
  if (known.has(hash)) return known.get(hash);
  const asset = store.getAsset(hash);
  if (!asset) return undefined;
  const ext = EXTENSIONS[asset.mime];
  known.set(hash, ext);
  return ext;
}
