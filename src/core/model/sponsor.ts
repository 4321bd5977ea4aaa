import type { SponsorSection } from './types.ts';

/**
 * A sponsor in the publication's sponsor library: a reusable record that sponsor
 * sections are filled from. The sections keep their own copy of the fields (an edition
 * reads the same after its sponsor record changes or goes); `sponsorId` links them back.
 */
export interface Sponsor {
  id: string;
  name: string;
  /** The sponsor's link (http or https). */
  url: string;
  /** The line that says the section is paid for; '' until written. */
  disclosure: string;
  /** The button label; '' for the email's default. */
  cta: string;
  /** SHA-256 hex of the logo in the store's assets, or null. */
  logo: string | null;
  /** First day of the paid flight (ISO date, inclusive), or null when open. */
  flightStart: string | null;
  /** Last day of the paid flight (ISO date, inclusive), or null when open. */
  flightEnd: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

/** The fields a sponsor section copies from a record. */
export type SponsorCopy = Pick<SponsorSection, 'sponsor' | 'url' | 'cta' | 'disclosure'>;

/** The section fields a record gives (what insert and "update the sections" write). */
export function sponsorCopy(sponsor: Sponsor): SponsorCopy {
  return {
    sponsor: sponsor.name,
    url: sponsor.url,
    cta: sponsor.cta,
    disclosure: sponsor.disclosure,
  };
}

/** True when a section's copied fields differ from what its record gives now. */
export function sponsorCopyDiffers(section: Partial<SponsorCopy>, sponsor: Sponsor): boolean {
  const copy = sponsorCopy(sponsor);
  return (Object.keys(copy) as Array<keyof SponsorCopy>).some((key) => section[key] !== copy[key]);
}

/**
 * Where `date` (ISO `YYYY-MM-DD`) falls against the sponsor's flight: `before`, `after`,
 * or `inside` (also when the flight is open on that side). ISO dates compare as strings.
 */
export function flightPosition(
  sponsor: Pick<Sponsor, 'flightStart' | 'flightEnd'>,
  date: string,
): 'before' | 'inside' | 'after' {
  if (sponsor.flightStart !== null && date < sponsor.flightStart) return 'before';
  if (sponsor.flightEnd !== null && date > sponsor.flightEnd) return 'after';
  return 'inside';
}

/** True for an http(s) URL that `new URL()` parses with a host: what a sponsor link must be. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
