/** Protocols a link in a section body may use. */
export const LINK_PROTOCOLS = ['https:', 'http:', 'mailto:', 'tel:'] as const;

// Merge tags such as {{unsubscribe_url}} or *|UNSUB|* are filled in by the sending service.
const MERGE_TAG = /^(\{\{\s*[A-Za-z0-9_.]+\s*\}\}|\*\|[A-Z0-9_]+\|\*)$/;

/** True when `value` is a merge tag that a sending service replaces with a URL. */
export function isMergeTag(value: string): boolean {
  return MERGE_TAG.test(value.trim());
}

/**
 * Parses a link URL with `new URL()` and the protocol allowlist; returns the URL as
 * written (trimmed), or null. Lexical's own sanitizer lets through URLs it
 * cannot parse, so every link crossing the model boundary comes through here.
 */
export function sanitizeLinkUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (isMergeTag(trimmed)) return trimmed;
  // Control characters and whitespace inside a URL are how `java\tscript:` gets through.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s]/.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (!(LINK_PROTOCOLS as readonly string[]).includes(url.protocol)) return null;
  if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname === '') return null;
  // Keep the editor's spelling: the parse was the check.
  return trimmed;
}

/** Image sources: absolute http(s) URLs, or `asset:<sha256>` references into the store. */
export function sanitizeImageSrc(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (/^asset:[0-9a-f]{64}$/.test(trimmed)) return trimmed;
  const url = sanitizeLinkUrl(trimmed);
  if (url === null || !url.startsWith('http')) return null;
  return url;
}
