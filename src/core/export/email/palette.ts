import type { PublicationProfile } from '../shared/profile.ts';
import { DEFAULT_ACCENT_COLOR, hexColor } from '../shared/profile.ts';

/** The colours of one scheme (light or dark); six-digit hex only, as Outlook needs. */
export interface Scheme {
  page: string;
  card: string;
  text: string;
  muted: string;
  rule: string;
  code: string;
  box: string;
  quote: string;
  link: string;
}

/** Light and dark colours for an email, with the profile's accent made readable in each. */
export interface Palette {
  light: Scheme;
  dark: Scheme;
  accent: string;
  /** Text on an accent-coloured button. */
  onAccent: string;
}

const LIGHT: Omit<Scheme, 'link'> = {
  page: '#f4f4f5',
  card: '#ffffff',
  text: '#1f2328',
  muted: '#5f6368',
  rule: '#dfe1e5',
  code: '#f1f2f4',
  box: '#f8f7f2',
  quote: '#3b3f45',
};

const DARK: Omit<Scheme, 'link'> = {
  page: '#0f1115',
  card: '#1a1d23',
  text: '#e8eaed',
  muted: '#a3a8b0',
  rule: '#3a3f47',
  code: '#2a2e35',
  box: '#22262d',
  quote: '#c9ccd1',
};

/** The palette for a profile: links darkened or lightened until they read at 4.5:1. */
export function paletteFor(profile: PublicationProfile): Palette {
  const accent = hexColor(profile.accentColor) ?? DEFAULT_ACCENT_COLOR;
  const white = '#ffffff';
  const ink = '#111111';
  return {
    light: { ...LIGHT, link: readableOn(accent, [LIGHT.card, LIGHT.box, LIGHT.code]) },
    dark: { ...DARK, link: readableOn(accent, [DARK.card, DARK.box, DARK.code]) },
    accent,
    onAccent: contrast(white, accent) >= contrast(ink, accent) ? white : ink,
  };
}

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// Mix towards black on light backgrounds, towards white on dark ones, in 5% steps.
function readableOn(color: string, backgrounds: string[]): string {
  const target: Rgb = luminance(backgrounds[0] ?? '#ffffff') > 0.5 ? [0, 0, 0] : [255, 255, 255];
  const from = rgb(color);
  for (let t = 0; t <= 1; t += 0.05) {
    const mixed = toHex([0, 1, 2].map((i) => from[i]! + (target[i]! - from[i]!) * t) as Rgb);
    if (backgrounds.every((bg) => contrast(mixed, bg) >= 4.5)) return mixed;
  }
  return toHex(target);
}
