import {
  SMTP_SECURITIES,
  defaultSmtpPort,
  restoreSmtpSettings,
  type SmtpSecurity,
  type SmtpSettings,
} from '../../core/index.ts';
import { SendError } from './SendError.ts';
import { PASSWORD_ENV } from './smtpPassword.ts';

const SHAPE =
  'smtp://HOST:PORT (STARTTLS required), smtps://USER@HOST:PORT (implicit TLS), or smtp://HOST:PORT?security=none (a local relay)';

/**
 * The profile's sending settings with server, port, security and login taken from an
 * SMTP URL, for one send. The sender and List-Unsubscribe stay the profile's. A password
 * in the URL is refused: a command line is visible to other programs and kept in history.
 */
export function applySmtpUrl(base: SmtpSettings, text: string): SmtpSettings {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw bad(`"${text}" is not a URL`);
  }
  if (url.password !== '')
    throw new SendError(
      'smtp-bad-url',
      `Leave the password out of the SMTP URL (command lines are visible to other programs and kept in shell history): ` +
        `set ${PASSWORD_ENV} instead.`,
    );
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw bad(`${url.protocol} is not an SMTP URL scheme`);
  if (url.hostname === '') throw bad('the URL names no host');
  if (url.pathname !== '' && url.pathname !== '/') throw bad('an SMTP URL has no path');
  let security: SmtpSecurity = url.protocol === 'smtps:' ? 'tls' : 'starttls';
  for (const [key, value] of url.searchParams) {
    if (key !== 'security' || !(SMTP_SECURITIES as readonly string[]).includes(value))
      throw bad(`unknown option ${key}=${value}`);
    if (url.protocol === 'smtps:' && value !== 'tls')
      throw bad('smtps:// always uses implicit TLS');
    security = value as SmtpSecurity;
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const settings = restoreSmtpSettings({
    ...base,
    host,
    port: url.port === '' ? defaultSmtpPort(security) : Number(url.port),
    security,
    user: decodeURIComponent(url.username),
  });
  // restoreSmtpSettings blanks a host it cannot use; say so rather than send nowhere.
  if (settings.host !== host) throw bad(`"${host}" is not a host name`);
  return settings;
}

function bad(what: string): SendError {
  return new SendError('smtp-bad-url', `The SMTP URL cannot be used: ${what}. Give ${SHAPE}.`);
}
