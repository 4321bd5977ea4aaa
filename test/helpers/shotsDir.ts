import { join } from 'node:path';

/**
 * Where a test writes screenshots for a person to look at: `$GALLEY_SHOTS/<name>` when
 * set, else `test-results/<name>` in the checkout (ignored by git). Playwright makes
 * the folder.
 */
export function shotsDir(name: string): string {
  const root = process.env.GALLEY_SHOTS ?? join(import.meta.dirname, '..', '..', 'test-results');
  return join(root, name);
}
