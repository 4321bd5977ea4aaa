import type { SmtpSettings } from '../../core/index.ts';
import { SendError } from './SendError.ts';

/** What the words of a failed send may draw on beside the error itself. */
export interface SendCircumstances {
  settings: SmtpSettings;
  /** The message's size in bytes. */
  bytes: number;
  /** Removed from anything quoted from the server, should a server ever echo it. */
  password?: string;
  /** Where the password came from (`GALLEY_SMTP_PASSWORD or …`), for a refused login. */
  passwordOrigin?: string;
}

// The fields nodemailer puts on its errors; read defensively, it is foreign data.
interface MailerFailure {
  code?: unknown;
  command?: unknown;
  response?: unknown;
  responseCode?: unknown;
  rejected?: unknown;
  message?: unknown;
}

/**
 * Turns a nodemailer failure into a SendError that says what happened and what to do:
 * authentication failed, connection refused, STARTTLS required but not offered, a TLS
 * failure, recipients refused, message too large, server unreachable, or the server's
 * own reply. A SendError passes through unchanged.
 */
export function explainSmtpError(error: unknown, at: SendCircumstances): SendError {
  if (error instanceof SendError) return error;
  const failure: MailerFailure = typeof error === 'object' && error !== null ? error : {};
  const code = String(failure.code ?? '');
  const command = String(failure.command ?? '');
  const responseCode = typeof failure.responseCode === 'number' ? failure.responseCode : 0;
  const said = redact(
    String(failure.response ?? failure.message ?? error)
      .split('\n')[0]!
      .trim(),
    at.password,
  );
  const { host, port, user } = at.settings;
  const server = `The SMTP server ${host}:${port}`;

  if (code === 'EAUTH')
    return new SendError(
      'smtp-auth-failed',
      `${server} refused the login of ${user} (it said: ${said}): check the user name in the sending settings ` +
        `and the password${at.passwordOrigin ? ` in ${at.passwordOrigin}` : ''}, then send again.`,
    );
  if (/ECONNREFUSED/.test(String(failure.message)))
    return new SendError(
      'smtp-connection-refused',
      `Nothing accepts connections at ${host}:${port} (connection refused): check the host and port in the ` +
        `sending settings (587 for STARTTLS, 465 for TLS) and that the server is running.`,
    );
  if (code === 'ETLS' && command === 'STARTTLS')
    return new SendError(
      'smtp-tls-not-offered',
      `${server} does not offer STARTTLS (it said: ${said}), and the sending settings require it so that the ` +
        `password and the message do not cross the network in the clear: use the server's TLS port ` +
        `(security "tls", usually 465), or security "none" only for a relay on this machine.`,
    );
  if (code === 'ETLS' || /certificate|SSL|TLS/i.test(said))
    return new SendError(
      'smtp-tls-failed',
      `The secure connection to ${host}:${port} failed (${said}): if the port expects STARTTLS set security to ` +
        `"starttls", if it expects TLS from the start set "tls"; a server with its own certificate authority ` +
        `needs that certificate trusted (GALLEY_SMTP_CA_FILE for the CLI and galley serve).`,
    );
  if (isTooLarge(command, responseCode, said))
    return new SendError(
      'smtp-message-too-large',
      `${server} refused the message as too large (${(at.bytes / 1024).toFixed(0)} KB; it said: ${said}): ` +
        `set a public base URL in the profile so images are linked instead of attached, or shorten the edition.`,
    );
  if (code === 'EENVELOPE' && command.startsWith('RCPT')) {
    const rejected = Array.isArray(failure.rejected) ? failure.rejected.map(String).join(', ') : '';
    return new SendError(
      'smtp-recipient-refused',
      `${server} refused the recipient${rejected.includes(',') ? 's' : ''} ${rejected} (it said: ${said}): ` +
        `check the addresses, or ask the server's administrator whether it accepts mail for them from ${user || 'you'}.`,
    );
  }
  if (
    ['ETIMEDOUT', 'EDNS', 'ECONNECTION'].includes(code) ||
    /ENOTFOUND|EAI_AGAIN|timed? ?out/i.test(said)
  )
    return new SendError(
      'smtp-unreachable',
      `Could not talk to ${host}:${port} (${said}): check the host name and your network, then send again.`,
    );
  return new SendError(
    'smtp-failed',
    `${server} did not take the message (${said}): check the sending settings, or ask the server's administrator.`,
  );
}

// 552 is "exceeded storage allocation"; at RCPT it means a full mailbox, not this message.
function isTooLarge(command: string, responseCode: number, said: string): boolean {
  if (command.startsWith('RCPT')) return false;
  return (
    responseCode === 552 ||
    responseCode === 534 ||
    /\b(too (big|large)|size limit|exceeds?.*size)\b/i.test(said)
  );
}

function redact(text: string, password: string | undefined): string {
  return password ? text.split(password).join('***') : text;
}
