/**
 * Word wrap for the plain-text part: ~78 columns, never breaking a URL (a broken URL
 * stops working), hard-splitting only words that could never fit.
 */

/** Columns the plain text wraps at. */
export const TEXT_WIDTH = 78;

// A token that is a link target: kept whole even past the width.
const URL_TOKEN = /^[([]?(https?:|mailto:|tel:|\{\{|\*\|)/i;

/**
 * Wraps `text` (hard line breaks as `\n`) to `width` columns, the first line after
 * `first`, the following ones after `rest` (the hanging indent of a list item or quote).
 */
export function wrap(text: string, first = '', rest = first, width = TEXT_WIDTH): string[] {
  const lines: string[] = [];
  let prefix = first;
  for (const segment of text.split('\n')) {
    let line = '';
    let used = 0;
    let room = width - columns(prefix);
    const flush = () => {
      lines.push((prefix + line).trimEnd());
      prefix = rest;
      room = width - columns(prefix);
      line = '';
      used = 0;
    };
    for (const word of segment.split(' ')) {
      if (word === '') continue;
      const pieces =
        word.length > room && !URL_TOKEN.test(word) ? chunks(word, Math.max(room, 20)) : [word];
      for (const piece of pieces) {
        const size = columns(piece);
        if (line !== '' && used + 1 + size > room) flush();
        line = line === '' ? piece : `${line} ${piece}`;
        used += (used === 0 ? 0 : 1) + size;
      }
    }
    flush();
  }
  return lines;
}

/** Width in columns: code points, which is close enough for a text part. */
export function columns(value: string): number {
  // Fast path: no surrogate pairs, one UTF-16 unit per code point.
  if (!/[\ud800-\udbff]/.test(value)) return value.length;
  let n = 0;
  for (const _ of value) n += 1;
  return n;
}

// A word longer than a whole line is split at the width (code points, not UTF-16 units).
function chunks(word: string, size: number): string[] {
  const points = [...word];
  if (points.length <= size) return [word];
  const out: string[] = [];
  for (let i = 0; i < points.length; i += size) out.push(points.slice(i, i + size).join(''));
  return out;
}

/** A line of `char` under a heading, as long as the heading's longest line. */
export function underline(lines: string[], char: string): string {
  return char.repeat(Math.min(Math.max(...lines.map(columns), 1), TEXT_WIDTH));
}
