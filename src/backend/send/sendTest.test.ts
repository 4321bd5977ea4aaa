import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import {
  closedPort,
  startSmtpServer,
  type TestSmtpServer,
} from '../../../test/helpers/smtpServer.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { openBackend } from '../openBackend.ts';

const tempDir = useTempDir();
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const USER = 'editor@example.com';
// Distinctive, so a grep over bytes cannot find it by accident.
const PASSWORD = 'pw-Qx7!tangerine-9041';
// Not a real PNG: the server and the parser carry bytes, they do not decode them.
const IMAGE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);
const LOGO = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);

async function server(options: Parameters<typeof startSmtpServer>[0] = {}) {
  const smtp = await startSmtpServer({ user: USER, password: PASSWORD, ...options });
  cleanups.push(() => smtp.close());
  return smtp;
}

/** A backend whose profile sends to `smtp`, trusting its certificate, and one edition with an image. */
async function setup(smtp: TestSmtpServer, profile: Record<string, unknown> = {}) {
  const dir = tempDir();
  const db = join(dir, 'galley.db');
  const backend = await openBackend(db);
  cleanups.push(() => backend.close());
  backend.context.mail = { password: () => PASSWORD, trustedCertificates: () => [smtp.cert] };
  const image = await backend.store.putAsset(IMAGE, 'image/png');
  const logo = await backend.store.putAsset(LOGO, 'image/png');
  const saved = await backend.invoke('profile.set', {
    profile: {
      name: 'The Build Log',
      logoUrl: `asset:${logo}`,
      unsubscribeUrl: 'https://example.com/unsubscribe',
      smtp: {
        host: '127.0.0.1',
        port: smtp.port,
        security: 'starttls',
        user: USER,
        fromName: 'The Build Log',
        fromAddress: 'news@example.com',
      },
      ...profile,
    },
  });
  expect(saved.ok).toBe(true);
  const imported = await backend.invoke('editions.import', {
    markdown:
      '---\ntitle: Issue 9\nsubject: The week in tools\npreheader: Three tools worth a look\n---\n\n' +
      `# Issue 9\n\n## Tools\n\nRead [the review](https://example.com/review).\n\n![A chart of tools](asset:${image})\n`,
  });
  if (!imported.ok) throw new Error(imported.error.message);
  return { backend, db, dir, id: imported.value.summary.id, image, logo };
}

async function received(smtp: TestSmtpServer, index = 0): Promise<ParsedMail> {
  return simpleParser(smtp.messages[index]!, { keepCidLinks: true });
}

