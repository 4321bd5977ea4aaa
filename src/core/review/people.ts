import { isRecord } from '../model/isRecord.ts';
import type { ReviewPerson } from './types.ts';

const COLOR = /^#[0-9a-fA-F]{6}$/;
const MAX_NAME = 80;

/** A stored person value repaired into a ReviewPerson, or null when it has no usable id. */
export function restorePerson(value: unknown): ReviewPerson | null {
  if (!isRecord(value)) return null;
  const record = value;
  const id = typeof record.id === 'string' ? record.id.slice(0, 64) : '';
  if (id === '') return null;
  const name =
    typeof record.name === 'string' && record.name.trim() !== ''
      ? record.name.trim().slice(0, MAX_NAME)
      : 'Someone';
  const color =
    typeof record.color === 'string' && COLOR.test(record.color) ? record.color : '#6b7280';
  return { id, name, color };
}

/** The plain object a person is stored as (Yjs keeps it as JSON). */
export function storedPerson(person: ReviewPerson): Record<string, string> {
  return { id: person.id, name: person.name.slice(0, MAX_NAME), color: person.color };
}
