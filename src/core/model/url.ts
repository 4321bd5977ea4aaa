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

// Relative references resolve against this placeholder to be checked; it is never written.
const RELATIVE_BASE = 'https://relative.galley.invalid/';
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * A relative reference (`/about`, `post.html`, `#notes`, `?page=2`, or empty) as written,
 * or null.
 * Markdown written for a web site links this way; the model keeps such a link, preflight
 * flags it and the email and web exports write only its words (an email has no page to be
 * relative to). It must stay on the page's own site: `//host/x` and `/\host/x` (which
 * browsers read as `//host/x`) are refused, as is anything with a scheme.
 */
export function relativeLinkUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  // `[text]()`: a link still to be filled in; preflight reports it (link-empty).
  if (trimmed === '') return '';
  // eslint-disable-next-line no-control-regex
  if (SCHEME.test(trimmed) || /[\u0000-\u001f\u007f\s]/.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed, RELATIVE_BASE);
  } catch {
    return null;
  }
  return url.href.startsWith(RELATIVE_BASE) ? trimmed : null;
}

/**
 * A link inside body text: what `sanitizeLinkUrl` keeps, or a relative reference (see
 * `relativeLinkUrl`). Buttons, sponsor and vote URLs stay absolute.
 */
export function sanitizeBodyLinkUrl(value: unknown): string | null {
  return sanitizeLinkUrl(value) ?? relativeLinkUrl(value);
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

/**
 * An image in body text: what `sanitizeImageSrc` keeps, or a relative path (see
 * `relativeLinkUrl`; never empty) from Markdown written for a web site. The email and web
 * exports leave such an image out (its alt text stays in the text version) and preflight
 * reports it, so the editor can give it an https address or upload it.
 */
export function sanitizeBodyImageSrc(value: unknown): string | null {
  const src = sanitizeImageSrc(value) ?? relativeLinkUrl(value);
  return src === '' ? null : src;
}
