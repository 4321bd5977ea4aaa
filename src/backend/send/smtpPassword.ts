import { readFileSync, statSync, type Stats } from 'node:fs';
import { SendError } from './SendError.ts';

/** The account a password is asked for: enough for a keychain lookup and for the words. */
export interface SmtpAccount {
  host: string;
  port: number;
  user: string;
}

/**
 * Where a test send gets the SMTP password: asked only when the settings name a user,
 * it returns the password or throws a SendError saying where to put one. The CLI and
 * `galley serve` read the environment; the desktop app can supply one backed by
 * Electron safeStorage. Whatever it returns is never stored, exported or logged.
 */
export type SmtpPasswordSource = (account: SmtpAccount) => string | Promise<string>;

export const PASSWORD_ENV = 'GALLEY_SMTP_PASSWORD';
export const PASSWORD_FILE_ENV = 'GALLEY_SMTP_PASSWORD_FILE';

/**
 * The password from `GALLEY_SMTP_PASSWORD`, else from the file `GALLEY_SMTP_PASSWORD_FILE`
 * names (refused when other users could read it).
 */
export function passwordFromEnvironment(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): SmtpPasswordSource {
  return (account) => {
    const value = env[PASSWORD_ENV];
    if (value !== undefined && value !== '') return value;
    const file = env[PASSWORD_FILE_ENV];
    if (file !== undefined && file !== '') return readPasswordFile(file, platform);
    throw new SendError(
      'smtp-password-missing',
      `The SMTP server ${account.host} needs the password of ${account.user}, and none was given: ` +
        `set ${PASSWORD_ENV}, or set ${PASSWORD_FILE_ENV} to a file that only you can read (chmod 600).`,
    );
  };
}

/**
 * Reads a password file: its first line, without the line break. Refuses a file that the
 * group or others can read or change, or that belongs to another user, in words.
 */
export function readPasswordFile(
  file: string,
  platform: NodeJS.Platform = process.platform,
): string {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    throw new SendError(
      'smtp-password-file',
      `Cannot read the SMTP password file ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}): ` +
        `check ${PASSWORD_FILE_ENV}.`,
    );
  }
  if (!stats.isFile())
    throw new SendError(
      'smtp-password-file',
      `The SMTP password file ${file} is not a file: point ${PASSWORD_FILE_ENV} at a file holding the password.`,
    );
  // Windows has no mode bits to speak of: its ACLs are the user's business there.
  if (platform !== 'win32') {
    if ((stats.mode & 0o077) !== 0) {
      const mode = (stats.mode & 0o777).toString(8).padStart(4, '0');
      throw new SendError(
        'smtp-password-file',
        `The SMTP password file ${file} can be read by other users (mode ${mode}), so Galley will not use it: ` +
          `run chmod 600 ${file} and send again.`,
      );
    }
    const uid = process.getuid?.();
    if (uid !== undefined && stats.uid !== uid)
      throw new SendError(
        'smtp-password-file',
        `The SMTP password file ${file} belongs to another user, so Galley will not use it: ` +
          `keep the password in a file of your own (chmod 600).`,
      );
  }
  const password = readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '';
  if (password === '')
    throw new SendError(
      'smtp-password-file',
      `The SMTP password file ${file} is empty: put the password on its first line.`,
    );
  return password;
}
