import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useStoreFiles } from '../../../test/helpers/storeFiles.ts';
import { migrate, SCHEMA_VERSION } from './migrations.ts';

const stores = useStoreFiles();

const ACME = {
  id: 'acme1',
  name: 'Acme',
  url: 'https://acme.test/',
  disclosure: 'Paid for by Acme.',
  cta: 'Try Acme',
  logo: null,
  flightStart: '2026-01-01',
  flightEnd: '2026-01-31',
  notes: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('schema 2: the sponsor library and sent times', () => {
  it('opens a file written by schema 1 and migrates it, keeping its editions', () => {
    const file = stores.file();
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    migrate(old, file, 1);
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old
      .prepare(
        `INSERT INTO editions (id, title, subject, status, number, publish_date, word_count,
          section_count, created_at, updated_at)
         VALUES ('old1', 'Issue 1', 'Hello', 'sent', 1, '2025-12-01', 10, 1, 'x', 'y')`,
      )
      .run();
    expect(() => old.prepare('SELECT * FROM sponsors').all()).toThrow(/no such table/);
    old.close();

    const store = stores.open(file);
    expect(SCHEMA_VERSION).toBe(2);
    expect(store.getEditionSummary('old1')).toMatchObject({
      title: 'Issue 1',
      status: 'sent',
      sentAt: null,
    });
    store.putSponsor(ACME);
    expect(store.listSponsors()).toEqual([ACME]);
    expect(store.integrityCheck()).toBe('ok');
    store.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(2);
    raw.close();
  });

  it('keeps sponsor rows, refuses a flight that ends before it starts, deletes', () => {
    const store = stores.open();
    store.putSponsor(ACME);
    store.putSponsor({ ...ACME, id: 'b', name: 'beta', flightStart: null, flightEnd: null });
    expect(store.listSponsors().map((s) => s.name)).toEqual(['Acme', 'beta']);
    store.putSponsor({ ...ACME, notes: 'renewed', updatedAt: '2026-02-01T00:00:00.000Z' });
    expect(store.getSponsor('acme1')).toMatchObject({
      notes: 'renewed',
      createdAt: ACME.createdAt,
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    // The table's CHECK is the last line of defence behind the API's words.
    expect(() => store.putSponsor({ ...ACME, flightEnd: '2025-12-01' })).toThrow(/CHECK/i);
    expect(store.deleteSponsor('acme1')).toBe(true);
    expect(store.deleteSponsor('acme1')).toBe(false);
    expect(store.getSponsor('acme1')).toBeNull();
  });
});
