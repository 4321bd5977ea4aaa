import { StoreError } from './StoreError.ts';

/**
 * Typed reads of one row from better-sqlite3, which types rows as `unknown`. A value of
 * the wrong type means the file was changed behind Galley's back; that is reported as
 * `corrupt` (naming the file and the column) rather than cast and carried along.
 * Hand-written instead of a schema library: the store is loaded by every CLI call and
 * every hub start, and these few checks cost nothing to import.
 */
export class RowReader {
  private constructor(
    private readonly row: object,
    private readonly file: string,
    private readonly what: string,
  ) {}

  /** Wraps a row returned by `get`/`all` (object mode); throws `corrupt` if it is not one. */
  static of(row: unknown, file: string, what: string): RowReader {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new StoreError('corrupt', `Galley cannot read ${file}: ${what} is not a row`);
    }
    return new RowReader(row, file, what);
  }

  /** A TEXT column. */
  text(key: string): string {
    const value = this.get(key);
    if (typeof value !== 'string') throw this.wrong(key, 'text');
    return value;
  }

  /** A TEXT column that may be NULL. */
  textOrNull(key: string): string | null {
    const value = this.get(key);
    return value === null ? null : this.text(key);
  }

  /** An INTEGER column. */
  integer(key: string): number {
    const value = this.get(key);
    if (typeof value !== 'number' || !Number.isInteger(value)) throw this.wrong(key, 'an integer');
    return value;
  }

  /** An INTEGER column that may be NULL. */
  integerOrNull(key: string): number | null {
    const value = this.get(key);
    return value === null ? null : this.integer(key);
  }

  /** A TEXT column holding one of `values`. */
  oneOf<T extends string>(key: string, values: readonly T[]): T {
    const value = this.text(key);
    const found = values.find((allowed) => allowed === value);
    if (found === undefined) throw this.wrong(key, `one of ${values.join(', ')}`);
    return found;
  }

  private get(key: string): unknown {
    return Reflect.get(this.row, key);
  }

  private wrong(key: string, expected: string): StoreError {
    return new StoreError(
      'corrupt',
      `Galley cannot read ${this.file}: column ${key} of ${this.what} is not ${expected}`,
    );
  }
}
