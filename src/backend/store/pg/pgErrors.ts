import { StoreError, type StoreErrorCode } from '../StoreError.ts';

/**
 * PostgreSQL's failures as StoreErrors. Every message names the store by its URL with the
 * password removed, so a message can be logged or shown without leaking it.
 */

/** The URL with any password (in the userinfo or a `password` parameter) removed. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'postgres://(an unreadable URL)';
  }
  parsed.password = '';
  parsed.searchParams.delete('password');
  return parsed.toString();
}

/** The SQLSTATE or Node error code of a driver error, or ''. */
function codeOf(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('code' in error)) return '';
  return typeof error.code === 'string' ? error.code : '';
}

/** Node's socket errors and PostgreSQL's own "cannot serve you now" states. */
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '3D000', // the database does not exist
  '28P01', // password authentication failed
  '28000', // invalid authorization
]);

function kindOf(error: unknown): { code: StoreErrorCode; why: string } | null {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  // Class 08 is "connection exception"; the driver's own connection errors have no code.
  if (
    UNAVAILABLE.has(code) ||
    code.startsWith('08') ||
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      message,
    )
  ) {
    return { code: 'unavailable', why: 'the database server cannot be reached' };
  }
  if (code === '23503') return { code: 'not-found', why: 'it refers to a row that does not exist' };
  if (code.startsWith('23') || code.startsWith('22')) return { code: 'invalid-input', why: '' };
  if (code === '40P01' || code === '55P03' || code === '40001') {
    return { code: 'locked', why: 'another connection holds the rows locked' };
  }
  if (code === '53100') return { code: 'io', why: 'the database server is out of disk space' };
  if (code.startsWith('XX')) return { code: 'corrupt', why: 'the database reports damage' };
  return null;
}

/**
 * Wraps anything thrown while working on the store at `location` into a StoreError;
 * `action` completes "Galley cannot ...". `secret` (the password) is scrubbed from the
 * driver's message in case it ever echoes it.
 */
export function toPgStoreError(
  error: unknown,
  action: string,
  location: string,
  secret: string,
): StoreError {
  const scrub = (text: string): string => (secret === '' ? text : text.split(secret).join('***'));
  if (error instanceof StoreError) {
    const message = error.message.includes(location)
      ? error.message
      : `Galley cannot ${action} in ${location}: ${error.message}`;
    return new StoreError(error.code, scrub(message), { cause: error });
  }
  const detail = scrub(error instanceof Error ? error.message : String(error));
  const kind = kindOf(error);
  const why = kind === null || kind.why === '' ? detail : `${kind.why} (${detail})`;
  return new StoreError(kind?.code ?? 'io', `Galley cannot ${action} in ${location}: ${why}`, {
    cause: error,
  });
}
