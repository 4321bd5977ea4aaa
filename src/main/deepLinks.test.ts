import { describe, expect, it } from 'vitest';
import { deepLinkCommand, findDeepLink, protocolClientArgs } from './deepLinks.ts';

const TOKEN = 'q3Zr8m1Vx0Yk-_aB9cD2eF4gH6iJ7kL8mN0oP1qR2sT';
const INVITE = `galley://join?url=ws%3A%2F%2F192.168.1.20%3A4800%2Fsync&token=${TOKEN}`;

describe('findDeepLink', () => {
  it('finds the galley: link among the arguments of a launch', () => {
    expect(findDeepLink(['/opt/Galley/galley', '--no-sandbox', INVITE])).toBe(INVITE);
    // Windows forwards the link after Chromium's own switches.
    expect(
      findDeepLink(['C:\\Galley\\Galley.exe', '--allow-file-access-from-files', '--', INVITE]),
    ).toBe(INVITE);
    expect(findDeepLink(['/usr/bin/electron', '.', 'GALLEY://join?x'])).toBe('GALLEY://join?x');
  });

  it('ignores arguments that only mention galley:', () => {
    expect(findDeepLink(['galley', 'https://evil.example/?next=galley://join?url=x'])).toBeNull();
    expect(findDeepLink(['--open=galley://join?url=ws://x/sync&token=t'])).toBeNull();
    expect(findDeepLink(['/home/ada/galley:notes.md', 'C:\\galley'])).toBeNull();
    expect(findDeepLink([])).toBeNull();
  });
});

describe('deepLinkCommand', () => {
  it('turns a valid invite into "Join a session", in canonical form', () => {
    expect(deepLinkCommand(INVITE)).toEqual({ type: 'join-session', link: INVITE });
    expect(
      deepLinkCommand(`galley://join/?url=ws://192.168.1.20:4800/sync&token=${TOKEN}`),
    ).toEqual({ type: 'join-session', link: INVITE });
  });

  it.each([
    'galley://join?url=ws://x&token=t',
    'galley://join?url=http://x/sync&token=t',
    'galley://join?url=ws://x/sync',
    'galley://join?url=ws://x/sync&token=t&share=all',
    'galley://host?url=ws://x/sync&token=t',
    'galley://join?url=ws://x/sync&token=<script>',
  ])('reports %s as a message instead of joining', (link) => {
    const command = deepLinkCommand(link);
    expect(command).toMatchObject({ type: 'message', level: 'error' });
    if (command.type === 'message') expect(command.text).toMatch(/not a valid Galley invite link/);
  });
});

describe('protocolClientArgs', () => {
  it('registers the scheme alone when packaged, with the app path in development', () => {
    expect(protocolClientArgs(true, ['/opt/Galley/galley'])).toEqual({ scheme: 'galley' });
    const dev = protocolClientArgs(false, ['/repo/node_modules/electron/dist/electron', '.']);
    expect(dev.scheme).toBe('galley');
    expect(dev.path).toBe('/repo/node_modules/electron/dist/electron');
    expect(dev.args).toEqual([process.cwd()]);
  });
});
