import type { Edition } from '../../model/types.ts';
import type { PublicationProfile } from './profile.ts';
import { imageOf } from './bodyNodes.ts';
import { MAX_URL_LENGTH } from './links.ts';
import { walkBody } from './walkBody.ts';

const ASSET = /^asset:([0-9a-f]{64})$/;

/** The hash of an `asset:<sha256>` reference, or null for any other source. */
export function assetHash(src: string): string | null {
  return ASSET.exec(src)?.[1] ?? null;
}

/**
 * The absolute URL an image is published at: https sources as they are, `asset:` images
 * at `${publicBaseUrl}/images/<hash>.<ext>` (the extension from `extensionOf`, e.g. the
 * store's mime type; without one, no extension). Null when the image cannot be shown in
 * email: an http source, an asset without a public base URL, or a URL too long for a
 * mail line.
 */
export function resolveImageSrc(
  src: string,
  profile: PublicationProfile,
  extensionOf?: (hash: string) => string | undefined,
): string | null {
  const hash = assetHash(src);
  if (hash !== null) {
    if (profile.publicBaseUrl === '') return null;
    const ext = extensionOf?.(hash);
    const suffix = ext !== undefined && /^[a-z0-9]{1,8}$/.test(ext) ? `.${ext}` : '';
    return `${profile.publicBaseUrl}/images/${hash}${suffix}`;
  }
  return /^https:\/\/[^\s]+$/i.test(src) && src.length <= MAX_URL_LENGTH ? src : null;
}

/** The hashes of every `asset:` image an export of the edition references, each once, in order. */
export function referencedAssets(edition: Edition, profile?: PublicationProfile): string[] {
  const hashes = new Set<string>();
  for (const logo of [profile?.logoUrl, profile?.logoDarkUrl]) {
    const hash = logo ? assetHash(logo) : null;
    if (hash !== null) hashes.add(hash);
  }
  for (const section of edition.sections) {
    walkBody(section.body, (node) => {
      if (node.type !== 'image') return;
      const hash = assetHash(imageOf(node).src);
      if (hash !== null) hashes.add(hash);
    });
  }
  return [...hashes];
}
