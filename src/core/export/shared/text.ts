/**
 * Small text helpers the exporters share: one-line fields, UTF-8 sizes.
 */

/** A one-line field (title, subject, option...) with runs of whitespace collapsed, trimmed. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Lines of a multi-line field (footer, postal address), each collapsed; empty lines dropped. */
export function linesOf(value: string): string[] {
  return value
    .split(/\r\n|\r|\n/)
    .map(oneLine)
    .filter((line) => line !== '');
}

// Every UTF-16 unit outside ASCII. Email HTML is nearly all ASCII, so jumping from one
// to the next with a regex visits a handful of places instead of every character.
const NON_ASCII = /[\u0080-\uffff]/g;

/** The size of `value` in UTF-8 bytes (core has no TextEncoder); a lone surrogate counts 3. */
export function utf8ByteLength(value: string): number {
  // One byte per UTF-16 unit, then what each non-ASCII unit adds: 1 up to U+07FF, 2 above;
  // a surrogate pair is two units for one 4-byte character, so 2 for the pair.
  let bytes = value.length;
  NON_ASCII.lastIndex = 0;
  for (let match = NON_ASCII.exec(value); match; match = NON_ASCII.exec(value)) {
    const i = match.index;
    const code = value.charCodeAt(i);
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(value.charCodeAt(i + 1))) {
      bytes += 2;
      NON_ASCII.lastIndex = i + 2;
    } else bytes += 2;
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * True when a line of `value` (split at `\n`) is longer than `limit` UTF-8 bytes. Walks the
 * line breaks instead of splitting, and sizes only lines long enough to be over.
 */
export function hasLineOver(value: string, limit: number): boolean {
  for (let start = 0; start <= value.length;) {
    const found = value.indexOf('\n', start);
    const end = found === -1 ? value.length : found;
    // A UTF-16 unit is at most 3 UTF-8 bytes: only lines this long can be too long.
    if ((end - start) * 3 > limit && utf8ByteLength(value.slice(start, end)) > limit) return true;
    start = end + 1;
  }
  return false;
}
