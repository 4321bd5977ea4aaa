import {
  GalleyError,
  addSection,
  editionRoom,
  editionTypes,
  flightProblem,
  newId,
  readOrder,
  readSectionFields,
  restoreEdition,
  restoreMeta,
  sectionRoom,
  setSectionFields,
  sponsorCopy,
  sponsorCopyDiffers,
  writeBody,
  type ApiOutputs,
  type Edition,
  type Sponsor,
  type SponsorUse,
  type SponsorUsage,
  type apiInputs,
} from '../../core/index.ts';
import type { z } from 'zod';
import type { EditionService } from './EditionService.ts';

/**
 * The sponsor library: reusable sponsor records in the store, sponsor sections filled
 * from them, and bringing those sections up to date after a record changes. A section
 * holds a copy of the fields and `sponsorId`; sent editions are never rewritten.
 */

type Input<M extends keyof typeof apiInputs> = z.output<(typeof apiInputs)[M]>;

/** The record with this id; throws `not-found` in words. */
export async function requireSponsor(editions: EditionService, id: string): Promise<Sponsor> {
  const sponsor = await editions.store.getSponsor(id);
  if (!sponsor) throw new GalleyError('not-found', `No sponsor with id ${id}.`);
  return sponsor;
}

async function checkLogo(editions: EditionService, logo: string | null): Promise<void> {
  if (logo !== null && !(await editions.store.getAsset(logo)))
    throw new GalleyError('invalid-input', `No stored image ${logo} for the logo: add it first.`);
}

/** Adds a sponsor to the library. */
export async function createSponsor(
  editions: EditionService,
  input: Input<'sponsors.create'>,
): Promise<Sponsor> {
  const now = editions.store.now().toISOString();
  const sponsor: Sponsor = {
    id: newId(),
    name: input.name,
    url: input.url,
    disclosure: input.disclosure ?? '',
    cta: input.cta ?? '',
    logo: input.logo ?? null,
    flightStart: input.flightStart ?? null,
    flightEnd: input.flightEnd ?? null,
    notes: input.notes ?? '',
    createdAt: now,
    updatedAt: now,
  };
  await checkLogo(editions, sponsor.logo);
  await editions.store.putSponsor(sponsor);
  return sponsor;
}

/**
 * Changes some fields of a record. The sections copied from it stay as they are until
 * `applySponsor` (the editor chooses which editions follow).
 */
export async function updateSponsor(
  editions: EditionService,
  input: Input<'sponsors.update'>,
): Promise<Sponsor> {
  const { id, ...patch } = input;
  const current = await requireSponsor(editions, id);
  const next: Sponsor = { ...current, updatedAt: editions.store.now().toISOString() };
  for (const [key, value] of Object.entries(patch) as Array<[keyof typeof patch, unknown]>) {
    if (value !== undefined) Object.assign(next, { [key]: value });
  }
  // The schema checks dates given together; one date against the stored other is checked here.
  const problem = flightProblem(next.flightStart, next.flightEnd);
  if (problem !== null) throw new GalleyError('invalid-input', `sponsors.update: ${problem}`);
  if (next.logo !== current.logo) await checkLogo(editions, next.logo);
  await editions.store.putSponsor(next);
  return next;
}

/** Removes a record; sections copied from it keep their fields and their (now dangling) link. */
export async function deleteSponsor(
  editions: EditionService,
  id: string,
): Promise<ApiOutputs['sponsors.delete']> {
  if (!(await editions.store.deleteSponsor(id)))
    throw new GalleyError('not-found', `No sponsor with id ${id}.`);
  return { deleted: true, id };
}

/**
 * Inserts a sponsor section filled from a record, its (empty) body doc seeded first as
 * `sections.add` does, so no client ever bootstraps it.
 */
export async function addSponsorSection(
  editions: EditionService,
  input: Input<'sections.addSponsor'>,
): Promise<string> {
  await editions.requireSummary(input.editionId);
  const sponsor = await requireSponsor(editions, input.sponsorId);
  // The logo opens the body as an ordinary image: the editor can resize, caption or drop it.
  const logo =
    sponsor.logo === null
      ? []
      : [{ type: 'image', src: `asset:${sponsor.logo}`, alt: `${sponsor.name} logo`, width: 200 }];
  const [section] = restoreEdition({
    sections: [
      {
        kind: 'sponsor',
        title: sponsor.name,
        ...sponsorCopy(sponsor),
        sponsorId: sponsor.id,
        body: { root: { type: 'root', children: logo } },
      },
    ],
  }).sections;
  if (!section) throw new Error('addSponsorSection: restoreEdition dropped the new section');
  const { id: _id, body, ...fields } = section;
  const sectionId = newId();
  await editions.host.change(sectionRoom(sectionId), (doc) => writeBody(doc, body));
  await editions.host.change(editionRoom(input.editionId), (doc) =>
    addSection(doc, sectionId, fields, input.index),
  );
  await editions.refreshIndex(input.editionId);
  return sectionId;
}

