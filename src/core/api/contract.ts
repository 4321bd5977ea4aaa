import { z } from 'zod';
import type { FinalLink } from '../export/shared/finalLinks.ts';
import type { PublicationProfile } from '../export/shared/profile.ts';
import {
  EDITION_STATUSES,
  SECTION_KINDS,
  type Edition,
  type EditionStatus,
} from '../model/types.ts';
import { MAX_MARKDOWN_BYTES } from '../import/parseGalleyMarkdown.ts';
import type { PreflightResult } from '../preflight/types.ts';
import { isEmailAddress } from '../send/smtpSettings.ts';
import { sponsorInputs, type SponsorOutputs } from './sponsorContract.ts';
import { commentInputs, type CommentOutputs } from './commentsContract.ts';
import type { EditionDiff } from '../review/diffEdition.ts';

/**
 * The API contract: one zod schema per method for its input, and the output type of
 * each. Electron IPC and `POST /api/<method>` both validate with these schemas and call
 * the same handlers, so the renderer and the CLI see one API.
 */
/** The formats an edition exports to, one file each (the bundle holds all three). */
export const EXPORT_FORMATS = ['email', 'markdown', 'text'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

import { ASSET_MIME_TYPES, MAX_ASSET_BYTES } from './assetLimits.ts';
export { ASSET_MIME_TYPES, MAX_ASSET_BYTES };

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');

export const apiInputs = {
  'editions.list': z.object({
    status: z.enum(EDITION_STATUSES).optional(),
    includeDeleted: z.boolean().optional(),
  }),
  'editions.create': z.object({
    title: z.string().max(300).optional(),
    /** `structure`: the sections of `sourceId`, with their fields, as a new edition. */
    from: z.enum(['blank', 'sample', 'structure']).optional(),
    sourceId: id.optional(),
    /** With `from: 'structure'`: keep the section bodies (else they start empty). */
    keepBodies: z.boolean().optional(),
  }),
  'editions.duplicate': z.object({ id }),
  /** Adds a section with its body doc seeded by the backend (clients never bootstrap). */
  'sections.add': z.object({
    editionId: id,
    kind: z.enum(SECTION_KINDS),
    title: z.string().max(300).optional(),
    index: z.number().int().min(0).optional(),
  }),
  'editions.get': z.object({ id }),
  'editions.delete': z.object({ id, deleted: z.boolean().optional() }),
  'editions.search': z.object({
    query: z.string().max(500),
    limit: z.number().int().min(1).max(200).optional(),
  }),
  'versions.create': z.object({
    editionId: id,
    label: z.string().trim().min(1).max(200),
    author: z.string().max(100).optional(),
  }),
  'versions.list': z.object({ editionId: id }),
  'versions.get': z.object({ editionId: id, versionId: z.string().min(1).max(100) }),
  'versions.restore': z.object({
    editionId: id,
    versionId: z.string().min(1).max(100),
    author: z.string().max(100).optional(),
  }),
  /** The per-section diff from a saved version to a later one, or to now (`to: 'now'`). */
  'versions.compare': z.object({
    editionId: id,
    from: z.string().min(1).max(100),
    to: z.string().min(1).max(100),
  }),
  'store.backup': z.object({ dest: z.string().min(1) }),
  'peer.join': z.object({
    url: z.string().min(1).max(2000),
    token: z.string().min(1).max(500),
    share: z.union([z.literal('all'), z.array(id)]).optional(),
  }),
  'peer.leave': z.object({ url: z.string().min(1).max(2000) }),
  'peer.status': z.object({}),
  'export.render': z.object({ id, format: z.enum(EXPORT_FORMATS) }),
  'export.bundle': z.object({ id, dest: z.string().min(1) }),
  /** The web archive of every sent edition, written into the folder `dest`. */
  'export.site': z.object({ dest: z.string().min(1) }),
  /** Every link of an edition with the URL an export writes (UTM tags added). */
  'links.list': z.object({ id }),
  'editions.check': z.object({ id }),
  'editions.import': z.object({ markdown: z.string().max(MAX_MARKDOWN_BYTES) }),
  'assets.put': z.object({
    mime: z.enum(ASSET_MIME_TYPES),
    /** The file's bytes, base64; at most MAX_ASSET_BYTES once decoded. */
    base64: z.string().max(Math.ceil(MAX_ASSET_BYTES / 3) * 4 + 4),
  }),
  'profile.get': z.object({}),
  'profile.set': z.object({ profile: z.record(z.string(), z.unknown()) }),
  /** Opens the local hub to the network with a new share token (replacing any session). */
  'session.host': z.object({ access: z.enum(['write', 'read']) }),
  'session.status': z.object({}),
  'session.stop': z.object({}),
  /** Sends a test of the edition over SMTP; the password comes from the host, never the input. */
  'send.test': z.object({
    id,
    to: z
      .array(z.string().trim().refine(isEmailAddress, 'not an email address a test can go to'))
      .min(1)
      .max(20),
    /** `smtp://HOST:PORT` or `smtps://USER@HOST:PORT`, for this send instead of the profile's. */
    smtpUrl: z.string().min(1).max(2000).optional(),
    /** Before the subject, default `[Test]`; '' for none. */
    subjectPrefix: z.string().max(100).optional(),
  }),
  /** Where test sends get the SMTP password here, and whether one is stored. */
  'mail.status': z.object({}),
  /** Keeps the SMTP password in the desktop app's vault ('' forgets it); never in the database. */
  'mail.setPassword': z.object({ password: z.string().max(1000) }),
  ...sponsorInputs,
  ...commentInputs,
} as const;

export type ApiMethod = keyof typeof apiInputs;

/** Methods a read-only token (a reviewer) may call: they change nothing. */
export const READ_ONLY_METHODS: ReadonlySet<ApiMethod> = new Set([
  'editions.list',
  'editions.get',
  'editions.search',
  'versions.list',
  'versions.get',
  'versions.compare',
  'peer.status',
  'export.render',
  'editions.check',
  'links.list',
  'profile.get',
  'sponsors.list',
  'sponsors.get',
  'sponsors.usage',
  'comments.list',
]);
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputs)[M]>;

