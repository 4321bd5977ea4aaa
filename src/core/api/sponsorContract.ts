import { z } from 'zod';
import { isIsoDate, isWebUrl, type Sponsor } from '../model/sponsor.ts';
import type { EditionStatus } from '../model/types.ts';

/**
 * The API methods of the sponsor library and of sent editions, kept beside the main
 * contract (which spreads them in) so that file stays about editions at large.
 */

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');
const isoDate = z.string().refine(isIsoDate, 'not a date written YYYY-MM-DD');

const sponsorFields = {
  name: z.string().trim().min(1, 'a sponsor needs a name').max(200),
  url: z
    .string()
    .trim()
    .max(2000)
    .refine(isWebUrl, 'not a web address: give the full link, starting with https://'),
  disclosure: z.string().trim().max(500),
  cta: z.string().trim().max(100),
  logo: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'not the hash of a stored image (assets.put gives one)')
    .nullable(),
  flightStart: isoDate.nullable(),
  flightEnd: isoDate.nullable(),
  notes: z.string().max(5000),
};

/** The flight's words, shared with the backend's check of an update against the record. */
export function flightProblem(start: string | null, end: string | null): string | null {
  return start !== null && end !== null && end < start
    ? `the flight ends (${end}) before it starts (${start})`
    : null;
}

function checkFlight(
  value: { flightStart?: string | null; flightEnd?: string | null },
  ctx: z.RefinementCtx,
): void {
  const problem = flightProblem(value.flightStart ?? null, value.flightEnd ?? null);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, path: ['flightEnd'] });
}

// Every field of a record: create needs a name and a link, update any subset.
const sponsorRecord = z.object(sponsorFields);

export const sponsorInputs = {
  'sponsors.list': z.object({}),
  'sponsors.get': z.object({ id }),
  'sponsors.create': sponsorRecord
    .partial()
    .required({ name: true, url: true })
    .superRefine(checkFlight),
  /** Changes the given fields; `null` clears the logo or a flight date. */
  'sponsors.update': sponsorRecord.partial().extend({ id }).superRefine(checkFlight),
  /** Removes the record only: sections copied from it keep their fields (and the dangling link). */
  'sponsors.delete': z.object({ id }),
  /** Editions (not in the trash) with sections linked to the sponsor, unsent and sent apart. */
  'sponsors.usage': z.object({ sponsorId: id }),
  /**
   * Copies the record's fields again into the linked sections of the given editions that
   * are not sent; without `editionIds`, changes nothing and lists the candidates.
   */
  'sponsors.applyToEditions': z.object({
    sponsorId: id,
    editionIds: z.array(id).max(1000).optional(),
  }),
  /** Inserts a sponsor section filled from a record (fields copied, `sponsorId` linked). */
  'sections.addSponsor': z.object({
    editionId: id,
    sponsorId: id,
    index: z.number().int().min(0).optional(),
  }),
  /** Sets the status to sent and records when (default now); a second call changes nothing. */
  'editions.markSent': z.object({
    id,
    at: z.iso.datetime({ message: 'not a time written like 2026-12-06T09:30:00Z' }).optional(),
  }),
} as const;

/** One edition's use of a sponsor. */
export interface SponsorUse {
  editionId: string;
  title: string;
  status: EditionStatus;
  publishDate: string | null;
  sentAt: string | null;
  /** The linked sponsor sections, in reading order. */
  sectionIds: string[];
  /** Section ids whose copied fields differ from the record now. */
  outdated: string[];
}

/** Where a sponsor is used: editions that can still change, and sent ones (left as sent). */
export interface SponsorUsage {
  sponsorId: string;
  unsent: SponsorUse[];
  sent: SponsorUse[];
}

export interface SponsorOutputs {
  'sponsors.list': Sponsor[];
  'sponsors.get': Sponsor;
  'sponsors.create': Sponsor;
  'sponsors.update': Sponsor;
  'sponsors.delete': { deleted: true; id: string };
  'sponsors.usage': SponsorUsage;
  'sponsors.applyToEditions': {
    /** Editions whose sections were rewritten, with those sections. */
    changed: Array<{ editionId: string; sectionIds: string[] }>;
    /** Asked-for editions left alone, with why (sent, not using the sponsor, unknown). */
    skipped: Array<{ editionId: string; reason: 'sent' | 'unused' | 'not-found' }>;
    /** Without editionIds: the unsent editions an apply would change. */
    candidates: SponsorUse[];
  };
  'sections.addSponsor': { sectionId: string };
}