describe('send.test over a real SMTP server', () => {
  it('sends multipart/alternative over STARTTLS with a login, stored images attached by cid', async () => {
    const smtp = await server();
    const { backend, id, image, logo } = await setup(smtp);
    const result = await backend.invoke('send.test', { id, to: ['ada@example.com'] });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.accepted).toEqual(['ada@example.com']);
    expect(result.value.rejected).toEqual([]);
    expect(smtp.sessions).toEqual([{ secure: true, user: USER, envelopeTo: ['ada@example.com'] }]);

    const raw = smtp.messages[0]!.toString('latin1');
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/im);
    const mail = await received(smtp);
    expect(mail.subject).toBe('[Test] The week in tools');
    expect(mail.messageId).toBe(result.value.messageId);
    expect(mail.from?.value).toEqual([{ name: 'The Build Log', address: 'news@example.com' }]);
    expect(raw).toMatch(/^List-Unsubscribe: <https:\/\/example\.com\/unsubscribe>$/m);
    expect(mail.headers.get('list')).toMatchObject({
      unsubscribe: { url: 'https://example.com/unsubscribe' },
    });
    expect(mail.text).toContain('Read the review');
    expect(mail.text).toContain('https://example.com/review');
    const html = String(mail.html);
    expect(html).toContain('Three tools worth a look');
    // The preheader is the first thing in the body (EMAIL_RULES 10).
    expect(html.indexOf('Three tools worth a look')).toBeLessThan(html.indexOf('Read'));

    const cids = [...html.matchAll(/src="cid:([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(cids)).toEqual(new Set([`${image}@galley`, `${logo}@galley`]));
    for (const cid of cids) {
      const attachment = mail.attachments.find((a) => a.cid === cid);
      expect(attachment, `cid:${cid}`).toBeDefined();
      expect(attachment!.contentType).toBe('image/png');
    }
    const imageAttachment = mail.attachments.find((a) => a.cid === `${image}@galley`)!;
    expect(new Uint8Array(imageAttachment.content)).toEqual(IMAGE);
    expect(html).not.toContain('asset:');
    expect(html).not.toContain('.invalid');
  });

  it('links images through publicBaseUrl instead, and takes a List-Unsubscribe and a prefix of its own', async () => {
    const smtp = await server();
    const { backend, id, image } = await setup(smtp, {
      publicBaseUrl: 'https://cdn.example.com/news',
      logoUrl: '',
    });
    const profile = await backend.invoke('profile.get', {});
    if (!profile.ok) throw new Error(profile.error.message);
    await backend.invoke('profile.set', {
      profile: {
        ...profile.value,
        smtp: {
          ...profile.value.smtp,
          listUnsubscribe: 'mailto:leave@example.com, https://example.com/u',
        },
      },
    });
    const result = await backend.invoke('send.test', {
      id,
      to: ['ada@example.com'],
      subjectPrefix: '[Proof 2]',
    });
    expect(result.ok).toBe(true);
    const mail = await received(smtp);
    expect(mail.subject).toBe('[Proof 2] The week in tools');
    expect(mail.attachments).toEqual([]);
    expect(String(mail.html)).toContain(`https://cdn.example.com/news/images/${image}.png`);
    expect(smtp.messages[0]!.toString('latin1')).toMatch(
      /^List-Unsubscribe: <mailto:leave@example.com>, <https:\/\/example.com\/u>$/m,
    );
  });

  it('tags links with the profile UTM settings, never the unsubscribe link', async () => {
    const smtp = await server();
    const { backend, id } = await setup(smtp, {
      utm: { source: 'buildlog', medium: 'email', campaign: 'issue-{number}' },
    });
    const result = await backend.invoke('send.test', { id, to: ['ada@example.com'] });
    if (!result.ok) throw new Error(result.error.message);
    const mail = await received(smtp);
    const hrefs = [...String(mail.html).matchAll(/href="([^"]+)"/g)].map((m) =>
      m[1]!.replaceAll('&amp;', '&'),
    );
    const review = hrefs.find((href) => href.startsWith('https://example.com/review'));
    expect(review).toBeDefined();
    const params = new URL(review!).searchParams;
    expect(params.get('utm_source')).toBe('buildlog');
    expect(params.get('utm_medium')).toBe('email');
    expect(mail.text).toContain(review);
    expect(hrefs).toContain('https://example.com/unsubscribe');
    expect(smtp.messages[0]!.toString('latin1')).toMatch(
      /^List-Unsubscribe: <https:\/\/example\.com\/unsubscribe>$/m,
    );
  });

  it('sends to every address the server takes and reports the ones it refuses', async () => {
    const smtp = await server({ refuse: (address) => address.startsWith('nobody') });
    const { backend, id } = await setup(smtp);
    const result = await backend.invoke('send.test', {
      id,
      to: ['nobody@example.com', 'ada@example.com'],
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.accepted).toEqual(['ada@example.com']);
    expect(result.value.rejected).toEqual(['nobody@example.com']);
    expect(smtp.sessions[0]!.envelopeTo).toEqual(['ada@example.com']);
  });
});

