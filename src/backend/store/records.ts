import { createHash } from 'node:crypto';
import type { EditionSummary } from '../../core/api/contract.ts';
import { isValidId } from '../../core/model/ids.ts';
import type { Sponsor } from '../../core/model/sponsor.ts';
import { EDITION_STATUSES } from '../../core/model/types.ts';
import { RowReader } from './rowReader.ts';
import { StoreError } from './StoreError.ts';

/**
 * The record rules both store engines share: what a stored row must hold and what an input
 * must be before it is written. SQLite and PostgreSQL differ in their SQL, not in these.
 */

/** An editions index row (columns named as the summary's fields) as a summary. */
export function editionSummaryFromRow(row: unknown, location: string): EditionSummary {
  const r = RowReader.of(row, location, 'an editions row');
  return {
    id: r.text('id'),
    title: r.text('title'),
    subject: r.text('subject'),
    status: r.oneOf('status', EDITION_STATUSES),
    number: r.integerOrNull('number'),
    publishDate: r.textOrNull('publishDate'),
    wordCount: r.integer('wordCount'),
    sectionCount: r.integer('sectionCount'),
    createdAt: r.text('createdAt'),
    updatedAt: r.text('updatedAt'),
    deletedAt: r.textOrNull('deletedAt'),
    sentAt: r.textOrNull('sentAt'),
  };
}

/** Throws `invalid-input` for a summary the index must not keep. */
export function checkEditionSummary(
  input: Pick<EditionSummary, 'id' | 'status' | 'number' | 'wordCount' | 'sectionCount'>,
): void {
  const problem = !isValidId(input.id)
    ? 'id is not a valid id'
    : !EDITION_STATUSES.includes(input.status)
      ? `status ${String(input.status)} is not one of ${EDITION_STATUSES.join(', ')}`
      : input.number !== null && !Number.isInteger(input.number)
        ? 'number must be an integer or null'
        : !Number.isInteger(input.wordCount) || !Number.isInteger(input.sectionCount)
          ? 'wordCount and sectionCount must be integers'
          : null;
  if (problem !== null) {
    throw new StoreError('invalid-input', `Edition summary ${input.id}: ${problem}`);
  }
}

/** A sponsors row (columns named as the record's fields) as a sponsor record. */
export function sponsorFromRow(row: unknown, location: string): Sponsor {
  const r = RowReader.of(row, location, 'a sponsors row');
  return {
    id: r.text('id'),
    name: r.text('name'),
    url: r.text('url'),
    disclosure: r.text('disclosure'),
    cta: r.text('cta'),
    logo: r.textOrNull('logo'),
    flightStart: r.textOrNull('flightStart'),
    flightEnd: r.textOrNull('flightEnd'),
    notes: r.text('notes'),
    createdAt: r.text('createdAt'),
    updatedAt: r.text('updatedAt'),
  };
}

/**
 * A setting's value as the JSON text to store, or undefined when there is nothing to keep
 * (JSON.stringify gives undefined for undefined, functions and symbols: the setting goes).
 */
export function settingJson(key: string, value: unknown): string | undefined {
  if (typeof key !== 'string' || key === '') {
    throw new StoreError('invalid-input', 'A setting needs a non-empty key');
  }
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw new StoreError('invalid-input', `Setting ${key} is not JSON-serializable`, {
      cause: error,
    });
  }
}

const MIME = /^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/;

/** Checks an asset's bytes and MIME type and returns the SHA-256 hex that names it. */
export function assetHash(bytes: Uint8Array, mime: string): string {
  if (!(bytes instanceof Uint8Array)) {
    throw new StoreError('invalid-input', 'An asset must be a Uint8Array');
  }
  if (typeof mime !== 'string' || !MIME.test(mime)) {
    throw new StoreError(
      'invalid-input',
      `An asset needs a MIME type like image/png, not ${String(mime)}`,
    );
  }
  return createHash('sha256').update(bytes).digest('hex');
}
