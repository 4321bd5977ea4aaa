import { sanitizeImageSrc, sanitizeLinkUrl } from '../../model/url.ts';
import { defaultUtm, restoreUtm, type UtmSettings } from './utm.ts';
import {
  defaultSmtpSettings,
  restoreSmtpSettings,
  type SmtpSettings,
} from '../../send/smtpSettings.ts';

/**
 * The publication's settings that frame every edition's email: masthead, colours,
 * footer with postal address and unsubscribe link, and where images and votes live.
 */
export interface PublicationProfile {
  name: string;
  /** An https URL or `asset:<sha256>`; '' for none (the masthead shows the name). */
  logoUrl: string;
  /** A variant for dark backgrounds; without one, dark mode puts the logo on a light plate. */
  logoDarkUrl?: string;
  /** The logo's display width in CSS pixels (Outlook needs a number). */
  logoWidth?: number;
  /** Links and buttons: `#rrggbb`. */
  accentColor: string;
  footerText: string;
  postalAddress: string;
  /** A URL or a merge tag the sending service fills in. */
  unsubscribeUrl: string;
  /** Poll and feedback links go here when a section has no vote URL of its own. */
  defaultVoteUrl: string;
  /** Where exported `asset:` images are published: `https://host/path`, no trailing slash. */
  publicBaseUrl: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Tracked links: UTM tags added at export and send (off while `source` is ''). */
  utm: UtmSettings;
  /** Where test sends go (the password is never part of the profile). */
  smtp: SmtpSettings;
}

/** The unsubscribe merge tag most sending services understand. */
export const DEFAULT_UNSUBSCRIBE_URL = '{{unsubscribe_url}}';
export const DEFAULT_ACCENT_COLOR = '#1a56db';
export const DEFAULT_LOGO_WIDTH = 160;

/** A profile for a publication that has not been set up yet. */
export function defaultProfile(): PublicationProfile {
  return {
    name: 'My Newsletter',
    logoUrl: '',
    accentColor: DEFAULT_ACCENT_COLOR,
    footerText: 'You are receiving this email because you subscribed to this newsletter.',
    postalAddress: '',
    unsubscribeUrl: DEFAULT_UNSUBSCRIBE_URL,
    defaultVoteUrl: '',
    publicBaseUrl: '',
    lang: 'en',
    dir: 'ltr',
    utm: defaultUtm(),
    smtp: defaultSmtpSettings(),
  };
}

/**
 * Repairs a stored or received profile: wrong types and unsafe URLs fall back to the
 * defaults, colours are normalized to `#rrggbb`. Never throws.
 */
export function restoreProfile(input: unknown): PublicationProfile {
  const raw: Record<string, unknown> =
    typeof input === 'object' && input !== null && !Array.isArray(input) ? { ...input } : {};
  const fallback = defaultProfile();
  const profile: PublicationProfile = {
    name: typeof raw.name === 'string' ? raw.name : fallback.name,
    logoUrl: logo(raw.logoUrl),
    accentColor: hexColor(raw.accentColor) ?? fallback.accentColor,
    footerText: typeof raw.footerText === 'string' ? raw.footerText : fallback.footerText,
    postalAddress: typeof raw.postalAddress === 'string' ? raw.postalAddress : '',
    unsubscribeUrl: sanitizeLinkUrl(raw.unsubscribeUrl) ?? DEFAULT_UNSUBSCRIBE_URL,
    defaultVoteUrl: webUrl(raw.defaultVoteUrl),
    publicBaseUrl: baseUrl(raw.publicBaseUrl),
    lang: typeof raw.lang === 'string' && LANG.test(raw.lang) ? raw.lang : fallback.lang,
    dir: raw.dir === 'rtl' ? 'rtl' : 'ltr',
    utm: restoreUtm(raw.utm),
    smtp: restoreSmtpSettings(raw.smtp),
  };
  const dark = logo(raw.logoDarkUrl);
  if (dark !== '') profile.logoDarkUrl = dark;
  if (typeof raw.logoWidth === 'number' && Number.isFinite(raw.logoWidth) && raw.logoWidth >= 16)
    profile.logoWidth = Math.min(Math.round(raw.logoWidth), 600);
  return profile;
}

// BCP 47 shape (language, then subtags); the value lands in <html lang>.
const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,4}$/;

/** `#rrggbb` in lower case from `#rgb` or `#rrggbb`, else null. */
export function hexColor(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(v)) return v;
  if (/^#[0-9a-f]{3}$/.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join('')}`;
  return null;
}

function logo(value: unknown): string {
  const src = sanitizeImageSrc(value);
  return src !== null && (src.startsWith('asset:') || src.startsWith('https:')) ? src : '';
}

function webUrl(value: unknown): string {
  const url = sanitizeLinkUrl(value);
  return url !== null && /^https?:/i.test(url) ? url : '';
}

function baseUrl(value: unknown): string {
  const url = sanitizeLinkUrl(value);
  if (url === null || !/^https:/i.test(url) || /[?#]/.test(url)) return '';
  return url.replace(/\/+$/, '');
}
