import type { List, ListItem, PhrasingContent } from 'mdast';
import type { Marker } from '../export/markdown/galleyMarkers.ts';
import { roundupSeparator } from '../export/markdown/roundupMarkdown.ts';
import type { ImportContext } from './importContext.ts';
import { typeOf, type Loose } from './looseNodes.ts';
import { phrasingToInline } from './phrasingToInline.ts';
import { plainText } from './plainText.ts';

/**
 * Roundup items from the one-item list that follows a `roundup-item` marker (see
 * roundupMarkdown.ts): the marker gives the exact title, URL, source and emoji, the list
 * item's text after its link and separator is the blurb. A list another tool grew to more
 * items keeps the first as marked and reads the others by their shape
 * (`emoji [title](url) — source: blurb`), noted as an approximation.
 */
export function roundupItemsFromList(list: List, marker: Marker, context: ImportContext): Loose[] {
  const items = list.children.map((item, index) =>
    index === 0 ? markedItem(item, marker, context) : shapedItem(item, context),
  );
  if (list.children.length !== 1) context.notes.approximate();
  return items;
}

function markedItem(item: ListItem, marker: Marker, context: ImportContext): Loose {
  const fields = {
    title: str(marker.attrs.title),
    url: str(marker.attrs.url),
    source: str(marker.attrs.source),
    emoji: str(marker.attrs.emoji),
  };
  const phrasing = paragraphPhrasing(item, context);
  const at = phrasing.findIndex(isLink);
  const rest = at === -1 ? phrasing : phrasing.slice(at + 1);
  if (at === -1) context.notes.approximate();
  // Which separator was written depends on whether a blurb follows: try the long one first.
  const blurb =
    stripLeading(rest, roundupSeparator(fields.source, true)) ??
    stripLeading(rest, roundupSeparator(fields.source, false)) ??
    rest;
  return { type: 'roundupitem', ...fields, children: inline(blurb, context) };
}

// An item written by hand or by another tool: `emoji [title](url) — source: blurb`.
function shapedItem(item: ListItem, context: ImportContext): Loose {
  const phrasing = paragraphPhrasing(item, context);
  const at = phrasing.findIndex(isLink);
  if (at === -1)
    return {
      type: 'roundupitem',
      title: '',
      url: '',
      source: '',
      emoji: '',
      children: inline(phrasing, context),
    };
  const link = phrasing[at]! as Extract<PhrasingContent, { type: 'link' }>;
  let rest = phrasing.slice(at + 1);
  let source = '';
  const first = rest[0];
  const dash = first?.type === 'text' ? /^\s*[\u2014\u2013-]\s*/.exec(first.value) : null;
  if (first?.type === 'text' && dash) {
    let value = first.value.slice(dash[0].length);
    const named = /^([^:]{1,120}?):\s+/.exec(value);
    if (named) {
      source = named[1]!.trim();
      value = value.slice(named[0].length);
    } else if (rest.length === 1 && !value.includes(':')) {
      // ` — Source` alone: a source with no blurb.
      source = value.trim();
      value = '';
    }
    rest = [{ ...first, value }, ...rest.slice(1)];
  }
  return {
    type: 'roundupitem',
    title: plainText(link.children),
    url: link.url,
    source,
    emoji: plainText(phrasing.slice(0, at)).trim(),
    children: inline(rest, context),
  };
}

function paragraphPhrasing(item: ListItem, context: ImportContext): PhrasingContent[] {
  const [first, ...others] = item.children;
  if (others.length > 0) context.notes.approximate();
  return first?.type === 'paragraph' ? first.children : [];
}

function isLink(node: PhrasingContent): boolean {
  return node.type === 'link';
}

/** `nodes` without `prefix` at their start (read across text nodes), or null if absent. */
function stripLeading(nodes: PhrasingContent[], prefix: string): PhrasingContent[] | null {
  let left = prefix;
  const out = [...nodes];
  while (left !== '') {
    const head = out[0];
    if (head?.type !== 'text') return null;
    const take = Math.min(left.length, head.value.length);
    if (head.value.slice(0, take) !== left.slice(0, take)) return null;
    left = left.slice(take);
    if (take === head.value.length) out.shift();
    else out[0] = { ...head, value: head.value.slice(take) };
  }
  return out;
}

// The blurb is inline text: an image in it is not kept.
function inline(nodes: PhrasingContent[], context: ImportContext): Loose[] {
  const converted = phrasingToInline(nodes, context);
  const kept = converted.filter((node) => typeOf(node) !== 'image');
  if (kept.length !== converted.length) context.notes.approximate();
  return kept;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
