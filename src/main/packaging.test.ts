import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { ELECTRON_SQLITE_DIR, ELECTRON_SQLITE_FILE, PACKAGED_SQLITE_DIR } from './nativeBinding.ts';

const root = join(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
// Our own files, still read through a schema: a test fails on a missing key, not a cast.
const config = z
  .object({
    asar: z.boolean(),
    afterPack: z.string(),
    npmRebuild: z.boolean(),
    nodeGypRebuild: z.boolean(),
    files: z.array(z.string()),
    extraResources: z.array(z.object({ from: z.string(), to: z.string() })),
    protocols: z.array(z.object({ schemes: z.array(z.string()) })),
    linux: z.object({ target: z.array(z.string()), executableName: z.string() }),
    mac: z.object({ target: z.array(z.string()) }),
    win: z.object({ target: z.array(z.string()) }),
  })
  .parse(parse(read('electron-builder.yml')));
const { scripts } = z
  .object({ scripts: z.record(z.string(), z.string()) })
  .parse(JSON.parse(read('package.json')));

describe('packaging (electron-builder.yml)', () => {
  it('builds AppImage and deb, dmg, and NSIS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('packs the app into an asar and flips the fuses after packing', () => {
    expect(config.asar).toBe(true);
    expect(config.afterPack).toBe('scripts/afterPack.mjs');
    expect(existsSync(join(root, 'scripts/afterPack.mjs'))).toBe(true);
    expect(read('scripts/afterPack.mjs')).toContain("tsImport('./flipFuses.ts'");
  });

  it('registers galley:// links', () => {
    expect(config.protocols.flatMap((p) => p.schemes)).toEqual(['galley']);
  });

  it('ships the Electron-ABI sqlite where the app looks, and never rebuilds node_modules', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.extraResources).toContainEqual({
      from: `${ELECTRON_SQLITE_DIR}/${ELECTRON_SQLITE_FILE}`,
      to: `${PACKAGED_SQLITE_DIR}/${ELECTRON_SQLITE_FILE}`,
    });
    expect(config.files).toContain('out/**');
  });
});

describe('npm scripts', () => {
  it('start, dist and rebuild:electron exist and do what the README says', () => {
    expect(scripts.start).toBe('tsx scripts/start.ts');
    expect(scripts['rebuild:electron']).toBe('tsx scripts/rebuild-electron-sqlite.ts');
    expect(scripts.dist).toMatch(/rebuild:electron.*electron-vite build.*electron-builder/);
    expect(scripts.build).toBe('electron-vite build');
  });

  it('build the preload as CommonJS, as a sandboxed preload must be', () => {
    const vite = read('electron.vite.config.ts');
    expect(vite).toMatch(/format: 'cjs', entryFileNames: '\[name\]\.cjs'/);
    expect(read('src/main/index.ts')).toContain("'../preload/index.cjs'");
  });
});
