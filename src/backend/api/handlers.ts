import { statSync } from 'node:fs';
import type { z } from 'zod';
import {
  finalLinks,
  GalleyError,
  parseGalleyMarkdown,
  type ApiMethod,
  type ApiOutputs,
  type HostedSession,
  type apiInputs,
} from '../../core/index.ts';
import type { PeerManager } from '../peer/PeerManager.ts';
import type { Access } from '../hub/auth.ts';
import type { EditionService } from '../editions/EditionService.ts';
import {
  checkEdition,
  loadProfile,
  renderFormat,
  saveProfile,
  writeBundle,
} from '../export/exportEdition.ts';
import { createVersion, readVersion, restoreVersion } from '../editions/versions.ts';
import { compareVersions } from '../editions/compareVersions.ts';
import { decodeImage } from './decodeImage.ts';
import { writeSite } from '../site/writeSite.ts';
import type { MailAccess } from '../send/mailAccess.ts';
import { sendTest } from '../send/sendTest.ts';
import { markSent } from '../editions/markSent.ts';
import {
  addSponsorSection,
  applySponsor,
  createSponsor,
  deleteSponsor,
  requireSponsor,
  sponsorUsage,
  updateSponsor,
} from '../editions/sponsorLibrary.ts';
import { SqliteStore } from '../store/SqliteStore.ts';
import {
  addComment,
  deleteComment,
  editComment,
  listComments,
  replyToComment,
  resolveComment,
} from '../editions/editionComments.ts';

/** Hosting a co-editing session, as the handlers see it (backend/session implements it). */
export interface SessionControl {
  host(access: Access): Promise<HostedSession>;
  status(): HostedSession | null;
  stop(): Promise<boolean>;
}

/** What every handler can reach. */
export interface ApiContext {
  editions: EditionService;
  /** Present while a hub runs (desktop app, `galley serve`); the CLI alone has none. */
  peers?: PeerManager;
  /** Hosting a co-editing session; present while a hub runs, like `peers`. */
  session?: SessionControl;
  /** The SMTP password source (and extra trust) of this host; without it, sends that log in fail. */
  mail?: MailAccess;
}

function requirePeers(ctx: ApiContext): PeerManager {
  if (!ctx.peers)
    throw new GalleyError(
      'unavailable',
      'Co-editing needs the sync hub: run galley serve or the app.',
    );
  return ctx.peers;
}

function requireSession(ctx: ApiContext): SessionControl {
  if (!ctx.session)
    throw new GalleyError('unavailable', 'Hosting a session needs the sync hub: run the app.');
  return ctx.session;
}

type Handler<M extends ApiMethod> = (
  ctx: ApiContext,
  input: z.output<(typeof apiInputs)[M]>,
) => ApiOutputs[M] | Promise<ApiOutputs[M]>;

