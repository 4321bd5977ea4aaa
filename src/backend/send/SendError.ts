import { GalleyError } from '../../core/index.ts';

/**
 * Why a test send failed, as stable codes: the API returns them as result values and the
 * renderer can pick its own words or show the message as it is.
 */
export const SEND_ERROR_CODES = [
  /** No server or no sender address in the profile, and none given for this send. */
  'smtp-not-configured',
  /** The `--smtp` URL cannot be used (wrong scheme, a password in it...). */
  'smtp-bad-url',
  /** The server wants a login and no password source has one. */
  'smtp-password-missing',
  /** The password file exists but is unsafe or unreadable. */
  'smtp-password-file',
  /** A login over an unencrypted connection to another machine. */
  'smtp-insecure-login',
  /** The server refused the user name or password. */
  'smtp-auth-failed',
  /** Nothing listens at the host and port. */
  'smtp-connection-refused',
  /** `starttls` was required and the server does not offer it. */
  'smtp-tls-not-offered',
  /** The TLS handshake failed: an untrusted certificate, or TLS spoken to a plain port. */
  'smtp-tls-failed',
  /** The server refused every recipient. */
  'smtp-recipient-refused',
  /** The server refused the message for its size. */
  'smtp-message-too-large',
  /** The server could not be found or did not answer in time. */
  'smtp-unreachable',
  /** Any other refusal, with the server's reply. */
  'smtp-failed',
] as const;

export type SendErrorCode = (typeof SEND_ERROR_CODES)[number];

/**
 * A test send that did not go out. A GalleyError, so `invoke` returns it as
 * `{ ok: false, error: { code, message } }`; the message says what happened and what to do.
 */
export class SendError extends GalleyError {
  constructor(
    override readonly code: SendErrorCode,
    message: string,
  ) {
    super(code, message);
    this.name = 'SendError';
  }
}
