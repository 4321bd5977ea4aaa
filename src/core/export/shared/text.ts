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

/** The size of `value` in UTF-8 bytes (core has no TextEncoder). */
export function utf8ByteLength(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
