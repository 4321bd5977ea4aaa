/** A callout's own fields (its blocks are its children). */
export interface CalloutFields {
  emoji: string;
  title: string;
}

const MAX_EMOJI = 16;
const MAX_TITLE = 200;

/** A callout's emoji and title from loose input: one line each, bounded. Never throws. */
export function restoreCalloutFields(input: Record<string, unknown>): CalloutFields {
  return {
    emoji: line(input.emoji).slice(0, MAX_EMOJI),
    title: line(input.title).slice(0, MAX_TITLE),
  };
}

/** The block types a callout may hold; anything else is moved out or unwrapped. */
export const CALLOUT_CHILD_TYPES = new Set(['paragraph', 'list']);

function line(value: unknown): string {
  if (typeof value !== 'string') return '';
  // eslint-disable-next-line no-control-regex
  const controls = /[\u0000-\u001f\u007f]+/g;
  return value.replace(controls, ' ').replace(/\s+/g, ' ').trim();
}