/** One handler per API method, typed once against the contract. */
export const handlers: { [M in ApiMethod]: Handler<M> } = {
  'editions.list': ({ editions }, input) => editions.list(input),
  'editions.create': ({ editions }, input) => editions.create(input),
  'editions.duplicate': ({ editions }, { id }) => editions.duplicate(id),
  'sections.add': async ({ editions }, input) => ({
    sectionId: await editions.addSection(input),
  }),
  'editions.get': async ({ editions }, { id }) => ({
    summary: await editions.requireSummary(id),
    edition: await editions.get(id),
  }),
  'editions.delete': ({ editions }, { id, deleted }) => editions.setDeleted(id, deleted ?? true),
  'editions.search': ({ editions }, { query, limit }) => editions.search(query, limit),
  'versions.create': ({ editions }, input) => createVersion(editions, input),
  'versions.list': async ({ editions }, { editionId }) => {
    await editions.requireSummary(editionId);
    return editions.store.listVersions(editionId);
  },
  'versions.get': async ({ editions }, { editionId, versionId }) => {
    const versions = await editions.store.listVersions(editionId);
    const version = versions.find((v) => v.id === versionId);
    const edition = await readVersion(editions, editionId, versionId);
    const email = (await renderFormat(editions, edition, 'email')).content;
    return { version: version!, edition, email };
  },
  'versions.restore': ({ editions }, input) => restoreVersion(editions, input),
  'versions.compare': ({ editions }, input) => compareVersions(editions, input),
  'store.backup': async ({ editions }, { dest }) => {
    const { store } = editions;
    // A PostgreSQL database is backed up with its own tools (pg_dump), not by Galley.
    if (!(store instanceof SqliteStore))
      throw new GalleyError(
        'unavailable',
        `galley backup copies a SQLite file; ${store.location} is a ${store.kind} database: back it up with pg_dump.`,
      );
    await store.backup(dest);
    return { dest, bytes: statSync(dest).size };
  },
  'peer.join': (ctx, { url, token, share }) =>
    requirePeers(ctx).join({ url, token, share: share ?? 'all' }),
  'peer.leave': (ctx, { url }) => ({ left: requirePeers(ctx).leave(url) }),
  'peer.status': (ctx) => ctx.peers?.status() ?? [],
  'export.render': async ({ editions }, { id, format }) =>
    renderFormat(editions, await editions.get(id), format),
  'export.bundle': async ({ editions }, { id, dest }) =>
    writeBundle(editions, await editions.get(id), dest),
  'export.site': ({ editions }, { dest }) => writeSite(editions, dest),
  'links.list': async ({ editions }, { id }) => ({
    links: finalLinks(await editions.get(id), await loadProfile(editions.store)),
  }),
  'editions.check': async ({ editions }, { id }) => checkEdition(editions, await editions.get(id)),
  'editions.import': async ({ editions }, { markdown }) => {
    const result = parseGalleyMarkdown(markdown);
    if (!result.ok) throw new GalleyError(result.error.code, result.error.message);
    return { summary: await editions.write(result.edition), warnings: result.warnings };
  },
  'assets.put': async ({ editions }, { mime, base64 }) => {
    const bytes = decodeImage(base64, mime);
    const hash = await editions.store.putAsset(bytes, mime);
    return { hash, src: `asset:${hash}`, bytes: bytes.byteLength };
  },
  'profile.get': ({ editions }) => loadProfile(editions.store),
  'profile.set': ({ editions }, { profile }) => saveProfile(editions.store, profile),
  'session.host': (ctx, { access }) => requireSession(ctx).host(access),
  'session.status': (ctx) => ctx.session?.status() ?? null,
  'session.stop': async (ctx) => ({ stopped: (await ctx.session?.stop()) ?? false }),
  'send.test': (ctx, input) => sendTest(ctx.editions, input, ctx.mail),
  'mail.status': ({ mail }) => ({
    canStorePassword: mail?.store?.canStore() ?? false,
    passwordStored: mail?.store?.has() ?? false,
    passwordOrigin: mail?.passwordOrigin ?? 'nowhere: this Galley sends without a password',
  }),
  'mail.setPassword': ({ mail }, { password }) => {
    if (!mail?.store)
      throw new GalleyError(
        'unavailable',
        'This Galley keeps no SMTP password: give galley serve the password in GALLEY_SMTP_PASSWORD or GALLEY_SMTP_PASSWORD_FILE.',
      );
    mail.store.set(password);
    return { stored: password !== '' };
  },
  'sponsors.list': ({ editions }) => editions.store.listSponsors(),
  'sponsors.get': ({ editions }, { id }) => requireSponsor(editions, id),
  'sponsors.create': ({ editions }, input) => createSponsor(editions, input),
  'sponsors.update': ({ editions }, input) => updateSponsor(editions, input),
  'sponsors.delete': ({ editions }, { id }) => deleteSponsor(editions, id),
  'sponsors.usage': ({ editions }, { sponsorId }) => sponsorUsage(editions, sponsorId),
  'sponsors.applyToEditions': ({ editions }, input) => applySponsor(editions, input),
  'sections.addSponsor': async ({ editions }, input) => ({
    sectionId: await addSponsorSection(editions, input),
  }),
  'editions.markSent': ({ editions }, input) => markSent(editions, input),
  'comments.list': ({ editions }, input) => listComments(editions, input),
  'comments.add': ({ editions }, input) => addComment(editions, input),
  'comments.reply': ({ editions }, input) => replyToComment(editions, input),
  'comments.edit': ({ editions }, input) => editComment(editions, input),
  'comments.delete': ({ editions }, input) => deleteComment(editions, input),
  'comments.resolve': ({ editions }, input) => resolveComment(editions, input, true),
  'comments.reopen': ({ editions }, input) => resolveComment(editions, input, false),
};
