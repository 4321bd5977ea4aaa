import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/helpers/tempDir.ts';
import { fuseConfig, flipPackedFuses } from '../../scripts/flipFuses.ts';
import { FUSES, packedBinaryPath } from './fuses.ts';

const tempDir = useTempDir();
// @electron/fuses finds the fuse wire after this sentinel in the Electron binary.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 49;
const DISABLE = 48;
// FuseV1Options is a numeric enum: name -> index (and index -> name, left out here).
const FUSE_INDEX = new Map(
  Object.entries(FuseV1Options).flatMap(([name, index]) =>
    typeof index === 'number' ? [[name, index] as const] : [],
  ),
);
const settings = new Map(Object.entries(FUSES));

describe('Electron fuses', () => {
  it('follow the security checklist', () => {
    expect(FUSES).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      EnableCookieEncryption: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('name only fuses @electron/fuses knows, and set every one it knows', () => {
    expect([...settings.keys()].sort()).toEqual([...FUSE_INDEX.keys()].sort());
    const config = fuseConfig('linux');
    for (const [name, index] of FUSE_INDEX) expect(config[index], name).toBe(settings.get(name));
  });

  it('are flipped in the packed binary by the afterPack hook', async () => {
    const appOutDir = tempDir();
    const binary = join(appOutDir, 'galley');
    // A stand-in Electron: junk, the sentinel, wire version 1, nine fuses all enabled
    // (a newer Electron may have more fuses than @electron/fuses 1.8 names).
    const wire = Buffer.concat([
      Buffer.from('ELF...junk...'),
      Buffer.from(SENTINEL),
      Buffer.from([1, 9, ...Array<number>(9).fill(ENABLE)]),
      Buffer.from('...more junk'),
    ]);
    writeFileSync(binary, wire);
    await flipPackedFuses({
      electronPlatformName: 'linux',
      appOutDir,
      packager: { appInfo: { productFilename: 'Galley' }, executableName: 'galley' },
    });
    const flipped = await getCurrentFuseWire(binary);
    for (const [name, index] of FUSE_INDEX) {
      expect(flipped[index], name).toBe(settings.get(name) ? ENABLE : DISABLE);
    }
    // The ninth fuse, unknown to this @electron/fuses, is left as it was.
    const bytes = readFileSync(binary);
    expect(bytes[bytes.indexOf(SENTINEL) + SENTINEL.length + 2 + 8]).toBe(ENABLE);
    expect(readFileSync(binary).length).toBe(wire.length);
  });

  it('finds the Electron binary of each platform’s packed app', () => {
    const app = { appOutDir: '/dist/x', productFilename: 'Galley', executableName: 'galley' };
    expect(packedBinaryPath({ ...app, platform: 'linux' })).toBe('/dist/x/galley');
    expect(packedBinaryPath({ ...app, platform: 'win32' })).toBe('/dist/x/Galley.exe');
    expect(packedBinaryPath({ ...app, platform: 'darwin' })).toBe('/dist/x/Galley.app');
    expect(() => packedBinaryPath({ ...app, platform: 'aix' })).toThrow(/aix/);
  });
});
