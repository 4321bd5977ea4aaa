import { isMergeTag } from '../../model/url.ts';
import { MAX_URL_LENGTH } from './links.ts';

/**
 * Tracked links: the UTM query parameters a publication adds to the links of its emails,
 * so that the sites it links to can count the clicks it sends them.
 */
export interface UtmSettings {
  /** `utm_source`, e.g. the publication's name; '' turns tagging off. */
  source: string;
  /** `utm_medium`, usually `email`. */
  medium: string;
  /** `utm_campaign` as a pattern: `{number}`, `{date}` and `{slug}` are filled in per edition. */
  campaign: string;
}

/** What one link is tagged with beyond the settings. */
export interface UtmContext {
  /** The edition's number, for `{number}`. */
  number: number | null;
  /** The edition's publish date (ISO), for `{date}`. */
  date: string | null;
  /** The edition's archive slug, for `{slug}`. */
  slug: string;
  /** `utm_content`: the sponsor's name inside a sponsor section; '' for none. */
  content?: string;
  /** URLs whose links are never tagged: the unsubscribe link, the web archive's base URL. */
  ownUrls: string[];
  /** The editor opted this link out (see LINK_REL_NO_UTM). */
  optOut?: boolean;
}

/** Tagging is off until a source is set; medium and campaign have useful defaults. */
export function defaultUtm(): UtmSettings {
  return { source: '', medium: 'email', campaign: 'issue-{number}' };
}

/** Repairs stored or received UTM settings: strings, one line, at most 100 characters each. */
export function restoreUtm(input: unknown): UtmSettings {
  const raw: Record<string, unknown> =
    typeof input === 'object' && input !== null && !Array.isArray(input) ? { ...input } : {};
  const fallback = defaultUtm();
  const field = (value: unknown, otherwise: string): string =>
    typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().slice(0, 100) : otherwise;
  return {
    source: field(raw.source, fallback.source),
    medium: field(raw.medium, fallback.medium),
    campaign: field(raw.campaign, fallback.campaign),
  };
}

/** The campaign name for one edition: the pattern with its placeholders filled in. */
export function utmCampaign(pattern: string, context: UtmContext): string {
  const filled = pattern
    .replace(/\{number\}/g, context.number === null ? '' : String(context.number))
    .replace(/\{date\}/g, context.date ?? '')
    .replace(/\{slug\}/g, context.slug);
  // `issue-{number}` on an unnumbered edition would otherwise leave a dangling `issue-`.
  return filled.replace(/^[\s_-]+|[\s_-]+$/g, '');
}

/**
 * The URL a reader's click goes to: `url` with utm_source, utm_medium, utm_campaign (and
 * utm_content for a sponsor) appended to its query, the fragment kept last. Returned as
 * it was when tagging is off, the link is opted out, it is not http(s) (mailto:, tel:,
 * merge tags, fragments), it already carries any utm_ parameter (the editor or sponsor
 * chose the tags), it points at one of the publication's own URLs, or the tagged URL
 * would be too long for a mail line. The editor's spelling of the URL is kept.
 */
export function applyUtm(url: string, settings: UtmSettings, context: UtmContext): string {
  if (settings.source === '' || context.optOut === true) return url;
  if (isMergeTag(url) || !/^https?:\/\//i.test(url)) return url;
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    return url;
  }
  if (context.ownUrls.some((own) => isUnder(href, own))) return url;
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : url.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  const query = queryAt === -1 ? '' : beforeHash.slice(queryAt + 1);
  if (query.split('&').some((pair) => /^utm_/i.test(decodeName(pair.split('=')[0] ?? ''))))
    return url;
  const params: Array<[string, string]> = [
    ['utm_source', settings.source],
    ['utm_medium', settings.medium],
    ['utm_campaign', utmCampaign(settings.campaign, context)],
    ['utm_content', context.content ?? ''],
  ];
  const added = params
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
  const joiner = queryAt === -1 ? '?' : query === '' || query.endsWith('&') ? '' : '&';
  const tagged = `${beforeHash}${joiner}${added}${hash}`;
  return tagged.length <= MAX_URL_LENGTH ? tagged : url;
}

// `own` is a URL or a merge tag; a merge tag matches nothing a link can spell.
function isUnder(href: string, own: string): boolean {
  if (own === '' || isMergeTag(own)) return false;
  let base: string;
  try {
    base = new URL(own).href;
  } catch {
    return false;
  }
  // Compare without query and fragment: an unsubscribe URL differs per subscriber.
  const path = (u: string) => u.replace(/[?#].*$/, '');
  const baseDir = path(base).endsWith('/') ? path(base) : `${path(base)}/`;
  return path(href) === path(base) || path(href).startsWith(baseDir);
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}
