import type { SectionBody, SerializedBodyNode } from './types.ts';
import { sanitizeLinkUrl } from './url.ts';

/** Longest emoji (or short marker) an item keeps: a flag or a family is a few code points. */
export const MAX_ROUNDUP_EMOJI = 16;
/** Longest title, source name or URL an item keeps, as for a section title. */
const MAX_FIELD = 300;
const MAX_URL = 2000;

/**
 * The fields of a `roundupitem` from loose input, repaired: missing fields become '',
 * a URL that fails the link allowlist becomes '' (the item, its title and blurb are
 * kept), line breaks and control characters in the one-line fields become spaces.
 */
export function restoreRoundupFields(node: Record<string, unknown>): {
  title: string;
  url: string;
  source: string;
  emoji: string;
} {
  const url = typeof node.url === 'string' ? node.url : '';
  return {
    title: line(node.title, MAX_FIELD),
    url: url.length > MAX_URL ? '' : (sanitizeLinkUrl(url) ?? ''),
    source: line(node.source, MAX_FIELD),
    emoji: line(node.emoji, MAX_ROUNDUP_EMOJI).trim(),
  };
}

/**
 * A body with its roundup items turned into ordinary paragraphs, for a section that is
 * not a roundup (an item pasted into a story, a roundup whose kind was changed): each
 * reads `emoji title — source: blurb`, the title linked to the item's URL. Returns the
 * same body when it holds no item. The caller restores the result again.
 */
export function unwrapRoundupItems(body: SectionBody): SectionBody {
  const children = body.root.children;
  if (!children.some((node) => node.type === 'roundupitem')) return body;
  return {
    root: {
      ...body.root,
      children: children.map((node) =>
        node.type === 'roundupitem' ? itemAsParagraph(node) : node,
      ),
    },
  };
}

function itemAsParagraph(node: SerializedBodyNode): SerializedBodyNode {
  const { title, url, source, emoji } = restoreRoundupFields(node);
  const inline: SerializedBodyNode[] = [];
  if (emoji !== '') inline.push(text(`${emoji} `));
  if (title !== '') {
    inline.push(
      url === '' ? text(title) : { type: 'link', version: 1, url, children: [text(title)] },
    );
  }
  const blurb = Array.isArray(node.children) ? node.children : [];
  const lead = source === '' ? '' : `${source}`;
  if (inline.length > 0 && (lead !== '' || blurb.length > 0)) inline.push(text(' — '));
  if (lead !== '') inline.push(text(blurb.length > 0 ? `${lead}: ` : lead));
  inline.push(...blurb);
  return { type: 'paragraph', version: 1, children: inline };
}

function text(value: string): SerializedBodyNode {
  return { type: 'text', version: 1, text: value, format: 0 };
}

function line(value: unknown, max: number): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  // Control characters (line breaks included) never belong in a one-line field.
  // eslint-disable-next-line no-control-regex
  const CONTROL = /[\u0000-\u001f\u007f]+/g;
  return String(value).replace(CONTROL, ' ').slice(0, max);
}
