import { describe, expect, it } from 'vitest';
import {
  READ_TOKEN,
  WRITE_TOKEN,
  handshakeStatus,
  useHubHarness,
} from '../../../test/helpers/hubClients.ts';

describe('upgrade: checks before anything is upgraded', () => {
  const harness = useHubHarness();

  it('answers 401 for a missing or wrong token and upgrades the right ones', async () => {
    const { url, hub } = await harness.start();
    const room = `${url}/edition:e1`;
    expect(await handshakeStatus(room)).toBe(401);
    expect(await handshakeStatus(`${room}?token=`)).toBe(401);
    expect(await handshakeStatus(`${room}?token=${WRITE_TOKEN}x`)).toBe(401);
    expect(await handshakeStatus(`${room}?token=${WRITE_TOKEN}`)).toBe(101);
    expect(await handshakeStatus(`${room}?token=${READ_TOKEN}`)).toBe(101);
    expect(hub.stats().rooms).toBe(1);
  });

  it('answers 403 for a browser on a foreign origin and lets allowed origins and non-browsers in', async () => {
    const { url } = await harness.start({ allowedOrigins: ['http://127.0.0.1:5173'] });
    const room = `${url}/edition:e1?token=${WRITE_TOKEN}`;
    expect(await handshakeStatus(room, { Origin: 'https://evil.example' })).toBe(403);
    expect(await handshakeStatus(room, { Origin: 'null' })).toBe(403);
    expect(await handshakeStatus(room, { Origin: 'http://127.0.0.1:5173' })).toBe(101);
    expect(await handshakeStatus(room)).toBe(101);
  });

  it('answers 404 for anything that is not /sync/<room>, without loading a room', async () => {
    const { url, hub, logs } = await harness.start();
    const token = `?token=${WRITE_TOKEN}`;
    const base = url.slice(0, -'/sync'.length);
    for (const path of [
      '/sync/bogus:1',
      '/sync/edition:',
      '/sync/',
      '/sync',
      '/other/edition:e1',
    ]) {
      expect(await handshakeStatus(`${base}${path}${token}`), path).toBe(404);
    }
    expect(await handshakeStatus(`${url}/edition:e1/more${token}`)).toBe(404);
    expect(await handshakeStatus(`${url}/edition%3Ae1${token}`)).toBe(101);
    expect(hub.stats()).toEqual({ rooms: 1, connections: expect.any(Number) });
    expect(logs.filter((entry) => entry.msg.includes('404'))).toHaveLength(6);
    // The token never reaches the log.
    expect(JSON.stringify(logs)).not.toContain(WRITE_TOKEN);
  });
});
