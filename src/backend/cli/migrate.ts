import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { GalleyStore } from '../store/GalleyStore.ts';
import { isPostgresSpec, openStore } from '../openStore.ts';
import { MigrateError, migrateStore, type MigrationReport } from '../store/migrateStore.ts';
import { redactUrl } from '../store/pg/pgErrors.ts';
import { StoreError } from '../store/StoreError.ts';

export const MIGRATE_USAGE = 'galley migrate --from SPEC --to SPEC [--json]';

const MIGRATE_HELP = `Copy a Galley store into another, then verify every room and version.

Usage: ${MIGRATE_USAGE}

  SPEC is a database file (galley.db) or a PostgreSQL URL (postgres://USER:PASS@HOST:PORT/DB).
  --from SPEC   the store to copy (left unchanged)
  --to SPEC     an empty store to copy into (a new file, or an empty database)
  --json        print the counts as JSON`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

function describe(report: MigrationReport): string {
  return [
    `Copied ${report.from} to ${report.to} and verified it:`,
    `  ${report.rooms} rooms (from ${report.sourceRows} log rows, one merged row each)`,
    `  ${report.editions} editions (${report.searchEntries} search entries)`,
    `  ${report.versions} versions (${report.versionRooms} room states)`,
    `  ${report.assets} assets, ${report.settings} settings, ${report.sponsors} sponsors`,
  ].join('\n');
}

/** `galley migrate`: copies one store into another and verifies the copy; resolves with the exit code. */
export async function runMigrate(argv: string[], io: Io): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    io.err(`galley migrate: ${(error as Error).message}\nUsage: ${MIGRATE_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(MIGRATE_HELP);
    return 0;
  }
  const { from, to } = values;
  if (from === undefined || to === undefined || from === '' || to === '') {
    io.err(`galley migrate: give both --from and --to\nUsage: ${MIGRATE_USAGE}`);
    return 2;
  }
  const shown = (spec: string) => (isPostgresSpec(spec) ? redactUrl(spec) : spec);
  if (from === to) {
    io.err(`galley migrate: --from and --to are the same store (${shown(from)})`);
    return 2;
  }
  // Opening a missing file would create an empty store and "copy" nothing.
  if (!isPostgresSpec(from) && !existsSync(from)) {
    io.err(`galley migrate: ${from} does not exist`);
    return 1;
  }
  const opened: GalleyStore[] = [];
  try {
    const source = await openStore(from);
    opened.push(source);
    const target = await openStore(to);
    opened.push(target);
    const report = await migrateStore(source, target, {
      progress: (stage) => {
        if (!values.json) io.err(`galley migrate: ${stage}…`);
      },
    });
    io.out(values.json ? JSON.stringify(report, null, 2) : describe(report));
    return 0;
  } catch (error) {
    if (error instanceof StoreError || error instanceof MigrateError) {
      io.err(`galley migrate: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    for (const store of opened) await store.close().catch(() => undefined);
  }
}
