import { isIP } from 'node:net';
import { rootCertificates } from 'node:tls';
import nodemailer from 'nodemailer';
import type { SmtpSettings } from '../../core/index.ts';
import type { EditionService } from '../editions/EditionService.ts';
import { loadProfile } from '../export/exportEdition.ts';
import { applySmtpUrl } from './applySmtpUrl.ts';
import { buildTestMessage } from './buildTestMessage.ts';
import { explainSmtpError } from './explainSmtpError.ts';
import type { MailAccess } from './mailAccess.ts';
import { SendError } from './SendError.ts';

export interface SendTestInput {
  id: string;
  to: string[];
  /** Overrides the profile's server for this send: `smtp://HOST:PORT`, `smtps://USER@HOST:PORT`. */
  smtpUrl?: string;
  subjectPrefix?: string;
}

export interface SendTestResult {
  /** The recipients the server took. */
  accepted: string[];
  /** Recipients the server refused while taking the others (when it refuses all, the send fails). */
  rejected: string[];
  messageId: string;
  warnings: string[];
}

// A test send is interactive: say something within seconds rather than after minutes.
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

/**
 * Sends a test of an edition to a few addresses through the profile's SMTP server (or the
 * one `smtpUrl` names). The password comes from `access` and goes to the server only;
 * every failure is a SendError whose message says what happened and what to do.
 */
export async function sendTest(
  editions: EditionService,
  input: SendTestInput,
  access: MailAccess | undefined,
): Promise<SendTestResult> {
  const profile = await loadProfile(editions.store);
  const settings =
    input.smtpUrl !== undefined ? applySmtpUrl(profile.smtp, input.smtpUrl) : profile.smtp;
  if (settings.host === '')
    throw new SendError(
      'smtp-not-configured',
      'No SMTP server is set for test sends: add its host, port and security to the sending settings ' +
        'of the publication profile, or give one for this send (galley send --smtp smtp://HOST:PORT).',
    );
  const edition = await editions.get(input.id);
  const message = await buildTestMessage(
    editions,
    edition,
    { ...profile, smtp: settings },
    { to: input.to, subjectPrefix: input.subjectPrefix },
  );
  const password = settings.user === '' ? undefined : await passwordFor(settings, access);
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: password === undefined ? undefined : { user: settings.user, pass: password },
    tls: {
      minVersion: 'TLSv1.2',
      // Node's list stays: `ca` would otherwise replace it.
      ...(access?.trustedCertificates
        ? { ca: [...rootCertificates, ...access.trustedCertificates()] }
        : {}),
    },
    ...TIMEOUTS,
    // Never a logger: with debug on, nodemailer would write the AUTH exchange out.
    logger: false,
    debug: false,
  });
  try {
    const info = await transport.sendMail({ envelope: message.envelope, raw: message.raw });
    return {
      accepted: info.accepted.map(addressOf),
      rejected: info.rejected.map(addressOf),
      messageId: message.messageId,
      warnings: message.warnings,
    };
  } catch (error) {
    throw explainSmtpError(error, {
      settings,
      bytes: message.raw.byteLength,
      password,
      passwordOrigin: access?.passwordOrigin,
    });
  } finally {
    transport.close();
  }
}

async function passwordFor(settings: SmtpSettings, access: MailAccess | undefined) {
  const { host, port, user } = settings;
  // Only a relay on this machine may see a password over a plain connection.
  if (settings.security === 'none' && !isLoopback(host))
    throw new SendError(
      'smtp-insecure-login',
      `Galley will not send the password of ${user} to ${host} over an unencrypted connection: ` +
        `set security to "starttls" or "tls" (security "none" is for a relay on this machine).`,
    );
  if (!access)
    throw new SendError(
      'smtp-password-missing',
      `The SMTP server ${host} needs the password of ${user}, and this Galley has no password source: ` +
        'send from the app, or from galley send or galley serve with GALLEY_SMTP_PASSWORD set.',
    );
  return access.password({ host, port, user });
}

function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

function addressOf(entry: string | { address: string }): string {
  return typeof entry === 'string' ? entry : entry.address;
}
