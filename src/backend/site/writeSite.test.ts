import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed } from 'feedsmith';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { type Edition, type Result } from '../../core/index.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { runCli } from '../cli/runCli.ts';
import { openBackend, type Backend } from '../openBackend.ts';

const tempDir = useTempDir();
const BASE = 'https://news.example.com/archive';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** The seeded sample as an edition of the given number, date and status, with a stored image. */
async function addEdition(
  backend: Backend,
  sample: Edition,
  fields: { number: number; publishDate: string; status: Edition['status'] },
  image: string,
): Promise<string> {
  const [first, ...rest] = sample.sections;
  const withImage = {
    ...first!,
    body: {
      root: {
        ...first!.body.root,
        children: [
          ...first!.body.root.children,
          {
            type: 'image',
            version: 1,
            src: image,
            alt: 'A chart',
            width: 320,
            caption: 'Build times',
          },
        ],
      },
    },
  };
  const summary = await backend.editions.write({
    ...sample,
    ...fields,
    title: `Issue ${fields.number}: ${sample.title}`,
    sections: [withImage, ...rest],
  });
  return summary.id;
}

async function openArchive(): Promise<{ backend: Backend; sample: Edition; image: string }> {
  const backend = await openBackend(join(tempDir(), 'g.db'));
  const [seeded] = value(await backend.invoke('editions.list', {}));
  const sample = value(await backend.invoke('editions.get', { id: seeded!.id })).edition;
  const profile = value(await backend.invoke('profile.get', {}));
  value(await backend.invoke('profile.set', { profile: { ...profile, publicBaseUrl: BASE } }));
  const asset = value(
    await backend.invoke('assets.put', { mime: 'image/png', base64: PNG.toString('base64') }),
  );
  return { backend, sample, image: asset.src };
}

/** Every file under `dir`, relative, with `/` separators. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

interface HtmlNode {
  nodeName: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

function elements(html: string): HtmlNode[] {
  const out: HtmlNode[] = [];
  const walk = (node: HtmlNode) => {
    if (node.attrs) out.push(node);
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parse(html) as unknown as HtmlNode);
  return out;
}

/**
 * The feed check: well-formed XML (fast-xml-parser's XMLValidator), parsed as Atom by
 * feedsmith's parseAtomFeed (which throws on anything that is not an Atom feed), then
 * the RFC 4287 requirements a feed validator enforces: feed and entries each have an id
 * (an absolute IRI), a title and an RFC 3339 `updated`; the feed has an author and a
 * `self` link; every entry has an `alternate` link and a unique id.
 */
