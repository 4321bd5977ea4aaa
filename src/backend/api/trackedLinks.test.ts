import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../core/index.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { openBackend } from '../openBackend.ts';

const tempDir = useTempDir();

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('tracked links through the API', () => {
  it('export.render tags email and text (not Markdown) once utm is set; links.list shows the final URLs', async () => {
    const backend = await openBackend(join(tempDir(), 'g.db'));
    const [sample] = value(await backend.invoke('editions.list', {}));
    const id = sample!.id;
    const render = async (format: 'email' | 'text' | 'markdown') =>
      value(await backend.invoke('export.render', { id, format })).content;
    expect(await render('email')).not.toContain('utm_');
    expect(
      value(await backend.invoke('links.list', { id })).links.some((l) =>
        l.finalUrl?.includes('utm_'),
      ),
    ).toBe(false);

    const profile = value(await backend.invoke('profile.get', {}));
    value(
      await backend.invoke('profile.set', {
        profile: {
          ...profile,
          utm: { source: 'buildlog', medium: 'email', campaign: 'issue-{number}' },
        },
      }),
    );
    expect(await render('email')).toContain(
      'utm_source=buildlog&amp;utm_medium=email&amp;utm_campaign=issue-42',
    );
    expect(await render('text')).toContain(
      'utm_source=buildlog&utm_medium=email&utm_campaign=issue-42',
    );
    expect(await render('markdown')).not.toContain('utm_');
    const { links } = value(await backend.invoke('links.list', { id }));
    expect(links.length).toBeGreaterThan(5);
    // Every http(s) link is tagged except those already tagged and the vote links.
    const web = links.filter(
      (l) => /^https?:/i.test(l.url) && !/utm_/.test(l.url) && !/[?&]poll=/.test(l.finalUrl ?? ''),
    );
    expect(web.length).toBeGreaterThan(5);
    for (const link of web) expect(link.finalUrl).toContain('utm_campaign=issue-42');
    const sponsor = links.find((l) => l.finalUrl?.includes('utm_content='));
    expect(sponsor).toBeDefined();
    await backend.close();
  });
});
