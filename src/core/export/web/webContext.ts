import type { PublicationProfile } from '../shared/profile.ts';

/** What every part of the web renderer needs while it renders one page (or feed entry). */
export interface WebContext {
  profile: PublicationProfile;
  /** Where warnings point: `edition 7, section "Title"`. */
  where: string;
  warn(message: string): void;
  /**
   * The URL this page shows an image at: a stored asset copied beside the site (relative
   * on a page, absolute in the feed), or null when the site has no copy of it. The archive
   * loads nothing from elsewhere, so other images become links.
   */
  imageSrc(src: string): string | null;
  /** What in-page anchors (the agenda's links) are relative to: '' on a page, its URL in the feed. */
  pageHref: string;
}
