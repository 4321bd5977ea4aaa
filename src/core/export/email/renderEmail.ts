import type { Edition, Section } from '../../model/types.ts';
import type { RenderCache } from '../RenderCache.ts';
import {
  EMAIL_SIZE_LIMIT_BYTES,
  EMAIL_SIZE_WARNING_BYTES,
  MAX_LINE_BYTES,
} from '../shared/limits.ts';
import type { PublicationProfile } from '../shared/profile.ts';
import { hasLineOver, utf8ByteLength } from '../shared/text.ts';
import type { EmailContext } from './context.ts';
import { emailDocument, sectionRow } from './document.ts';
import { paletteFor } from './palette.ts';
import { serializeEmail } from './serialize.ts';
import { CONTENT_WIDTH } from './styles.ts';

export interface RenderEmailOptions {
  /** The file extension (`png`) of a stored asset, for `asset:` image URLs. */
  assetExtension?: (hash: string) => string | undefined;
  /** Section rows rendered earlier, reused while their section is unchanged. */
  cache?: RenderCache;
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
  const html = renderDocument(edition, ctx, options.cache);
  const bytes = utf8ByteLength(html);
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  if (bytes >= EMAIL_SIZE_LIMIT_BYTES)
    warnings.push(`email is ${kb(bytes)}: Gmail clips messages over ${kb(EMAIL_SIZE_LIMIT_BYTES)}`);
  else if (bytes >= EMAIL_SIZE_WARNING_BYTES)
    warnings.push(
      `email is ${kb(bytes)}: close to Gmail's ${kb(EMAIL_SIZE_LIMIT_BYTES)} clipping limit`,
    );
  if (hasLineOver(html, MAX_LINE_BYTES))
    warnings.push(`a line is longer than ${MAX_LINE_BYTES} bytes and could not be broken`);
  return { html, warnings };
}

// Stands in the frame for a section's row, on a line of its own (tbody is a layout
// container). Never user text: no text node can serialize to a comment.
const ROW_SLOT = 'galley:section-row';

/**
 * The document with each section's row serialized on its own and spliced into the frame,
 * so that a cache can keep rows; cold or cached, it is the same path and the same bytes.
 */
function renderDocument(edition: Edition, ctx: EmailContext, cache?: RenderCache): string {
  const rows: string[] = [];
  // Everything a row depends on beyond its section: the profile and whether assets resolve.
  const context = `${JSON.stringify(ctx.profile)}\u0000${ctx.assetExtension ? 'assets' : ''}`;
  const frame = serializeEmail(
    emailDocument(edition, ctx, (section, sectionCtx) => {
      rows.push(sectionHtml(section, edition, sectionCtx, cache, context));
      return { type: 'comment', value: ROW_SLOT };
    }),
  );
  const parts = frame.split(`<!--${ROW_SLOT}-->`);
  if (parts.length !== rows.length + 1)
    throw new Error('renderEmail: the frame lost or repeated a section row slot');
  // One join, not `+=`: the checks after this scan the string, and a flat one scans fast.
  return parts.flatMap((part, i) => (i === 0 ? [part] : [rows[i - 1]!, part])).join('');
}

interface RowPart {
  html: string;
  /** The row's warnings in order, replayed on every use. */
  warnings: string[];
  /** The asset lookups the row made: a stored asset can appear after it was rendered. */
  assets: Map<string, string | undefined>;
}

function sectionHtml(
  section: Section,
  edition: Edition,
  ctx: EmailContext,
  cache: RenderCache | undefined,
  context: string,
): string {
  const render = (): RowPart => {
    const part: RowPart = { html: '', warnings: [], assets: new Map() };
    const lookup = ctx.assetExtension;
    const partCtx: EmailContext = {
      ...ctx,
      warn: (message) => {
        if (!part.warnings.includes(message)) part.warnings.push(message);
      },
      assetExtension: lookup
        ? (hash) => {
            const ext = lookup(hash);
            part.assets.set(hash, ext);
            return ext;
          }
        : undefined,
    };
    part.html = serializeEmail(sectionRow(section, edition, partCtx));
    return part;
  };
  const part = cache
    ? cache.reuse('email', section.id, cache.partKey(section, edition, context), render, (p) =>
        [...p.assets].every(([hash, ext]) => ctx.assetExtension?.(hash) === ext),
      )
    : render();
  for (const message of part.warnings) ctx.warn(message);
  return part.html;
}
