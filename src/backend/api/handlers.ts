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
  'sections.add': ({ editions }, input) => ({ sectionId: editions.addSection(input) }),
  'editions.get': ({ editions }, { id }) => ({
    summary: editions.requireSummary(id),
    edition: editions.get(id),
  }),
  'editions.delete': ({ editions }, { id, deleted }) => editions.setDeleted(id, deleted ?? true),
  'editions.search': ({ editions }, { query, limit }) => editions.search(query, limit),
  'versions.create': ({ editions }, input) => createVersion(editions, input),
  'versions.list': ({ editions }, { editionId }) => {
    editions.requireSummary(editionId);
    return editions.store.listVersions(editionId);
  },
  'versions.get': ({ editions }, { editionId, versionId }) => {
    const version = editions.store.listVersions(editionId).find((v) => v.id === versionId);
    const edition = readVersion(editions, editionId, versionId);
    const email = renderFormat(editions, edition, 'email').content;
    return { version: version!, edition, email };
  },
  'versions.restore': ({ editions }, input) => restoreVersion(editions, input),
  'store.backup': async ({ editions }, { dest }) => {
    await editions.store.backup(dest);
    return { dest, bytes: statSync(dest).size };
  },
  'peer.join': (ctx, { url, token, share }) =>
    requirePeers(ctx).join({ url, token, share: share ?? 'all' }),
  'peer.leave': (ctx, { url }) => ({ left: requirePeers(ctx).leave(url) }),
  'peer.status': (ctx) => ctx.peers?.status() ?? [],
  'export.render': ({ editions }, { id, format }) =>
    renderFormat(editions, editions.get(id), format),
  'export.bundle': ({ editions }, { id, dest }) => writeBundle(editions, editions.get(id), dest),
  'export.site': ({ editions }, { dest }) => writeSite(editions, dest),
  'links.list': ({ editions }, { id }) => ({
    links: finalLinks(editions.get(id), loadProfile(editions.store)),
  }),
  'editions.check': ({ editions }, { id }) => checkEdition(editions, editions.get(id)),
  'editions.import': ({ editions }, { markdown }) => {
    const result = parseGalleyMarkdown(markdown);
    if (!result.ok) throw new GalleyError(result.error.code, result.error.message);
    return { summary: editions.write(result.edition), warnings: result.warnings };
  },
  'assets.put': ({ editions }, { mime, base64 }) => {
    const bytes = decodeImage(base64, mime);
    const hash = editions.store.putAsset(bytes, mime);
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
  'sections.addSponsor': ({ editions }, input) => ({
    sectionId: addSponsorSection(editions, input),
  }),
  'editions.markSent': ({ editions }, input) => markSent(editions, input),
};
