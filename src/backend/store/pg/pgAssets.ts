import type { Asset } from '../assets.ts';
import { assetHash } from '../records.ts';
import { StoreError } from '../StoreError.ts';
import { toBytes, type PgPool } from './pgPool.ts';

/** Content-addressed assets on PostgreSQL, the same rules as assets.ts. */

const HASH = /^[0-9a-f]{64}$/;

export class PgAssets {
  constructor(
    private readonly db: PgPool,
    private readonly location: string,
    private readonly now: () => Date,
  ) {}

  /** Stores the bytes once (the first copy wins) and returns their SHA-256 hex. */
  async put(bytes: Uint8Array, mime: string, createdAt?: string): Promise<string> {
    const hash = assetHash(bytes, mime);
    await this.db.query(
      `INSERT INTO assets (hash, mime, bytes, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (hash) DO NOTHING`,
      [
        hash,
        mime,
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        createdAt ?? this.now().toISOString(),
      ],
    );
    return hash;
  }

  /** The asset with this hash, or null. */
  async get(hash: string): Promise<Asset | null> {
    if (typeof hash !== 'string' || !HASH.test(hash)) return null;
    const [row] = await this.db.query<{
      hash: unknown;
      mime: unknown;
      bytes: unknown;
      created_at: unknown;
    }>('SELECT hash, mime, bytes, created_at FROM assets WHERE hash = $1', [hash]);
    if (row === undefined) return null;
    if (
      typeof row.hash !== 'string' ||
      typeof row.mime !== 'string' ||
      typeof row.created_at !== 'string'
    ) {
      throw new StoreError(
        'corrupt',
        `Galley cannot read ${this.location}: asset ${hash} is malformed`,
      );
    }
    return { hash: row.hash, mime: row.mime, bytes: toBytes(row.bytes), createdAt: row.created_at };
  }

  /** Every asset's hash, sorted. */
  async hashes(): Promise<string[]> {
    const rows = await this.db.query<{ hash: string }>('SELECT hash FROM assets ORDER BY hash');
    return rows.map((row) => row.hash);
  }
}