describe('send.test failures, each produced for real and said in words', () => {
  const cases: Array<{
    name: string;
    make: () => Promise<{ smtp: TestSmtpServer; port?: number; password?: string }>;
    to?: string[];
    code: string;
    words: RegExp[];
  }> = [
    {
      name: 'a wrong password',
      make: async () => ({ smtp: await server(), password: 'not-the-password' }),
      code: 'smtp-auth-failed',
      words: [
        /refused the login of editor@example\.com/,
        /check the user name .* and the password/,
      ],
    },
    {
      name: 'a closed port',
      make: async () => ({ smtp: await server(), port: await closedPort() }),
      code: 'smtp-connection-refused',
      words: [
        /Nothing accepts connections at 127\.0\.0\.1:\d+ \(connection refused\)/,
        /check the host and port/,
      ],
    },
    {
      name: 'a server without STARTTLS while it is required',
      make: async () => ({ smtp: await server({ noStartTls: true }) }),
      code: 'smtp-tls-not-offered',
      words: [/does not offer STARTTLS/, /use the server's TLS port/],
    },
    {
      name: 'a refused recipient',
      make: async () => ({ smtp: await server({ refuse: () => true }) }),
      to: ['nobody@example.com'],
      code: 'smtp-recipient-refused',
      words: [
        /refused the recipient nobody@example\.com/,
        /No mailbox here/,
        /check the addresses/,
      ],
    },
    {
      name: 'a message over the size limit',
      make: async () => ({ smtp: await server({ size: 2000 }) }),
      code: 'smtp-message-too-large',
      words: [/refused the message as too large \(\d+ KB/, /set a public base URL/],
    },
  ];

  for (const c of cases) {
    it(`says so for ${c.name}`, async () => {
      const { smtp, port, password } = await c.make();
      const { backend, id } = await setup(smtp);
      if (port !== undefined) {
        const profile = await backend.invoke('profile.get', {});
        if (!profile.ok) throw new Error(profile.error.message);
        await backend.invoke('profile.set', {
          profile: { ...profile.value, smtp: { ...profile.value.smtp, port } },
        });
      }
      if (password !== undefined)
        backend.context.mail = { password: () => password, trustedCertificates: () => [smtp.cert] };
      const result = await backend.invoke('send.test', { id, to: c.to ?? ['ada@example.com'] });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(c.code);
      for (const words of c.words) expect(result.error.message).toMatch(words);
      expect(smtp.messages).toEqual([]);
      expect(JSON.stringify(result)).not.toContain(PASSWORD);
    });
  }

  it('refuses a password over an unencrypted connection to another machine, before connecting', async () => {
    const smtp = await server();
    const { backend, id } = await setup(smtp);
    const result = await backend.invoke('send.test', {
      id,
      to: ['ada@example.com'],
      smtpUrl: `smtp://${encodeURIComponent(USER)}@mail.example.com:2525?security=none`,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'smtp-insecure-login' } });
  });

  it('says what is missing when no server or no sender is set', async () => {
    const smtp = await server();
    const { backend, id } = await setup(smtp, { smtp: {} });
    const noServer = await backend.invoke('send.test', { id, to: ['ada@example.com'] });
    expect(noServer).toMatchObject({ ok: false, error: { code: 'smtp-not-configured' } });
    if (!noServer.ok) expect(noServer.error.message).toMatch(/No SMTP server is set/);
    const noSender = await backend.invoke('send.test', {
      id,
      to: ['ada@example.com'],
      smtpUrl: `smtp://someone@127.0.0.1:${smtp.port}`,
    });
    expect(noSender).toMatchObject({ ok: false, error: { code: 'smtp-not-configured' } });
    if (!noSender.ok) expect(noSender.error.message).toMatch(/needs a sender address/);
    const badTo = await backend.invoke('send.test', { id, to: ['ada@example.com\r\nBcc: x@y.z'] });
    expect(badTo).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('the SMTP password stays out of everything Galley writes', () => {
  it('is not in the database, the exports, the profile or any API response', async () => {
    const smtp = await server();
    const { backend, db, dir, id } = await setup(smtp);
    // A caller that tries to store it in the profile: restore drops the field.
    const profile = await backend.invoke('profile.get', {});
    if (!profile.ok) throw new Error(profile.error.message);
    const set = await backend.invoke('profile.set', {
      profile: { ...profile.value, smtp: { ...profile.value.smtp, password: PASSWORD } },
    });
    const responses: unknown[] = [set, await backend.invoke('profile.get', {})];
    responses.push(await backend.invoke('send.test', { id, to: ['ada@example.com'] }));
    backend.context.mail = {
      password: () => `${PASSWORD}-wrong`,
      trustedCertificates: () => [smtp.cert],
    };
    responses.push(await backend.invoke('send.test', { id, to: ['ada@example.com'] }));
    backend.context.mail = { password: () => PASSWORD, trustedCertificates: () => [smtp.cert] };
    responses.push(await backend.invoke('export.render', { id, format: 'email' }));
    responses.push(await backend.invoke('export.render', { id, format: 'text' }));
    responses.push(await backend.invoke('export.bundle', { id, dest: join(dir, 'bundle') }));
    expect(smtp.messages).toHaveLength(1);

    const needles = [PASSWORD, Buffer.from(PASSWORD).toString('base64')];
    const haystacks: Array<[string, Buffer]> = [
      ['responses', Buffer.from(JSON.stringify(responses))],
    ];
    await backend.close();
    cleanups.pop(); // closed here: the WAL is folded into the file before it is read
    for (const name of readdirSync(dir).filter((f) => f.startsWith('galley.db')))
      haystacks.push([name, readFileSync(join(dir, name))]);
    for (const name of readdirSync(join(dir, 'bundle'), { recursive: true, encoding: 'utf8' }))
      if (name.includes('.')) haystacks.push([name, readFileSync(join(dir, 'bundle', name))]);
    expect(haystacks.map(([name]) => name)).toEqual(
      expect.arrayContaining(['galley.db', 'edition.html', 'edition.txt', 'edition.md']),
    );
    for (const [name, bytes] of haystacks)
      for (const needle of needles)
        expect(bytes.includes(needle), `${needle} in ${name}`).toBe(false);
    // The grep can find: the same bytes do hold what the test sent.
    expect(readFileSync(db).includes('news@example.com')).toBe(true);
  });
});
