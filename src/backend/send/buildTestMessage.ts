import MailComposer from 'nodemailer/lib/mail-composer';
import {
  isEmailAddress,
  listUnsubscribeValue,
  type Edition,
  type PublicationProfile,
} from '../../core/index.ts';
import type { EditionService } from '../editions/EditionService.ts';
import { renderFormat } from '../export/exportEdition.ts';
import { SendError } from './SendError.ts';
import type { Asset } from '../store/assets.ts';

export const DEFAULT_SUBJECT_PREFIX = '[Test]';

export interface TestMessageOptions {
  to: string[];
  /** Put before the subject with a space; '' for none. Default `[Test]`. */
  subjectPrefix?: string;
}

/** A built message, ready for any SMTP transport. */
export interface TestMessage {
  /** The whole RFC 5322 message. */
  raw: Buffer;
  envelope: { from: string; to: string[] };
  messageId: string;
  /** Stored images carried inside the message (no `publicBaseUrl` to link them from). */
  inlineImages: number;
  warnings: string[];
}

// Stored images are rendered as https placeholders and then pointed at their attachment.
// Placeholders in the model, not a stand-in publicBaseUrl: anything else derived from
// that base (archive links, what UTM leaves alone) keeps the profile's real value.
// `.invalid` can never resolve (RFC 2606), so a stray one could not fetch anything.
const INLINE_BASE = 'https://galley-inline-image.invalid/';
const ASSET_SRC = /^asset:([0-9a-f]{64})$/;
const INLINE_URL = /https:\/\/galley-inline-image\.invalid\/([0-9a-f]{64})/g;

/**
 * A test send of an edition: `multipart/alternative` with the plain text and the email
 * HTML (preheader included), `List-Unsubscribe` from the profile, the subject prefixed.
 * Stored images are linked through `publicBaseUrl` when the profile has one, otherwise
 * attached and referenced as `cid:`, so a test shows them before anything is published.
 */
export async function buildTestMessage(
  editions: EditionService,
  edition: Edition,
  profile: PublicationProfile,
  options: TestMessageOptions,
): Promise<TestMessage> {
  const from = senderOf(profile);
  const warnings: string[] = [];
  const inline = profile.publicBaseUrl === '';
  const email = inline
    ? await renderFormat(editions, withPlaceholders(edition), 'email', withPlaceholders(profile))
    : await renderFormat(editions, edition, 'email', profile);
  const text = await renderFormat(editions, edition, 'text', profile);
  warnings.push(...email.warnings, ...text.warnings);

  const attachments: NonNullable<MailComposer.Options['attachments']> = [];
  const attached = new Set<string>();
  // The replacer below is synchronous: the images it attaches are looked up first.
  const assets = new Map<string, Asset | null>();
  for (const [, hash] of email.content.matchAll(INLINE_URL))
    if (hash !== undefined && !assets.has(hash))
      assets.set(hash, await editions.store.getAsset(hash));
  const html = email.content.replace(INLINE_URL, (_url, hash: string) => {
    const cid = `${hash}@galley`;
    if (!attached.has(hash)) {
      attached.add(hash);
      const asset = assets.get(hash);
      if (asset) {
        const ext = asset.mime.split('/')[1]?.replace(/[^a-z0-9]/g, '') || 'bin';
        attachments.push({
          cid,
          content: Buffer.from(asset.bytes),
          contentType: asset.mime,
          filename: `image-${hash.slice(0, 12)}.${ext}`,
          contentDisposition: 'inline',
        });
      } else
        warnings.push(`image asset:${hash} is not in this database: it shows as a broken image`);
    }
    return `cid:${cid}`;
  });
  if (html.includes(INLINE_BASE))
    throw new Error('buildTestMessage: an inline image URL was left in the HTML');

  const headers: Record<string, string> = {};
  const unsubscribe =
    listUnsubscribeValue(profile.smtp.listUnsubscribe) ??
    listUnsubscribeValue(profile.unsubscribeUrl);
  if (unsubscribe !== null) headers['List-Unsubscribe'] = unsubscribe;
  else
    warnings.push(
      'no List-Unsubscribe header: the unsubscribe URL is a merge tag only a sending service fills in; ' +
        'set an https: or mailto: List-Unsubscribe in the sending settings',
    );

  const prefix = (options.subjectPrefix ?? DEFAULT_SUBJECT_PREFIX).trim();
  const subject = edition.subject.trim() || edition.title.trim() || 'Untitled edition';
  const node = new MailComposer({
    from: { name: profile.smtp.fromName || profile.name, address: from },
    to: options.to,
    subject: prefix === '' ? subject : `${prefix} ${subject}`,
    text: text.content,
    html,
    attachments,
    headers,
    // Everything is handed in as bytes: the composer must never read a path or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
    xMailer: false,
  }).compile();
  const raw = await node.build();
  return {
    raw,
    envelope: { from, to: options.to },
    messageId: node.messageId(),
    inlineImages: attachments.length,
    warnings,
  };
}

/** A copy in which every `asset:<sha256>` string (image sources, logos) is a placeholder URL. */
function withPlaceholders<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) => {
    const hash = typeof v === 'string' ? ASSET_SRC.exec(v)?.[1] : undefined;
    return hash === undefined ? v : INLINE_BASE + hash;
  }) as T;
}

/** The From address: the profile's, else the SMTP login when that is an address. */
function senderOf(profile: PublicationProfile): string {
  const { fromAddress, user } = profile.smtp;
  if (fromAddress !== '') return fromAddress;
  if (isEmailAddress(user)) return user;
  throw new SendError(
    'smtp-not-configured',
    'A test send needs a sender address: set "From address" in the publication profile\'s sending settings.',
  );
}
