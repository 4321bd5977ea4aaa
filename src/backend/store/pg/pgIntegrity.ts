import type { Query } from './pgPool.ts';

/**
 * PostgreSQL checks its own pages (and has no `integrity_check`); what can go wrong
 * above them is Galley's data: a table missing, an empty update, a setting that is not
 * JSON, a sponsor flight that ends before it starts. 'ok', or one line per problem.
 */

const TABLES = [
  'updates',
  'editions',
  'search_entries',
  'versions',
  'version_rooms',
  'assets',
  'settings',
  'sponsors',
] as const;

/** Runs the checks; 'ok' when nothing is wrong. */
export async function checkPg(query: Query): Promise<string> {
  const problems: string[] = [];
  for (const table of TABLES) {
    const [row] = await query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [
      table,
    ]);
    if (row?.found == null) problems.push(`table ${table} is missing`);
  }
  if (problems.length > 0) return problems.join('\n');
  const empty = await query<{ room: string; seq: string }>(
    'SELECT room, seq FROM updates WHERE length(data) = 0 ORDER BY room, seq LIMIT 100',
  );
  for (const { room, seq } of empty) problems.push(`update ${seq} of room ${room} is empty`);
  const settings = await query<{ key: string; value: string }>('SELECT key, value FROM settings');
  for (const { key, value } of settings) {
    try {
      JSON.parse(value);
    } catch {
      problems.push(`setting ${key} is not valid JSON`);
    }
  }
  const badAssets = await query<{ hash: string }>(
    `SELECT hash FROM assets WHERE encode(sha256(bytes), 'hex') <> hash ORDER BY hash LIMIT 100`,
  );
  for (const { hash } of badAssets) problems.push(`asset ${hash} does not hash to its name`);
  return problems.length === 0 ? 'ok' : problems.join('\n');
}
