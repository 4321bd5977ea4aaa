/**
 * How test sends reach a mail server, kept in the publication profile. The password is
 * deliberately not a field: it never enters the database, an export or the API, and a
 * restore drops one if a caller tries to store it.
 */

/** `tls`: implicit TLS (port 465); `starttls`: STARTTLS required; `none`: a local relay. */
export const SMTP_SECURITIES = ['tls', 'starttls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITIES)[number];

export interface SmtpSettings {
  /** The server's host name or IP address; '' until sending is set up. */
  host: string;
  port: number;
  security: SmtpSecurity;
  /** The login name; '' for a server that takes mail without logging in. */
  user: string;
  fromName: string;
  /** The sender address; '' falls back to `user` when that is an address. */
  fromAddress: string;
  /**
   * The `List-Unsubscribe` header: `<https://…>` and/or `<mailto:…>`, comma-separated.
   * '' uses the profile's unsubscribe URL when it is a real URL (not a merge tag).
   */
  listUnsubscribe: string;
}

/** The port a security mode uses unless told otherwise (RFC 8314 for 465, RFC 6409 for 587). */
export function defaultSmtpPort(security: SmtpSecurity): number {
  return security === 'tls' ? 465 : security === 'starttls' ? 587 : 25;
}

/** Sending settings for a publication that has not set them up. */
export function defaultSmtpSettings(): SmtpSettings {
  return {
    host: '',
    port: defaultSmtpPort('starttls'),
    security: 'starttls',
    user: '',
    fromName: '',
    fromAddress: '',
    listUnsubscribe: '',
  };
}

// A DNS name, an IPv4 address or a bracketless IPv6 address; no spaces, slashes or '@'.
const HOST =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$|^[0-9A-Fa-f:.]{2,45}$/;
// Deliberately plain: a test send needs a usable address, not RFC 5322's every corner.
// No spaces, angle brackets, commas or quotes, so nothing can inject a second header.
const ADDRESS = /^[^\s@<>,;:"()[\]\\]+@[^\s@<>,;:"()[\]\\]+\.[^\s@<>,;:"()[\]\\]+$/;

/** True for an address a test send can put in From or To. */
export function isEmailAddress(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 320 && ADDRESS.test(value);
}

/**
 * Repairs stored or received sending settings: wrong types and unusable values fall back
 * to the defaults, and unknown keys (a `password` above all) are dropped. Never throws.
 */
export function restoreSmtpSettings(input: unknown): SmtpSettings {
  const raw: Record<string, unknown> =
    typeof input === 'object' && input !== null && !Array.isArray(input) ? { ...input } : {};
  const fallback = defaultSmtpSettings();
  const security = (SMTP_SECURITIES as readonly unknown[]).includes(raw.security)
    ? (raw.security as SmtpSecurity)
    : fallback.security;
  const host = typeof raw.host === 'string' ? raw.host.trim() : '';
  const port = raw.port;
  return {
    host: HOST.test(host) ? host : '',
    port:
      typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535
        ? port
        : defaultSmtpPort(security),
    security,
    user: typeof raw.user === 'string' ? singleLine(raw.user).slice(0, 320) : '',
    fromName: typeof raw.fromName === 'string' ? singleLine(raw.fromName).slice(0, 200) : '',
    fromAddress:
      typeof raw.fromAddress === 'string' && isEmailAddress(raw.fromAddress.trim())
        ? raw.fromAddress.trim()
        : '',
    listUnsubscribe: listUnsubscribeValue(raw.listUnsubscribe) ?? '',
  };
}

/**
 * A `List-Unsubscribe` header value from `<url>, <url>` or bare URLs separated by commas,
 * each `https:` or `mailto:` (RFC 2369; RFC 8058 one-click needs https). Null when
 * nothing usable is left.
 */
export function listUnsubscribeValue(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const urls = value
    .split(',')
    .map((part) => part.trim().replace(/^<(.*)>$/, '$1'))
    .filter((url) => /^(https:\/\/[^\s<>,]+|mailto:[^\s<>,]+@[^\s<>,]+)$/i.test(url));
  return urls.length === 0 ? null : urls.map((url) => `<${url}>`).join(', ');
}

// Header values are one line: a CR or LF in a name would start a new header.
function singleLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}
