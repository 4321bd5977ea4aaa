import { ApiCallError } from './client.ts';

/** Words for a failure, for the editor: the API's own message, else the error's. */
export function errorText(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong, and it did not say what.';
}
