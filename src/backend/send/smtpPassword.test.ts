import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreSmtpSettings } from '../../core/index.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { applySmtpUrl } from './applySmtpUrl.ts';
import { SendError } from './SendError.ts';
import { passwordFromEnvironment } from './smtpPassword.ts';

const tempDir = useTempDir();
const account = { host: 'mail.example.com', port: 587, user: 'ada' };

function failure(fn: () => unknown): SendError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SendError) return error;
    throw error;
  }
  throw new Error('expected a SendError');
}

describe('passwordFromEnvironment', () => {
  it('takes GALLEY_SMTP_PASSWORD first, then the first line of GALLEY_SMTP_PASSWORD_FILE', () => {
    const file = join(tempDir(), 'smtp-password');
    writeFileSync(file, 'from-the-file\nsecond line\n', { mode: 0o600 });
    chmodSync(file, 0o600);
    expect(
      passwordFromEnvironment({
        GALLEY_SMTP_PASSWORD: 'from-env',
        GALLEY_SMTP_PASSWORD_FILE: file,
      })(account),
    ).toBe('from-env');
    expect(passwordFromEnvironment({ GALLEY_SMTP_PASSWORD_FILE: file }, 'linux')(account)).toBe(
      'from-the-file',
    );
  });

  it.runIf(process.platform !== 'win32')(
    'refuses, in words, a file that the group or others can read',
    () => {
      const file = join(tempDir(), 'smtp-password');
      writeFileSync(file, 'secret\n');
      for (const mode of [0o644, 0o640, 0o604]) {
        chmodSync(file, mode);
        const error = failure(() =>
          passwordFromEnvironment({ GALLEY_SMTP_PASSWORD_FILE: file })(account),
        );
        expect(error.code).toBe('smtp-password-file');
        expect(error.message).toContain(
          `can be read by other users (mode 0${mode.toString(8)}), so Galley will not use it: run chmod 600 ${file}`,
        );
        expect(error.message).not.toContain('secret');
      }
    },
  );

  it('says where to put a password when there is none, an empty file, or no file', () => {
    expect(failure(() => passwordFromEnvironment({})(account)).message).toBe(
      'The SMTP server mail.example.com needs the password of ada, and none was given: ' +
        'set GALLEY_SMTP_PASSWORD, or set GALLEY_SMTP_PASSWORD_FILE to a file that only you can read (chmod 600).',
    );
    const empty = join(tempDir(), 'empty');
    writeFileSync(empty, '\n', { mode: 0o600 });
    expect(
      failure(() => passwordFromEnvironment({ GALLEY_SMTP_PASSWORD_FILE: empty })(account)).message,
    ).toMatch(/is empty: put the password on its first line/);
    const missing = join(tempDir(), 'nope');
    expect(
      failure(() => passwordFromEnvironment({ GALLEY_SMTP_PASSWORD_FILE: missing })(account))
        .message,
    ).toMatch(/Cannot read the SMTP password file .*nope \(ENOENT\)/);
  });
});

describe('applySmtpUrl', () => {
  const base = restoreSmtpSettings({
    host: 'smtp.example.com',
    user: 'profile-user',
    fromAddress: 'news@example.com',
    listUnsubscribe: 'mailto:leave@example.com',
  });

  it('takes server, port, security and login from the URL and keeps the sender', () => {
    expect(applySmtpUrl(base, 'smtps://ada%40example.com@mail.example.net:2465')).toEqual({
      ...base,
      host: 'mail.example.net',
      port: 2465,
      security: 'tls',
      user: 'ada@example.com',
    });
    expect(applySmtpUrl(base, 'smtp://relay.local')).toMatchObject({
      host: 'relay.local',
      port: 587,
      security: 'starttls',
      user: '',
    });
    expect(applySmtpUrl(base, 'smtps://mail.example.net').port).toBe(465);
    expect(applySmtpUrl(base, 'smtp://127.0.0.1:1025?security=none')).toMatchObject({
      host: '127.0.0.1',
      port: 1025,
      security: 'none',
    });
  });

  it('refuses a password in the URL and anything that is not an SMTP URL, in words', () => {
    const withPassword = failure(() => applySmtpUrl(base, 'smtp://ada:hunter2@mail.example.com'));
    expect(withPassword.code).toBe('smtp-bad-url');
    expect(withPassword.message).toMatch(
      /Leave the password out of the SMTP URL.*GALLEY_SMTP_PASSWORD/,
    );
    expect(withPassword.message).not.toContain('hunter2');
    for (const url of [
      'https://mail.example.com',
      'smtp://',
      'smtp://mail.example.com/path',
      'smtp://mail.example.com?tls=yes',
      'smtps://mail.example.com?security=none',
      'not a url',
    ])
      expect(failure(() => applySmtpUrl(base, url)).message, url).toMatch(
        /^The SMTP URL cannot be used: .*\. Give smtp:\/\/HOST:PORT/,
      );
  });
});
