import type { PublicationProfile } from '../shared/profile.ts';
import type { Palette } from './palette.ts';

/** What every part of the email builder needs to know while it renders. */
export interface EmailContext {
  profile: PublicationProfile;
  palette: Palette;
  /** Width in px available to images at this point (less inside a sponsor box). */
  width: number;
  /** Where warnings point: `section "Title"`. */
  where: string;
  warn(message: string): void;
  assetExtension?: ((hash: string) => string | undefined) | undefined;
}

/** `left` for ltr, `right` for rtl: the side lists indent from and quotes rule on. */
export function startSide(ctx: EmailContext): 'left' | 'right' {
  return ctx.profile.dir === 'rtl' ? 'right' : 'left';
}
