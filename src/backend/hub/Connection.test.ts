import { describe, expect, it } from 'vitest';
import { closeOf, useHubHarness, waitFor } from '../../../test/helpers/hubClients.ts';
import { MESSAGE_QUERY_AWARENESS } from './protocol.ts';

const ROOM = 'section:s1';

describe('Connection: limits', () => {
  const harness = useHubHarness();

  it('closes a flooding client with 1008 and keeps serving the others', async () => {
    const fixture = await harness.start({ rateLimit: { perSecond: 5, burst: 10 } });
    const editor = await harness.connect(fixture, ROOM);
    const flooder = await harness.raw(fixture, ROOM);
    const closed = closeOf(flooder);
    for (let i = 0; i < 50; i++) flooder.send(Uint8Array.of(MESSAGE_QUERY_AWARENESS));

    expect((await closed).code).toBe(1008);
    expect(fixture.logs.some((entry) => /rate limit/.test(entry.msg))).toBe(true);
    editor.doc.getText('t').insert(0, 'still here');
    await waitFor(
      async () => (await fixture.hub.read(ROOM)).getText('t').toString() === 'still here',
    );
  });

  it('drops a connection that stops answering keepalive pings', async () => {
    const fixture = await harness.start({ pingIntervalMs: 40 });
    const editor = await harness.connect(fixture, ROOM);
    const silent = await harness.raw(fixture, ROOM, { autoPong: false });

    await closeOf(silent);
    expect(fixture.logs.some((entry) => /no pong/.test(entry.msg))).toBe(true);
    // The editor's ws client answers pings on its own and stays.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(editor.wsconnected).toBe(true);
    expect(fixture.hub.stats().connections).toBe(1);
  });
});