function validateAtom(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const feed = parseAtomFeed(xml);
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  expect(feed.id).toMatch(/^https:\/\//);
  expect(feed.title?.value).toBeTruthy();
  expect(feed.updated).toMatch(rfc3339);
  expect(feed.authors?.[0]?.name).toBeTruthy();
  expect(feed.links?.some((l) => l.rel === 'self' && l.href?.startsWith('https://'))).toBe(true);
  const ids = new Set<string>();
  for (const entry of feed.entries ?? []) {
    expect(entry.id).toMatch(/^https:\/\//);
    expect(ids.has(entry.id!)).toBe(false);
    ids.add(entry.id!);
    expect(entry.title?.value).toBeTruthy();
    expect(entry.updated).toMatch(rfc3339);
    expect(entry.links?.some((l) => l.rel === 'alternate' && l.href === entry.id)).toBe(true);
    expect(entry.content?.type).toBe('html');
  }
  return feed;
}

/** Asserts the page runs nothing and that every relative reference resolves inside `dir`. */
function checkPage(dir: string, file: string): void {
  const html = readFileSync(join(dir, file), 'utf8');
  expect(html).not.toMatch(/<script/i);
  const nodes = elements(html);
  const ids = new Set(
    nodes.flatMap((n) => n.attrs!.filter((a) => a.name === 'id').map((a) => a.value)),
  );
  for (const node of nodes) {
    expect(node.nodeName).not.toMatch(/^(script|iframe|object|embed|form)$/);
    for (const attr of node.attrs!) {
      expect(attr.name, `${file}: ${node.nodeName} ${attr.name}`).not.toMatch(/^on/i);
      if (!['href', 'src', 'srcset'].includes(attr.name)) continue;
      const ref = attr.value;
      if (ref.startsWith('#')) {
        expect(ids.has(ref.slice(1)), `${file}: anchor ${ref}`).toBe(true);
        continue;
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
        // Absolute references are links out (or the canonical URL), never loaded resources.
        expect(node.nodeName, `${file}: ${ref}`).toMatch(/^(a|link)$/);
        if (node.nodeName === 'link')
          expect(node.attrs!.find((a) => a.name === 'rel')?.value).toBe('canonical');
        continue;
      }
      const target = resolve(dirname(join(dir, file)), ref.replace(/[?#].*$/, ''));
      expect(target.startsWith(dir + sep), `${file}: ${ref} leaves the folder`).toBe(true);
      expect(existsSync(target) && statSync(target).isFile(), `${file}: ${ref} is missing`).toBe(
        true,
      );
    }
  }
}

describe('the web archive (export.site)', () => {
  it('builds index, pages, feed, sitemap and images for sent editions only, and rebuilds only what changed', async () => {
    const { backend, sample, image } = await openArchive();
    const hash = image.slice('asset:'.length);
    const dates = ['2026-01-08', '2026-01-15', '2026-01-22', '2026-01-29'];
    for (const n of [1, 2, 3])
      await addEdition(
        backend,
        sample,
        { number: n, publishDate: dates[n - 1]!, status: 'sent' },
        image,
      );
    await addEdition(
      backend,
      sample,
      { number: 99, publishDate: '2026-02-05', status: 'draft' },
      image,
    );
    const dest = join(tempDir(), 'site');

    const first = value(await backend.invoke('export.site', { dest }));
    expect(first.dir).toBe(resolve(dest));
    expect(first.unchanged).toEqual([]);
    const pages = ['issue-1/index.html', 'issue-2/index.html', 'issue-3/index.html'];
    expect(filesUnder(dest)).toEqual(
      [`images/${hash}.png`, 'feed.xml', 'index.html', ...pages, 'sitemap.xml'].sort(),
    );
    expect([...first.written].sort()).toEqual(filesUnder(dest));
    // Images are copied under their content hash.
    const copied = readFileSync(join(dest, 'images', `${hash}.png`));
    expect(createHash('sha256').update(copied).digest('hex')).toBe(hash);

    const index = readFileSync(join(dest, 'index.html'), 'utf8');
    const order = [...index.matchAll(/href="(issue-\d+)\/index\.html"/g)].map((m) => m[1]);
    expect(order).toEqual(['issue-3', 'issue-2', 'issue-1']);
    expect(index).toContain(sample.preheader.slice(0, 30));
    expect(index).not.toContain('issue-99');

    const feed = validateAtom(readFileSync(join(dest, 'feed.xml'), 'utf8'));
    expect(feed.entries?.map((e) => e.id)).toEqual([3, 2, 1].map((n) => `${BASE}/issue-${n}/`));
    expect(feed.entries?.[0]?.content?.value).toContain(`${BASE}/images/${hash}.png`);
    const sitemap = readFileSync(join(dest, 'sitemap.xml'), 'utf8');
    expect(XMLValidator.validate(sitemap)).toBe(true);
    expect(sitemap).toContain(`<loc>${BASE}/issue-2/</loc><lastmod>2026-01-15</lastmod>`);

    for (const file of ['index.html', ...pages]) checkPage(resolve(dest), file);
    const page = readFileSync(join(dest, 'issue-1', 'index.html'), 'utf8');
    expect(page).toContain('prefers-color-scheme:dark');
    expect(page).toContain('name="viewport"');
    expect(page).toContain(`src="../images/${hash}.png"`);
    expect(page).toMatch(/<aside id="[^"]+" class="sponsor" aria-label="Sponsored/);

    // The email of a sent edition links to its page in the archive, and the page exists.
    const sent = value(await backend.invoke('editions.list', { status: 'sent' }));
    const one = sent.find((s) => s.number === 1)!;
    const email = value(await backend.invoke('export.render', { id: one.id, format: 'email' }));
    expect(email.content).toContain(`href="${BASE}/issue-1/"`);

    // Nothing changed: nothing is written.
    const again = value(await backend.invoke('export.site', { dest }));
    expect(again.written).toEqual([]);

    // A fourth edition: old pages keep their bytes and are not even touched (mtime).
    const past = new Date('2020-01-01T00:00:00Z');
    const before = pages.map((p) => readFileSync(join(dest, p)));
    for (const p of pages) utimesSync(join(dest, p), past, past);
    await addEdition(backend, sample, { number: 4, publishDate: dates[3]!, status: 'sent' }, image);
    const rebuilt = value(await backend.invoke('export.site', { dest }));
    expect([...rebuilt.written].sort()).toEqual(
      ['feed.xml', 'index.html', 'issue-4/index.html', 'sitemap.xml'].sort(),
    );
    expect(rebuilt.unchanged).toEqual(expect.arrayContaining([...pages, `images/${hash}.png`]));
    pages.forEach((p, i) => {
      expect(readFileSync(join(dest, p)).equals(before[i]!)).toBe(true);
      expect(statSync(join(dest, p)).mtimeMs).toBe(past.getTime());
    });
    expect(validateAtom(readFileSync(join(dest, 'feed.xml'), 'utf8')).entries).toHaveLength(4);
    checkPage(resolve(dest), 'issue-4/index.html');
    await backend.close();
  });

  it('refuses without a public base URL, naming the setting, through the API and the CLI', async () => {
    const dir = tempDir();
    const db = join(dir, 'g.db');
    const backend = await openBackend(db);
    const result = await backend.invoke('export.site', { dest: join(dir, 'site') });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('publicBaseUrl') },
    });
    await backend.close();

    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env: {} };
    const code = await runCli(
      ['export', '--format', 'site', '--out', join(dir, 'site'), '--db', db],
      io,
    );
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^galley export: .*publicBaseUrl/);
    expect(err[0]).not.toContain('\n');
    expect(existsSync(join(dir, 'site'))).toBe(false);

    expect(await runCli(['export', '--format', 'site', '--db', db], io)).toBe(2);
    expect(await runCli(['export', 'abc', '--format', 'site', '--out', dir, '--db', db], io)).toBe(
      2,
    );
    expect(await runCli(['export', '--format', 'email', '--db', db], io)).toBe(2);
  });

  it('galley export --format site --json reports what it wrote', async () => {
    const { backend, sample, image } = await openArchive();
    await addEdition(
      backend,
      sample,
      { number: 5, publishDate: '2026-03-01', status: 'sent' },
      image,
    );
    const db = backend.store.location;
    await backend.close();
    const dest = join(tempDir(), 'site');
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: () => undefined, env: {} };
    expect(
      await runCli(['export', '--format', 'site', '--out', dest, '--json', '--db', db], io),
    ).toBe(0);
    const report = JSON.parse(out[0]!) as { written: string[]; unchanged: string[] };
    expect(report.written).toContain('issue-5/index.html');
    expect(report.unchanged).toEqual([]);
  });
});
