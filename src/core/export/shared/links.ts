import { isMergeTag, sanitizeLinkUrl } from '../../model/url.ts';

/**
 * Longest URL an export writes. Email lines must stay under 998 bytes (RFC 5322) and a
 * URL cannot be broken across lines, so a longer one is dropped like an unsafe one.
 */
export const MAX_URL_LENGTH = 900;

/**
 * The URL an exporter may write for a link, or null to keep only its words. Quotes,
 * angle brackets and backticks are percent-encoded (as a browser's URL parser would), so
 * no attribute ever holds something that reads like markup to a careless filter.
 */
export function exportHref(url: string): string | null {
  let safe = sanitizeLinkUrl(url);
  if (safe === null) return null;
  // Browsers read `https:/\\host` as `https://host`; mail clients may not. Write the canonical form.
  if (safe.includes('\\') && /^https?:/i.test(safe)) safe = new URL(safe).href;
  const encoded = safe.replace(/["<>`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return encoded.length <= MAX_URL_LENGTH ? encoded : null;
}

/**
 * The base URL poll and feedback links go to: the section's own vote URL, else the
 * profile's default; null when neither is a web URL (a merge tag cannot take a query).
 */
export function voteBase(sectionVoteUrl: string, defaultVoteUrl: string): string | null {
  for (const candidate of [sectionVoteUrl, defaultVoteUrl]) {
    const safe = sanitizeLinkUrl(candidate);
    if (safe !== null && !isMergeTag(safe) && /^https?:/i.test(safe)) return safe;
  }
  return null;
}

interface UrlWithQuery {
  href: string;
  searchParams: { set(name: string, value: string): void };
}

// Core's URL declaration (globals.d.ts) is minimal; every host has searchParams, checked here.
function hasSearchParams(url: object): url is UrlWithQuery {
  return (
    'searchParams' in url &&
    typeof url.searchParams === 'object' &&
    url.searchParams !== null &&
    'set' in url.searchParams &&
    typeof url.searchParams.set === 'function'
  );
}

/** `base?poll=<sectionId>&choice=<n>` (n from 1), keeping the base's own query; null if unusable. */
export function voteLink(base: string, sectionId: string, choice: number): string | null {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return null;
  }
  if (!hasSearchParams(url)) return null;
  url.searchParams.set('poll', sectionId);
  url.searchParams.set('choice', String(choice));
  return exportHref(url.href);
}
