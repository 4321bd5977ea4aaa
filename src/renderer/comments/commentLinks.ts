import { sanitizeLinkUrl } from '../../core/index.ts';

/** A piece of comment text: plain, or a link whose href passed the model's URL check. */
export type CommentSegment = { text: string; href?: undefined } | { text: string; href: string };

// Only web and mail links are offered as links; anything else stays text.
const LINK = /\b(?:https?:\/\/|mailto:)[^\s<>"']+/gi;
// Punctuation that ends a sentence is not part of the link before it.
const TRAILING = /[.,;:!?)\]]+$/;

/**
 * Splits plain comment text into text and links. A link is offered only when
 * `sanitizeLinkUrl` accepts it; `javascript:` and friends never match and stay text.
 */
export function commentSegments(text: string): CommentSegment[] {
  const segments: CommentSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const raw = match[0].replace(TRAILING, '');
    const at = match.index;
    const href = sanitizeLinkUrl(raw);
    if (href === null || raw === '') continue;
    if (at > last) segments.push({ text: text.slice(last, at) });
    segments.push({ text: raw, href });
    last = at + raw.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}
