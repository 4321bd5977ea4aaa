import { settingJson } from '../records.ts';
import { StoreError } from '../StoreError.ts';
import type { PgPool } from './pgPool.ts';

/** Settings as JSON text, the same rules as settings.ts (`undefined` removes). */
export class PgSettings {
  constructor(
    private readonly db: PgPool,
    private readonly location: string,
  ) {}

  /** The setting's value, or undefined when unset. */
  async get(key: string): Promise<unknown> {
    const [row] = await this.db.query<{ value: string }>(
      'SELECT value FROM settings WHERE key = $1',
      [key],
    );
    return row === undefined ? undefined : this.parse(key, row.value);
  }

  /** Every setting, by key. */
  async all(): Promise<Map<string, unknown>> {
    const rows = await this.db.query<{ key: string; value: string }>(
      'SELECT key, value FROM settings ORDER BY key',
    );
    return new Map(rows.map((row) => [row.key, this.parse(row.key, row.value)]));
  }

  /** Sets a JSON-serializable value; `undefined` removes the setting. */
  async set(key: string, value: unknown): Promise<void> {
    const text = settingJson(key, value);
    if (text === undefined) {
      await this.db.query('DELETE FROM settings WHERE key = $1', [key]);
    } else {
      await this.db.query(
        'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        [key, text],
      );
    }
  }

  private parse(key: string, text: unknown): unknown {
    try {
      if (typeof text !== 'string') throw new TypeError('not text');
      const value: unknown = JSON.parse(text);
      return value;
    } catch (error) {
      throw new StoreError(
        'corrupt',
        `Galley cannot read ${this.location}: setting ${key} is not valid JSON`,
        { cause: error },
      );
    }
  }
}
