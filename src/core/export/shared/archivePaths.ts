import type { Edition } from '../../model/types.ts';
import type { PublicationProfile } from './profile.ts';

/**
 * Where an edition lives in the web archive: `issue-<number>` while it has a number, else
 * `edition-<id>`. The email's "View in browser" link and the site builder both ask here,
 * so the link a reader clicks is the page the archive writes.
 */
export function editionSlug(edition: Pick<Edition, 'id' | 'number'>): string {
  return edition.number !== null ? `issue-${edition.number}` : `edition-${edition.id}`;
}

/** The absolute URL of an edition's archive page, or null without a public base URL. */
export function editionPageUrl(
  edition: Pick<Edition, 'id' | 'number'>,
  profile: PublicationProfile,
): string | null {
  return profile.publicBaseUrl === '' ? null : `${profile.publicBaseUrl}/${editionSlug(edition)}/`;
}
