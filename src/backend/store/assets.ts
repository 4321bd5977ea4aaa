import type Database from 'better-sqlite3';
import { assetHash } from './records.ts';
import { StoreError } from './StoreError.ts';

/**
 * Images and other binary assets, content-addressed by their SHA-256: the same bytes
 * pasted twice are stored once, and a hash in a doc can never point at changed bytes.
 */

export interface Asset {
  hash: string;
  mime: string;
  bytes: Uint8Array;
  createdAt: string;
}

const HASH = /^[0-9a-f]{64}$/;
/** `type/subtype`, optionally with parameters; enough to reject an empty or garbled type. */

export class Assets {
  private readonly insert: Database.Statement<[string, string, Uint8Array, string]>;
  private readonly select: Database.Statement<[string]>;
  private readonly selectHashes: Database.Statement<[]>;

  constructor(
    db: Database.Database,
    private readonly file: string,
    private readonly now: () => Date,
  ) {
    // OR IGNORE: the first copy wins; a second put of the same bytes is a no-op.
    this.insert = db.prepare(
      'INSERT OR IGNORE INTO assets (hash, mime, bytes, created_at) VALUES (?, ?, ?, ?)',
    );
    this.select = db
      .prepare('SELECT hash, mime, bytes, created_at FROM assets WHERE hash = ?')
      .raw();
    this.selectHashes = db.prepare('SELECT hash FROM assets ORDER BY hash').pluck();
  }

  /** Every stored asset's hash, sorted (copying a store asset by asset). */
  hashes(): string[] {
    return this.selectHashes.all().map((hash) => {
      if (typeof hash !== 'string') {
        throw new StoreError(
          'corrupt',
          `Galley cannot read ${this.file}: an asset hash is not text`,
        );
      }
      return hash;
    });
  }

  /** Stores the bytes (once) and returns their SHA-256 in hex; `createdAt` defaults to now. */
  put(bytes: Uint8Array, mime: string, createdAt?: string): string {
    const hash = assetHash(bytes, mime);
    this.insert.run(hash, mime, bytes, createdAt ?? this.now().toISOString());
    return hash;
  }

  /** The asset with this hash, or null. */
  get(hash: string): Asset | null {
    if (typeof hash !== 'string' || !HASH.test(hash)) return null;
    const row: unknown = this.select.get(hash);
    if (row === undefined) return null;
    const [storedHash, mime, bytes, createdAt]: unknown[] = Array.isArray(row) ? row : [];
    if (
      typeof storedHash !== 'string' ||
      typeof mime !== 'string' ||
      !(bytes instanceof Uint8Array) ||
      typeof createdAt !== 'string'
    ) {
      throw new StoreError(
        'corrupt',
        `Galley cannot read ${this.file}: asset ${hash} is malformed`,
      );
    }
    return { hash: storedHash, mime, bytes, createdAt };
  }
}
