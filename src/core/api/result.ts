/** Expected failures that cross the API travel as values, never as thrown errors. */
export type ApiError = { code: string; message: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps an error code and message as a failed result. */
export function fail(code: string, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/**
 * A domain failure with a stable `code` (not-found, invalid-input, conflict...). The API
 * layer turns it into a failed result; anything else thrown is a bug.
 */
export class GalleyError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'GalleyError';
  }
}
