import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtpServer.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { runCli } from '../cli/runCli.ts';

const tempDir = useTempDir();
const servers: TestSmtpServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const USER = 'editor@example.com';
const PASSWORD = 'cli-Pw-7hx!marmalade-3312';
const BIN = join(import.meta.dirname, '../../../bin/galley.js');

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The real executable, so stderr is the process's own, whatever wrote to it. */
function galley(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; out: string; err: string }>((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, ...env } },
      (error, out, err) => resolve({ code: error ? Number(error.code) : 0, out, err }),
    );
  });
}

async function setup() {
  const smtp = await startSmtpServer({ user: USER, password: PASSWORD });
  servers.push(smtp);
  const dir = tempDir();
  const db = join(dir, 'galley.db');
  const ca = join(dir, 'smtp-ca.pem');
  writeFileSync(ca, smtp.cert);
  const created = await cli(['new', '--title', 'Issue 12', '--db', db, '--json']);
  const { id } = JSON.parse(created.out) as { id: string };
  const url = `smtp://${encodeURIComponent(USER)}@127.0.0.1:${smtp.port}`;
  return { smtp, dir, db, ca, id, url };
}

describe('galley send', () => {
  it('sends a test through the server in --smtp with the password from the environment', async () => {
    const { smtp, db, ca, id, url } = await setup();
    const env = { GALLEY_SMTP_PASSWORD: PASSWORD, GALLEY_SMTP_CA_FILE: ca };
    const sent = await cli(
      ['send', id, '--to', 'ada@example.com, grace@example.com', '--smtp', url, '--db', db],
      env,
    );
    expect(sent.code).toBe(0);
    expect(sent.out).toMatch(
      /^Sent a test to ada@example\.com, grace@example\.com \(message <.+>\)$/,
    );
    // The default profile's unsubscribe URL is a merge tag: said, not fatal.
    expect(sent.err).toMatch(/warning: no List-Unsubscribe header/);
    const mail = await simpleParser(smtp.messages[0]!);
    expect(mail.subject).toBe('[Test] Issue 12');
    expect(mail.from?.value[0]?.address).toBe(USER);
    expect(smtp.sessions[0]).toMatchObject({ secure: true, user: USER });

    const json = await cli(
      [
        'send',
        id,
        '--to',
        'ada@example.com',
        '--smtp',
        url,
        '--subject-prefix',
        '',
        '--json',
        '--db',
        db,
      ],
      env,
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ accepted: ['ada@example.com'], rejected: [] });
    expect((await simpleParser(smtp.messages[1]!)).subject).toBe('Issue 12');
  });

  it('says what went wrong with exit 1, and usage mistakes with exit 2', async () => {
    const { smtp, dir, db, ca, id, url } = await setup();
    const wrong = await cli(['send', id, '--to', 'ada@example.com', '--smtp', url, '--db', db], {
      GALLEY_SMTP_PASSWORD: 'wrong-password',
      GALLEY_SMTP_CA_FILE: ca,
    });
    expect(wrong).toMatchObject({ code: 1, out: '' });
    expect(wrong.err).toMatch(
      /^galley send: The SMTP server 127\.0\.0\.1:\d+ refused the login of editor@example\.com .*GALLEY_SMTP_PASSWORD or GALLEY_SMTP_PASSWORD_FILE/,
    );

    const shared = join(dir, 'password');
    writeFileSync(shared, `${PASSWORD}\n`, { mode: 0o644 });
    const readable = await cli(['send', id, '--to', 'ada@example.com', '--smtp', url, '--db', db], {
      GALLEY_SMTP_PASSWORD_FILE: shared,
      GALLEY_SMTP_CA_FILE: ca,
    });
    expect(readable.code).toBe(1);
    if (process.platform !== 'win32')
      expect(readable.err).toMatch(/can be read by other users \(mode 0644\).*chmod 600/);
    expect(readable.err).not.toContain(PASSWORD);

    const untrusted = await cli(
      ['send', id, '--to', 'ada@example.com', '--smtp', url, '--db', db],
      {
        GALLEY_SMTP_PASSWORD: PASSWORD,
      },
    );
    expect(untrusted.code).toBe(1);
    expect(untrusted.err).toMatch(
      /The secure connection to 127\.0\.0\.1:\d+ failed \(self-signed certificate/,
    );

    expect((await cli(['send', id, '--smtp', url, '--db', db])).code).toBe(2);
    expect(
      (await cli(['send', id, '--to', 'ada@example.com', '--smtp', 'http://x', '--db', db])).code,
    ).toBe(2);
    expect(
      (await cli(['send', id, '--to', 'not-an-address', '--smtp', url, '--db', db])).code,
    ).toBe(2);
    expect(smtp.messages).toEqual([]);
  });

  it('keeps the password out of its output and the database, as a real process', async () => {
    const { smtp, dir, db, ca, id, url } = await setup();
    const file = join(dir, 'password');
    writeFileSync(file, `${PASSWORD}\n`, { mode: 0o600 });
    const env = { GALLEY_SMTP_PASSWORD_FILE: file, GALLEY_SMTP_CA_FILE: ca, GALLEY_LOG: 'debug' };
    const ok = await galley(
      ['send', id, '--to', 'ada@example.com', '--smtp', url, '--db', db],
      env,
    );
    expect(ok.code, ok.err).toBe(0);
    const refused = await galley(
      [
        'send',
        id,
        '--to',
        'ada@example.com',
        '--smtp',
        url.replace('editor%40', 'someone%40'),
        '--db',
        db,
      ],
      env,
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/refused the login of someone@example\.com/);
    expect(smtp.messages).toHaveLength(1);
    const outputs = [ok.out, ok.err, refused.out, refused.err, readFileSync(db).toString('latin1')];
    for (const needle of [PASSWORD, Buffer.from(PASSWORD).toString('base64')])
      for (const text of outputs) expect(text).not.toContain(needle);
  });
});
