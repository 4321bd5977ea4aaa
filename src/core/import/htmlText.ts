/**
 * The text a reader would see in a piece of raw HTML, as plain text: tags, comments and
 * the contents of script-like elements are removed, entities decoded. Raw HTML in an
 * imported file is never kept as markup (no attribute, handler or URL in it survives),
 * but its words are not thrown away either.
 */
export function htmlText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|template|textarea|title|noscript)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g, ' $1 ')
    .replace(/<\/?[A-Za-z][^>]*>?/g, ' ')
    .replace(/<[!?][^>]*>?/g, ' ');
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

// The named references that turn up in hand-written HTML; others are left as written.
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  middot: '·',
  bull: '•',
  euro: '€',
};

/** Decodes numeric character references and the common named ones. */
export function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));/g,
    (all, dec, hex, name) => {
      if (name !== undefined) return Object.hasOwn(NAMED, name) ? NAMED[name]! : all;
      const code = dec !== undefined ? Number(dec) : parseInt(String(hex), 16);
      // Like HTML: no NUL, no surrogates, nothing past Unicode.
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    },
  );
}