/** The sponsor records linked from an edition's sponsor sections (what preflight checks dates against). */
export async function linkedSponsors(
  editions: EditionService,
  edition: Edition,
): Promise<Sponsor[]> {
  const ids = new Set<string>();
  for (const section of edition.sections)
    if (section.kind === 'sponsor' && section.sponsorId !== undefined) ids.add(section.sponsorId);
  const found = await Promise.all([...ids].map((id) => editions.store.getSponsor(id)));
  return found.flatMap((sponsor) => sponsor ?? []);
}

// Read from the doc, not the index: the index can trail an editor's change by a second,
// and a status just set to sent must already protect the edition.
function useOf(
  editions: EditionService,
  editionId: string,
  sponsor: Sponsor,
): Promise<SponsorUse | null> {
  return editions.host.peek(editionRoom(editionId), (doc) => {
    const sectionIds: string[] = [];
    const outdated: string[] = [];
    for (const sectionId of readOrder(doc)) {
      const fields = readSectionFields(doc, sectionId);
      if (fields?.kind !== 'sponsor' || fields.sponsorId !== sponsor.id) continue;
      sectionIds.push(sectionId);
      if (sponsorCopyDiffers(fields, sponsor)) outdated.push(sectionId);
    }
    if (sectionIds.length === 0) return null;
    const raw: Record<string, unknown> = {};
    editionTypes(doc).meta.forEach((value, key) => (raw[key] = value));
    const meta = restoreMeta(raw);
    return {
      editionId,
      title: meta.title,
      status: meta.status,
      publishDate: meta.publishDate,
      sentAt: meta.sentAt ?? null,
      sectionIds,
      outdated,
    };
  });
}

/** Editions (not in the trash) using a sponsor: the unsent ones, and the sent ones apart. */
export async function sponsorUsage(
  editions: EditionService,
  sponsorId: string,
): Promise<SponsorUsage> {
  const sponsor = await requireSponsor(editions, sponsorId);
  const usage: SponsorUsage = { sponsorId, unsent: [], sent: [] };
  for (const { id } of await editions.list()) {
    const use = await useOf(editions, id, sponsor);
    if (use) (use.status === 'sent' ? usage.sent : usage.unsent).push(use);
  }
  return usage;
}

/**
 * Copies the record's fields again into its linked sections of the given editions, each
 * edition in one change (so co-editors see it arrive at once). Sent editions are skipped;
 * without `editionIds` nothing changes and the unsent candidates are listed.
 */
export async function applySponsor(
  editions: EditionService,
  input: Input<'sponsors.applyToEditions'>,
): Promise<ApiOutputs['sponsors.applyToEditions']> {
  const sponsor = await requireSponsor(editions, input.sponsorId);
  const result: ApiOutputs['sponsors.applyToEditions'] = {
    changed: [],
    skipped: [],
    candidates: [],
  };
  if (input.editionIds === undefined) {
    result.candidates = (await sponsorUsage(editions, sponsor.id)).unsent.filter(
      (use) => use.outdated.length > 0,
    );
    return result;
  }
  for (const editionId of new Set(input.editionIds)) {
    const summary = await editions.store.getEditionSummary(editionId);
    const use = summary && !summary.deletedAt ? await useOf(editions, editionId, sponsor) : null;
    if (!summary || summary.deletedAt) result.skipped.push({ editionId, reason: 'not-found' });
    else if (!use) result.skipped.push({ editionId, reason: 'unused' });
    else if (use.status === 'sent') result.skipped.push({ editionId, reason: 'sent' });
    else if (use.outdated.length > 0) {
      await editions.host.change(editionRoom(editionId), (doc) =>
        doc.transact(() => {
          for (const sectionId of use.outdated)
            setSectionFields(doc, sectionId, sponsorCopy(sponsor));
        }),
      );
      await editions.refreshIndex(editionId);
      result.changed.push({ editionId, sectionIds: use.outdated });
    }
  }
  return result;
}
