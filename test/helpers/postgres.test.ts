import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { findPostgresBin } from './postgres.ts';

it('fails, saying how to install PostgreSQL, where there is none', () => {
  const empty = mkdtempSync(join(tmpdir(), 'galley-nopg-'));
  try {
    expect(() =>
      findPostgresBin({
        pgConfig: join(empty, 'pg_config'),
        debianRoot: join(empty, 'postgresql'),
        path: empty,
      }),
    ).toThrow(
      /install it with `apt-get install -y postgresql` on Debian\/Ubuntu or `brew install postgresql@15` on macOS/,
    );
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

it('finds initdb and postgres on this machine', () => {
  expect(findPostgresBin()).toMatch(/bin$/);
});
