import type { PhrasingContent, RootContent } from 'mdast';
import type { SerializedBodyNode } from '../../model/types.ts';
import { marker } from './galleyMarkers.ts';
import { inlineToMdast } from './inlineToMdast.ts';

/** The fields a `roundup-item` marker carries, exactly as the model holds them. */
export interface RoundupMarkerFields {
  title: string;
  url: string;
  source: string;
  emoji: string;
}

/**
 * The visible text between an item's link and its blurb: ` — Source: ` (or ` — ` without a
 * source, or only ` — Source` when there is no blurb). The importer strips exactly this.
 */
export function roundupSeparator(source: string, hasBlurb: boolean): string {
  if (source === '') return hasBlurb ? ' \u2014 ' : '';
  return hasBlurb ? ` \u2014 ${source}: ` : ` \u2014 ${source}`;
}

/**
 * A roundup item in Galley Markdown: a `<!-- galley:roundup-item {...} -->` marker with its
 * exact fields, then a one-item list that reads well anywhere:
 * `- 🧪 [Title](url) — Source: blurb`. The marker makes the import exact (a title or
 * source may hold a colon or a dash); without it the list item is read back by its shape.
 */
export function roundupItemToMdast(node: SerializedBodyNode): RootContent[] {
  const fields: RoundupMarkerFields = {
    title: str(node.title),
    url: str(node.url),
    source: str(node.source),
    emoji: str(node.emoji),
  };
  const blurb = inlineToMdast(node.children ?? []);
  const phrasing: PhrasingContent[] = [];
  if (fields.emoji !== '') phrasing.push({ type: 'text', value: `${fields.emoji} ` });
  phrasing.push({
    type: 'link',
    url: fields.url,
    title: null,
    children: fields.title === '' ? [] : [{ type: 'text', value: fields.title }],
  });
  const separator = roundupSeparator(fields.source, blurb.length > 0);
  if (separator !== '') phrasing.push({ type: 'text', value: separator });
  phrasing.push(...blurb);
  return [
    { type: 'html', value: marker('roundup-item', { ...fields }) },
    {
      type: 'list',
      ordered: false,
      start: null,
      spread: false,
      children: [
        {
          type: 'listItem',
          spread: false,
          checked: null,
          children: [{ type: 'paragraph', children: phrasing }],
        },
      ],
    },
  ];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
