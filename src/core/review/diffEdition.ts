import type * as Y from 'yjs';
import type { SectionKind } from '../model/types.ts';
import { readEdition } from '../yjs/editionDoc.ts';
import { diffBody, isUnchanged, type AuthorOf, type DiffRun } from './diffBody.ts';
import { editorOfClient } from './editorsDoc.ts';

/** The state of an edition's docs at one moment (a version, or now). */
export interface EditionState {
  edition: Y.Doc;
  /** Section id -> body doc; a section without one reads as empty. */
  sections: Map<string, Y.Doc>;
}

/** A field whose value differs, as text a reader can compare. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** How one section differs between two states. */
export interface SectionDiff {
  sectionId: string;
  /** The newer title (the older one for a removed section). */
  title: string;
  kind: SectionKind;
  added: boolean;
  removed: boolean;
  /** Its place among the sections both states share changed. */
  moved: boolean;
  fields: FieldChange[];
  body: DiffRun[];
  changed: boolean;
}

/** Everything that differs between two states of an edition. */
export interface EditionDiff {
  meta: FieldChange[];
  /** Newer reading order, each removed section at the place it had. */
  sections: SectionDiff[];
  changed: boolean;
}

const META_SKIP = new Set(['formatVersion', 'id', 'sections', 'extra']);
const SECTION_SKIP = new Set(['id', 'body']);

/**
 * Compares two states of an edition: header fields, section fields, sections added,
 * removed and moved, and each body's word diff with insertions credited through the
 * edition's `clients` map (by default the newer state's).
 */
export function diffEdition(
  editionId: string,
  before: EditionState,
  after: EditionState,
  authorOf: AuthorOf = (client) => editorOfClient(after.edition, client),
): EditionDiff {
  const older = readEdition(editionId, before.edition, () => null);
  const newer = readEdition(editionId, after.edition, () => null);
  const meta = fieldChanges(older, newer, META_SKIP);

  const oldIds = older.sections.map((s) => s.id);
  const newIds = newer.sections.map((s) => s.id);
  const kept = new Set(
    commonSubsequence(
      oldIds.filter((id) => newIds.includes(id)),
      newIds,
    ),
  );
  const oldById = new Map(older.sections.map((s) => [s.id, s]));
  const newById = new Map(newer.sections.map((s) => [s.id, s]));

  const diffOf = (id: string): SectionDiff => {
    const was = oldById.get(id);
    const is = newById.get(id);
    const section = (is ?? was)!;
    const body = diffBody(
      was ? (before.sections.get(id) ?? null) : null,
      is ? (after.sections.get(id) ?? null) : null,
      authorOf,
    );
    const fields =
      was && is
        ? fieldChanges(was, is, SECTION_SKIP)
        : fieldChanges(was ?? {}, is ?? {}, SECTION_SKIP).filter((f) => f.field === 'title');
    const moved = Boolean(was && is && !kept.has(id));
    const diff = {
      sectionId: id,
      title: section.title,
      kind: section.kind,
      added: !was,
      removed: !is,
      moved,
      fields,
      body,
    };
    return {
      ...diff,
      changed: !was || !is || moved || fields.length > 0 || !isUnchanged(body),
    };
  };

  const sections = newIds.map(diffOf);
  // Each removed section goes after the section that preceded it in the older order.
  oldIds.forEach((id, index) => {
    if (newById.has(id)) return;
    const previous = oldIds[index - 1];
    const at = previous === undefined ? -1 : sections.findIndex((s) => s.sectionId === previous);
    sections.splice(at + 1, 0, diffOf(id));
  });
  return { meta, sections, changed: meta.length > 0 || sections.some((s) => s.changed) };
}

function fieldChanges(before: object, after: object, skip: ReadonlySet<string>): FieldChange[] {
  const a = new Map(Object.entries(before));
  const b = new Map(Object.entries(after));
  const keys = [...new Set([...a.keys(), ...b.keys()])].filter((k) => !skip.has(k));
  const changes: FieldChange[] = [];
  for (const field of keys) {
    const was = fieldText(a.get(field));
    const is = fieldText(b.get(field));
    if (was !== is) changes.push({ field, before: was, after: is });
  }
  return changes;
}

function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(fieldText).join(', ');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A longest common subsequence of two short id lists (the sections that did not move). */
function commonSubsequence(a: string[], b: string[]): string[] {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint16Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i * cols + j] =
        a[i] === b[j]
          ? table[(i + 1) * cols + j + 1]! + 1
          : Math.max(table[(i + 1) * cols + j]!, table[i * cols + j + 1]!);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(a[i]!);
      i++;
      j++;
    } else if (table[(i + 1) * cols + j]! >= table[i * cols + j + 1]!) i++;
    else j++;
  }
  return out;
}
