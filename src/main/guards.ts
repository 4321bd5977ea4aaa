/**
 * The shell's decisions about URLs, as plain functions: which navigations stay in the
 * app, which links may go to the system browser, which permissions a page gets. Every
 * URL is parsed with `new URL` and compared by its parts, never by substring: a check
 * like `url.includes('galley')` lets `https://evil.example/?next=galley://` through.
 */

/** Where the app's own pages live: the custom scheme, or the dev server in development. */
export interface AppLocation {
  /** e.g. `galley-app:` or `http:` */
  protocol: string;
  /** Host and port, e.g. `workbench` or `localhost:5173`. */
  host: string;
}

/** The AppLocation of the page the main window loads. */
export function appLocation(entryUrl: string): AppLocation {
  const url = new URL(entryUrl);
  return { protocol: url.protocol, host: url.host };
}

/** Longest URL the guards look at; anything longer is refused unparsed. */
const MAX_URL_LENGTH = 8192;

function parse(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length > MAX_URL_LENGTH) return null;
  // Whitespace and control characters are how `java\tscript:` slips past a naive check.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(raw)) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True when `raw` is a page of the app itself (same scheme and host, no credentials). */
export function isAppUrl(raw: unknown, app: AppLocation): boolean {
  const url = parse(raw);
  return (
    url !== null &&
    url.protocol === app.protocol &&
    url.host === app.host &&
    url.username === '' &&
    url.password === ''
  );
}

/**
 * The URL to hand to the system browser or mail app, or null. Only `https:` links with a
 * host and no credentials (`https://bank.example@evil.example` is a phishing staple), and
 * `mailto:` links. Returns the parsed, normalized form, so what opens is what was checked.
 */
export function externalLinkTarget(raw: unknown): string | null {
  const url = parse(raw);
  if (url === null) return null;
  if (url.protocol === 'mailto:') return url.href;
  if (url.protocol !== 'https:' || url.hostname === '') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** What to do with a navigation: let it happen, or refuse it (and maybe open it outside). */
export interface NavigationDecision {
  allow: boolean;
  /** Open this in the system browser instead (a link the editor clicked). */
  openExternal: string | null;
}

/**
 * The main frame may only move within the app. A subframe (the email preview) may only
 * hold its srcdoc or a blank page; a link clicked inside it opens in the browser.
 */
export function decideNavigation(
  raw: string,
  isMainFrame: boolean,
  app: AppLocation,
): NavigationDecision {
  if (isMainFrame && isAppUrl(raw, app)) return { allow: true, openExternal: null };
  if (!isMainFrame && (raw === 'about:srcdoc' || raw === 'about:blank')) {
    return { allow: true, openExternal: null };
  }
  return { allow: false, openExternal: externalLinkTarget(raw) };
}

/**
 * Permissions the app's own page may have; everything else, and everything for any
 * other page, is denied. Clipboard writing backs "copy invite link" and "copy HTML";
 * the network ones let the page reach its own hub on 127.0.0.1 where Chromium asks.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  'clipboard-sanitized-write',
  'local-network-access',
  'loopback-network',
]);

/** Whether a permission request or check from `requestingUrl` is granted. */
export function decidePermission(
  permission: string,
  requestingUrl: string,
  app: AppLocation,
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl, app);
}
