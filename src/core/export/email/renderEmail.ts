import type { Edition } from '../../model/types.ts';
import {
  EMAIL_SIZE_LIMIT_BYTES,
  EMAIL_SIZE_WARNING_BYTES,
  MAX_LINE_BYTES,
} from '../shared/limits.ts';
import type { PublicationProfile } from '../shared/profile.ts';
import { utf8ByteLength } from '../shared/text.ts';
import type { EmailContext } from './context.ts';
import { emailDocument } from './document.ts';
import { paletteFor } from './palette.ts';
import { serializeEmail } from './serialize.ts';
import { CONTENT_WIDTH } from './styles.ts';

export interface RenderEmailOptions {
  /** The file extension (`png`) of a stored asset, for `asset:` image URLs. */
  assetExtension?: (hash: string) => string | undefined;
}

export interface RenderedEmail {
  html: string;
  /** What the export left out or could not guarantee, for the editor; never fatal. */
  warnings: string[];
}

/**
 * Renders an edition as email HTML that meets every rule of EMAIL_RULES.md: a hast tree
 * built from the model and serialized by hast-util-to-html (which does all escaping),
 * tables for layout, styles inline, a small head style for mobile and dark mode.
 * Expects a restored edition and profile (`restoreEdition`, `restoreProfile`); anything
 * the allowlists reject is left out with a warning rather than written.
 */
export function renderEmail(
  edition: Edition,
  profile: PublicationProfile,
  options: RenderEmailOptions = {},
): RenderedEmail {
  const warnings: string[] = [];
  const ctx: EmailContext = {
    profile,
    palette: paletteFor(profile),
    width: CONTENT_WIDTH,
    where: 'edition',
    warn: (message) => {
      if (!warnings.includes(message)) warnings.push(message);
    },
    assetExtension: options.assetExtension,
  };
  const html = serializeEmail(emailDocument(edition, ctx));
  const bytes = utf8ByteLength(html);
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  if (bytes >= EMAIL_SIZE_LIMIT_BYTES)
    warnings.push(`email is ${kb(bytes)}: Gmail clips messages over ${kb(EMAIL_SIZE_LIMIT_BYTES)}`);
  else if (bytes >= EMAIL_SIZE_WARNING_BYTES)
    warnings.push(
      `email is ${kb(bytes)}: close to Gmail's ${kb(EMAIL_SIZE_LIMIT_BYTES)} clipping limit`,
    );
  if (html.split('\n').some((line) => utf8ByteLength(line) > MAX_LINE_BYTES))
    warnings.push(`a line is longer than ${MAX_LINE_BYTES} bytes and could not be broken`);
  return { html, warnings };
}
