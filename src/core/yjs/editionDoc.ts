import * as Y from 'yjs';
import { EDITION_META_KEYS, restoreEdition } from '../model/restoreEdition.ts';
import type { Edition, EditionMeta, JsonValue, Section, SectionBody } from '../model/types.ts';

/**
 * The edition doc schema (room `edition:<id>`), as documented in the README:
 * `getMap('edition')` holds the meta fields (and any unknown keys, kept as they are),
 * `getArray('order')` the section ids in reading order, `getMap('sections')` one Y.Map
 * of fields per section. List fields (poll options, feedback choices) are Y.Arrays.
 */
export const EDITION_MAP = 'edition';
export const ORDER_ARRAY = 'order';
export const SECTIONS_MAP = 'sections';

/** Section fields as stored in the edition doc: everything but id and body. */
export type SectionFields = Section extends infer S
  ? S extends Section
    ? Omit<S, 'id' | 'body'>
    : never
  : never;
type FieldKey = SectionFields extends infer S ? (S extends SectionFields ? keyof S : never) : never;
/** A change to any fields of a section, of any kind (a kind change keeps the other fields). */
export type SectionFieldPatch = {
  // keyof rather than `Record<K, infer V>`: that never matches an optional field (sponsorId).
  [K in FieldKey]?: SectionFields extends infer S
    ? S extends SectionFields
      ? K extends keyof S
        ? Exclude<S[K], undefined>
        : never
      : never
    : never;
};
type FieldValue = string | number | boolean | null | string[];

/** The doc's three shared types. */
export function editionTypes(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>(EDITION_MAP),
    order: doc.getArray<string>(ORDER_ARRAY),
    sections: doc.getMap<Y.Map<unknown>>(SECTIONS_MAP),
  };
}

/** Section ids in reading order: first occurrence wins, ids without fields are skipped. */
export function readOrder(doc: Y.Doc): string[] {
  const { order, sections } = editionTypes(doc);
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const id of order.toArray()) {
    if (typeof id !== 'string' || seen.has(id) || !(sections.get(id) instanceof Y.Map)) continue;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

/** The raw fields of one section as plain values, or null when it does not exist. */
export function readSectionFields(doc: Y.Doc, sectionId: string): Record<string, unknown> | null {
  const fields = editionTypes(doc).sections.get(sectionId);
  if (!(fields instanceof Y.Map)) return null;
  const out: Record<string, unknown> = {};
  fields.forEach((value, key) => {
    out[key] = value instanceof Y.AbstractType ? value.toJSON() : value;
  });
  return out;
}

/**
 * Reads the edition model from its edition doc and a lookup of section bodies,
 * repaired through `restoreEdition` (a doc may have been written by any client).
 */
export function readEdition(
  editionId: string,
  doc: Y.Doc,
  bodyOf: (sectionId: string) => SectionBody | null,
): Edition {
  const raw: Record<string, unknown> = {};
  editionTypes(doc).meta.forEach((value, key) => {
    raw[key] = value instanceof Y.AbstractType ? value.toJSON() : value;
  });
  const sections = readOrder(doc).map((id) => ({
    ...readSectionFields(doc, id),
    id,
    body: bodyOf(id),
  }));
  return restoreEdition({ ...raw, id: editionId, sections });
}

/** Sets edition meta fields (and unknown `extra` keys) in one transaction. */
export function setEditionMeta(
  doc: Y.Doc,
  patch: Partial<EditionMeta> & { extra?: Record<string, JsonValue> },
): void {
  const { meta } = editionTypes(doc);
  doc.transact(() => {
    for (const key of EDITION_META_KEYS) {
      if (key in patch && patch[key] !== undefined && meta.get(key) !== patch[key])
        meta.set(key, patch[key]);
    }
    for (const [key, value] of Object.entries(patch.extra ?? {})) {
      if (JSON.stringify(meta.get(key)) !== JSON.stringify(value)) meta.set(key, value);
    }
  });
}

/** Adds a section's fields at `index` (default: the end). The body lives in its own doc. */
export function addSection(
  doc: Y.Doc,
  sectionId: string,
  fields: SectionFields,
  index?: number,
): void {
  const { order, sections } = editionTypes(doc);
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    sections.set(sectionId, map);
    writeFields(map, fields);
    const at = index === undefined ? order.length : clampIndex(doc, index);
    order.insert(at, [sectionId]);
  });
}

