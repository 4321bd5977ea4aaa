import type Database from 'better-sqlite3';
import { settingJson } from './records.ts';
import { StoreError } from './StoreError.ts';

/**
 * Small app settings as JSON values, kept in the database so that they travel with a
 * backup and with the library they describe.
 */
export class Settings {
  private readonly select: Database.Statement<[string]>;
  private readonly upsert: Database.Statement<[string, string]>;
  private readonly remove: Database.Statement<[string]>;
  private readonly selectKeys: Database.Statement<[]>;

  constructor(
    db: Database.Database,
    private readonly file: string,
  ) {
    this.select = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
    this.upsert = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.remove = db.prepare('DELETE FROM settings WHERE key = ?');
    this.selectKeys = db.prepare('SELECT key FROM settings ORDER BY key').pluck();
  }

  /** Every setting, by key (copying a store). */
  all(): Map<string, unknown> {
    const settings = new Map<string, unknown>();
    for (const key of this.selectKeys.all()) {
      if (typeof key !== 'string') throw this.corrupt(String(key));
      settings.set(key, this.get(key));
    }
    return settings;
  }

  /** The setting's value, or undefined when it was never set. */
  get(key: string): unknown {
    const text: unknown = this.select.get(key);
    if (text === undefined) return undefined;
    if (typeof text !== 'string') throw this.corrupt(key);
    try {
      const value: unknown = JSON.parse(text);
      return value;
    } catch (error) {
      throw this.corrupt(key, error);
    }
  }

  /** Sets a JSON-serializable value; `undefined` removes the setting. */
  set(key: string, value: unknown): void {
    const text = settingJson(key, value);
    // JSON.stringify gives undefined for undefined, functions and symbols: nothing to keep.
    if (text === undefined) this.remove.run(key);
    else this.upsert.run(key, text);
  }

  private corrupt(key: string, cause?: unknown): StoreError {
    return new StoreError(
      'corrupt',
      `Galley cannot read ${this.file}: setting ${key} is not valid JSON`,
      {
        cause,
      },
    );
  }
}