export interface EditionSummary {
  id: string;
  title: string;
  subject: string;
  status: EditionStatus;
  number: number | null;
  publishDate: string | null;
  wordCount: number;
  sectionCount: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** When the edition was marked sent (ISO timestamp); null while it is not sent. */
  sentAt: string | null;
}

export interface SearchHit {
  editionId: string;
  sectionId: string | null;
  title: string;
  snippet: string;
}

export interface VersionInfo {
  id: string;
  editionId: string;
  label: string;
  author: string;
  auto: boolean;
  createdAt: string;
}

/** What `versions.compare` returns: the two ends (`to` null for now) and their diff. */
export interface VersionCompare {
  from: VersionInfo;
  to: VersionInfo | null;
  diff: EditionDiff;
}

export interface ApiOutputs extends SponsorOutputs, CommentOutputs {
  /** The summary after the change; versionId: the "Sent <date>" version frozen now, if any. */
  'editions.markSent': { summary: EditionSummary; versionId: string | null };
  'editions.list': EditionSummary[];
  'editions.create': EditionSummary;
  'editions.duplicate': EditionSummary;
  'sections.add': { sectionId: string };
  'editions.get': { summary: EditionSummary; edition: Edition };
  'editions.delete': EditionSummary;
  'editions.search': SearchHit[];
  'versions.create': VersionInfo;
  'versions.list': VersionInfo[];
  'versions.get': { version: VersionInfo; edition: Edition; email: string };
  'versions.restore': VersionInfo;
  'versions.compare': VersionCompare;
  'store.backup': { dest: string; bytes: number };
  'peer.join': PeerStatus;
  'peer.leave': { left: boolean };
  'peer.status': PeerStatus[];
  'export.render': { format: ExportFormat; content: string; warnings: string[] };
  'export.bundle': { dir: string; files: string[] };
  /** Paths relative to `dir`: files written, and files whose bytes were already there. */
  'export.site': { dir: string; written: string[]; unchanged: string[]; warnings: string[] };
  'links.list': { links: FinalLink[] };
  'editions.check': PreflightResult;
  'editions.import': { summary: EditionSummary; warnings: string[] };
  'assets.put': { hash: string; src: string; bytes: number };
  'profile.get': PublicationProfile;
  'profile.set': PublicationProfile;
  'session.host': HostedSession;
  'session.status': HostedSession | null;
  'session.stop': { stopped: boolean };
  'send.test': TestSendResult;
  'mail.status': MailStatus;
  'mail.setPassword': { stored: boolean };
}

/** How test sends get the SMTP password on this Galley. */
export interface MailStatus {
  /** The workbench can keep a password (the desktop app with a system vault). */
  canStorePassword: boolean;
  /** A password is kept there. */
  passwordStored: boolean;
  /** Where the password comes from, in words (an environment variable, the vault). */
  passwordOrigin: string;
}

/** What a test send reports: the message went to `accepted`; the server refused `rejected`. */
export interface TestSendResult {
  accepted: string[];
  rejected: string[];
  messageId: string;
  warnings: string[];
}

/**
 * A session this hub hosts: where colleagues connect, and the invite link that carries
 * the share token. Not a read-only method's output: the link grants its access.
 */
export interface HostedSession {
  /** The sync endpoint others reach, e.g. `ws://192.168.1.20:53211/sync`. */
  url: string;
  /** `galley://join?url=...&token=...` (see core/invite.ts). */
  inviteLink: string;
  access: 'write' | 'read';
  /** Sync connections open through the session right now (a guest opens one per room). */
  connections: number;
  startedAt: string;
}

export interface PeerStatus {
  url: string;
  state: 'connecting' | 'connected' | 'offline';
  rooms: number;
  connectedRooms: number;
  editions: string[];
}

/** Type check: every method has both an input schema and an output type. */
export type ApiOutput<M extends ApiMethod> = ApiOutputs[M];
