import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/helpers/tempDir.ts';
import {
  BROWSER_FALLBACK_LINE,
  findElectronBinary,
  isRendererBuildCurrent,
  startPlan,
} from './launch.ts';
import {
  ELECTRON_SQLITE_DIR,
  ELECTRON_SQLITE_FILE,
  ELECTRON_SQLITE_STAMP,
  currentBuildStamp,
  electronBuildProblem,
  electronSqliteBinding,
  isElectronSqliteCurrent,
  missingBindingMessage,
} from './nativeBinding.ts';

const tempDir = useTempDir();

function checkout(withBinary: boolean): string {
  const root = tempDir();
  const electron = join(root, 'node_modules', 'electron');
  mkdirSync(join(electron, 'dist'), { recursive: true });
  writeFileSync(join(electron, 'path.txt'), 'electron');
  if (withBinary) writeFileSync(join(electron, 'dist', 'electron'), '');
  return root;
}

describe('npm start', () => {
  it('finds the Electron binary where electron’s index.js would, without running it', () => {
    const root = checkout(true);
    expect(findElectronBinary(root, {})).toBe(join(root, 'node_modules/electron/dist/electron'));
    expect(findElectronBinary(checkout(false), {})).toBeNull();
    // Installed with ELECTRON_SKIP_BINARY_DOWNLOAD: no path.txt at all.
    expect(findElectronBinary(tempDir(), {})).toBeNull();
    const override = tempDir();
    writeFileSync(join(override, 'electron'), '');
    expect(findElectronBinary(checkout(false), { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(
      join(override, 'electron'),
    );
  });

  const context = { sqliteCurrent: true, rendererCurrent: true, serveArgs: [] };

  it('falls back to browser mode with one line where Electron is missing', () => {
    expect(startPlan(null, { ...context, serveArgs: ['--port', '0'] })).toEqual({
      mode: 'browser',
      notice: BROWSER_FALLBACK_LINE,
      steps: [
        { command: 'npm', args: ['run', '--silent', 'galley', '--', 'serve', '--port', '0'] },
      ],
    });
    expect(BROWSER_FALLBACK_LINE).not.toContain('\n');
    // Sources changed since the last build: build first.
    expect(
      startPlan(null, { ...context, rendererCurrent: false }).steps.map((s) => s.args.join(' ')),
    ).toEqual(['run build', 'run --silent galley -- serve']);
  });

  it('opens the desktop app, building the Electron sqlite first when needed', () => {
    expect(startPlan('/e', context).steps).toEqual([
      { command: 'npx', args: ['electron-vite', 'preview'] },
    ]);
    expect(
      startPlan('/e', { ...context, sqliteCurrent: false }).steps.map((s) => s.args.join(' ')),
    ).toEqual(['run rebuild:electron', 'electron-vite preview']);
  });

  it('sees a renderer build as stale when a source is newer than it', () => {
    const root = tempDir();
    mkdirSync(join(root, 'src/renderer'), { recursive: true });
    mkdirSync(join(root, 'src/core/model'), { recursive: true });
    writeFileSync(join(root, 'src/core/model/x.ts'), '');
    expect(isRendererBuildCurrent(root)).toBe(false);
    mkdirSync(join(root, 'out/renderer'), { recursive: true });
    writeFileSync(join(root, 'out/renderer/index.html'), '');
    const built = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'out/renderer/index.html'), built, built);
    expect(isRendererBuildCurrent(root)).toBe(true);
    const later = new Date(built.getTime() + 1000);
    utimesSync(join(root, 'src/core/model/x.ts'), later, later);
    expect(isRendererBuildCurrent(root)).toBe(false);
  });

  it('the machine this runs on has no Electron binary, and so serves browser mode', () => {
    const root = join(import.meta.dirname, '../..');
    // CI and this repository's machines install with ELECTRON_SKIP_BINARY_DOWNLOAD.
    if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) expect(findElectronBinary(root)).toBeNull();
  });
});

describe('the Electron-ABI sqlite build', () => {
  it('is loaded from its own folder, never from node_modules', () => {
    expect(
      electronSqliteBinding({ isPackaged: false, resourcesPath: '/r', appPath: '/repo' }),
    ).toBe(join('/repo', ELECTRON_SQLITE_DIR, ELECTRON_SQLITE_FILE));
    expect(
      electronSqliteBinding({
        isPackaged: true,
        resourcesPath: '/opt/Galley/resources',
        appPath: '/x',
      }),
    ).toBe(join('/opt/Galley/resources/native', ELECTRON_SQLITE_FILE));
    expect(missingBindingMessage('/repo/native/electron/x.node', false)).toMatch(
      /npm run rebuild:electron/,
    );
  });

  it('is rebuilt when it was made for another Electron', () => {
    const root = tempDir();
    const stamp = {
      electron: '45.4.1',
      betterSqlite3: '12.11.1',
      platform: 'linux',
      arch: 'x64',
    } as const;
    expect(isElectronSqliteCurrent(root, stamp)).toBe(false);
    mkdirSync(join(root, ELECTRON_SQLITE_DIR), { recursive: true });
    writeFileSync(join(root, ELECTRON_SQLITE_DIR, ELECTRON_SQLITE_FILE), '');
    expect(isElectronSqliteCurrent(root, stamp)).toBe(false);
    writeFileSync(join(root, ELECTRON_SQLITE_DIR, ELECTRON_SQLITE_STAMP), JSON.stringify(stamp));
    expect(isElectronSqliteCurrent(root, stamp)).toBe(true);
    expect(isElectronSqliteCurrent(root, { ...stamp, electron: '46.0.0' })).toBe(false);
    writeFileSync(join(root, ELECTRON_SQLITE_DIR, ELECTRON_SQLITE_STAMP), 'garbage');
    expect(isElectronSqliteCurrent(root, stamp)).toBe(false);
  });

  it('is checked to be an Electron build, not one compiled against Node’s headers', () => {
    expect(electronBuildProblem(null, '115')).toMatch(/compiled against Node's headers/);
    const electronBuild =
      "The module 'x.node' was compiled against a different Node.js version using\n" +
      'NODE_MODULE_VERSION 140. This version of Node.js requires\nNODE_MODULE_VERSION 115.';
    expect(electronBuildProblem(electronBuild, '115')).toBeNull();
    expect(electronBuildProblem('NODE_MODULE_VERSION 115. This version', '115')).toMatch(
      /Node's ABI/,
    );
    expect(electronBuildProblem('x.node: invalid ELF header', '115')).toMatch(/cannot be checked/);
  });

  it('stamps the versions this checkout has installed', () => {
    const stamp = currentBuildStamp(join(import.meta.dirname, '../..'));
    expect(stamp.electron).toMatch(/^\d+\.\d+\.\d+/);
    expect(stamp.betterSqlite3).toMatch(/^\d+\.\d+\.\d+/);
    expect(stamp.platform).toBe(process.platform);
  });
});