/** Changes some fields of a section (title, status, kind fields...). */
export function setSectionFields(
  doc: Y.Doc,
  sectionId: string,
  patch: Partial<SectionFields>,
): void {
  const map = editionTypes(doc).sections.get(sectionId);
  if (!(map instanceof Y.Map)) throw new Error(`setSectionFields: no section ${sectionId}`);
  doc.transact(() => writeFields(map, patch));
}

/** Renames a section. */
export function retitleSection(doc: Y.Doc, sectionId: string, title: string): void {
  setSectionFields(doc, sectionId, { title });
}

/**
 * Moves a section to `toIndex` of the reading order: a delete plus an insert of the id,
 * so concurrent moves never lose a section (readers keep the first occurrence).
 */
export function moveSection(doc: Y.Doc, sectionId: string, toIndex: number): void {
  const { order } = editionTypes(doc);
  doc.transact(() => {
    deleteFromOrder(order, sectionId);
    const visible = readOrder(doc).filter((id) => id !== sectionId);
    const target = Math.max(0, Math.min(toIndex, visible.length));
    // Insert right after the visible section that should precede it.
    const before = target === 0 ? -1 : order.toArray().indexOf(visible[target - 1]!);
    order.insert(before + 1, [sectionId]);
  });
}

/** Removes a section from the order and its fields from the doc. */
export function removeSection(doc: Y.Doc, sectionId: string): void {
  const { order, sections } = editionTypes(doc);
  doc.transact(() => {
    deleteFromOrder(order, sectionId);
    sections.delete(sectionId);
  });
}

/**
 * Makes the edition doc hold exactly `edition` (meta, extra keys, order, fields),
 * writing only what differs: how import and version restore bring content in
 * without rewriting history.
 */
export function applyEdition(doc: Y.Doc, edition: Edition): void {
  const { meta, order, sections } = editionTypes(doc);
  doc.transact(() => {
    const { id: _id, formatVersion: _v, sections: list, extra, ...fields } = edition;
    setEditionMeta(doc, { ...fields, extra });
    const keep = new Set<string>([...EDITION_META_KEYS, ...Object.keys(extra)]);
    for (const key of [...meta.keys()]) if (!keep.has(key)) meta.delete(key);

    const wanted = new Set(list.map((s) => s.id));
    for (const id of [...sections.keys()]) if (!wanted.has(id)) sections.delete(id);
    for (const section of list) {
      const { id, body: _body, ...sectionFields } = section;
      let map = sections.get(id);
      if (!(map instanceof Y.Map)) {
        map = new Y.Map<unknown>();
        sections.set(id, map);
      }
      writeFields(map, sectionFields);
    }
    const ids = list.map((s) => s.id);
    if (JSON.stringify(order.toArray()) !== JSON.stringify(ids)) {
      order.delete(0, order.length);
      order.insert(0, ids);
    }
  });
}

function writeFields(map: Y.Map<unknown>, fields: SectionFieldPatch): void {
  for (const [key, value] of Object.entries(fields) as Array<[string, FieldValue | undefined]>) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      const current = map.get(key);
      if (current instanceof Y.Array && JSON.stringify(current.toArray()) === JSON.stringify(value))
        continue;
      const list = new Y.Array<string>();
      list.insert(0, value);
      map.set(key, list);
    } else if (map.get(key) !== value) {
      map.set(key, value);
    }
  }
}

function deleteFromOrder(order: Y.Array<string>, sectionId: string): void {
  const items = order.toArray();
  for (let i = items.length - 1; i >= 0; i--) if (items[i] === sectionId) order.delete(i, 1);
}

function clampIndex(doc: Y.Doc, index: number): number {
  const visible = readOrder(doc);
  if (index >= visible.length) return editionTypes(doc).order.length;
  return Math.max(0, editionTypes(doc).order.toArray().indexOf(visible[Math.max(0, index)]!));
}
