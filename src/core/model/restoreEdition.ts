import { isValidId, newId } from './ids.ts';
import { restoreBody } from './restoreBody.ts';
import { unwrapRoundupItems } from './restoreRoundup.ts';
import {
  EDITION_FORMAT_VERSION,
  EDITION_STATUSES,
  SECTION_KINDS,
  SECTION_STATUSES,
  type Edition,
  type EditionMeta,
  type JsonValue,
  type Section,
  type SectionKind,
} from './types.ts';
import { sanitizeLinkUrl } from './url.ts';
import { isRecord } from './isRecord.ts';

/** Keys of the edition map that the model knows; anything else is kept in `extra`. */
export const EDITION_META_KEYS = [
  'title',
  'subject',
  'preheader',
  'status',
  'number',
  'publishDate',
  'sentAt',
] as const;
const RESERVED_KEYS = new Set<string>([
  ...EDITION_META_KEYS,
  'id',
  'formatVersion',
  'sections',
  'extra',
]);

/**
 * Repairs and migrates anything that claims to be an edition into a valid `Edition`:
 * wrong types become defaults, unknown kinds become stories, bad links are dropped,
 * duplicate section ids get fresh ones, unknown keys are kept in `extra`. Never throws.
 */
export function restoreEdition(input: unknown): Edition {
  const raw = isRecord(input) ? input : {};
  const seen = new Set<string>();
  const sections: Section[] = [];
  for (const candidate of Array.isArray(raw.sections) ? raw.sections : []) {
    if (!isRecord(candidate)) continue;
    const section = restoreSection(candidate);
    if (seen.has(section.id)) section.id = newId();
    seen.add(section.id);
    sections.push(section);
  }
  const extra: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(isRecord(raw.extra) ? raw.extra : {})) {
    const json = toJsonValue(value);
    if (json !== undefined && !RESERVED_KEYS.has(key)) extra[key] = json;
  }
  for (const [key, value] of Object.entries(raw)) {
    const json = toJsonValue(value);
    if (!RESERVED_KEYS.has(key) && json !== undefined) extra[key] = json;
  }
  return {
    formatVersion: EDITION_FORMAT_VERSION,
    id: isValidId(raw.id) ? raw.id : newId(),
    ...restoreMeta(raw),
    sections,
    extra,
  };
}

/** Repairs the edition-level fields (title, subject, status, number, date...). */
export function restoreMeta(raw: Record<string, unknown>): EditionMeta {
  const sentAt = restoreTimestamp(raw.sentAt);
  return {
    title: str(raw.title),
    subject: str(raw.subject),
    preheader: str(raw.preheader),
    status: oneOf(raw.status, EDITION_STATUSES, 'draft'),
    number: restoreNumber(raw.number),
    publishDate: restoreDate(raw.publishDate),
    // Optional, so editions that were never sent keep exactly the shape they had.
    ...(sentAt === null ? {} : { sentAt }),
  };
}

/** Repairs one section, with the fields of its kind and defaults for missing ones. */
export function restoreSection(raw: Record<string, unknown>): Section {
  const base = {
    id: isValidId(raw.id) ? raw.id : newId(),
    title: str(raw.title),
    status: oneOf(raw.status, SECTION_STATUSES, 'draft'),
    assignee: str(raw.assignee),
    body: restoreBody(raw.body),
  };
  const kind: SectionKind = oneOf(raw.kind, SECTION_KINDS, 'story');
  // Roundup items belong to roundup sections; elsewhere they become paragraphs.
  if (kind !== 'roundup') {
    const unwrapped = unwrapRoundupItems(base.body);
    if (unwrapped !== base.body) base.body = restoreBody(unwrapped);
  }
  switch (kind) {
    case 'roundup':
      return { ...base, kind };
    case 'story':
      return { ...base, kind };
    case 'intro':
      return { ...base, kind, agenda: raw.agenda === 'manual' ? 'manual' : 'auto' };
    case 'sponsor':
      return {
        ...base,
        kind,
        sponsor: str(raw.sponsor),
        url: sanitizeLinkUrl(raw.url) ?? '',
        cta: str(raw.cta),
        disclosure: str(raw.disclosure),
        ...(isValidId(raw.sponsorId) ? { sponsorId: raw.sponsorId } : {}),
      };
    case 'poll':
      return {
        ...base,
        kind,
        question: str(raw.question),
        options: strings(raw.options),
        voteUrl: sanitizeLinkUrl(raw.voteUrl) ?? '',
      };
    case 'feedback':
      return {
        ...base,
        kind,
        prompt: str(raw.prompt),
        choices: strings(raw.choices),
        voteUrl: sanitizeLinkUrl(raw.voteUrl) ?? '',
      };
  }
}

function restoreNumber(value: unknown): number | null {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

function restoreDate(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : null;
}

/** An ISO timestamp as `Date#toISOString` writes it, or null. */
function restoreTimestamp(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value)) return null;
  return Number.isNaN(new Date(value).getTime()) ? null : value;
}

function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map(String);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** A JSON-safe copy of `value`, or undefined when it has no JSON form. */
export function toJsonValue(value: unknown, depth = 0): JsonValue | undefined {
  if (depth > 32) return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) {
    return value
      .map((v) => toJsonValue(v, depth + 1))
      .filter((v): v is JsonValue => v !== undefined);
  }
  if (isRecord(value)) {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) {
      const json = toJsonValue(v, depth + 1);
      if (json !== undefined) out[k] = json;
    }
    return out;
  }
  return undefined;
}
