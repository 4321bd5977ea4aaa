import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  GalleyError,
  referencedAssets,
  renderEmail,
  renderMarkdown,
  renderTextWithWarnings,
  restoreProfile,
  type Edition,
  type ExportFormat,
  type PublicationProfile,
} from '../../core/index.ts';
import type { EditionService } from '../editions/EditionService.ts';
import type { Store } from '../store/Store.ts';

const PROFILE_KEY = 'publicationProfile';

const EXTENSIONS: Record<string, string> = {
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

/** One edition in one format, with the exporter's warnings. */
export function renderFormat(
  editions: EditionService,
  edition: Edition,
  format: ExportFormat,
): { format: ExportFormat; content: string; warnings: string[] } {
  const profile = loadProfile(editions.store);
  switch (format) {
    case 'email': {
      const { html, warnings } = renderEmail(edition, profile, {
        assetExtension: (hash) => assetExtension(editions.store, hash),
      });
      return { format, content: html, warnings };
    }
    case 'markdown':
      return { format, content: renderMarkdown(edition), warnings: [] };
    case 'text': {
      const { text, warnings } = renderTextWithWarnings(edition, profile);
      return { format, content: text, warnings };
    }
  }
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

function assetExtension(store: Store, hash: string): string | undefined {
  const asset = store.getAsset(hash);
  return asset ? EXTENSIONS[asset.mime] : undefined;
}
