import type { SerializedBodyNode } from '../../model/types.ts';
import { oneLine } from './text.ts';

/** A roundup item's fields as the exporters use them: one line each. */
export interface RoundupItemView {
  title: string;
  url: string;
  source: string;
  emoji: string;
}

/** The fields of a `roundupitem` node (its blurb is its children). */
export function roundupItemOf(node: SerializedBodyNode): RoundupItemView {
  return {
    title: oneLine(str(node.title)),
    url: str(node.url),
    source: oneLine(str(node.source)),
    emoji: oneLine(str(node.emoji)),
  };
}

/** The marker an item without an emoji shows, so every row of a roundup lines up. */
export const ROUNDUP_BULLET = '\u2022';

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
