// `npm run rebuild:electron`: builds better-sqlite3 for Electron's ABI into
// native/electron/, from a private copy of the module, so node_modules keeps the Node
// build that the tests, the CLI and `galley serve` load. The app loads this one through
// better-sqlite3's `nativeBinding` option (src/main/nativeBinding.ts).
import { rebuild } from '@electron/rebuild';
import { copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import {
  ELECTRON_SQLITE_DIR,
  ELECTRON_SQLITE_FILE,
  ELECTRON_SQLITE_STAMP,
  currentBuildStamp,
  electronBuildProblem,
} from '../src/main/nativeBinding.ts';

const root = join(import.meta.dirname, '..');
const stamp = currentBuildStamp(root);
const source = join(root, 'node_modules', 'better-sqlite3');
const staging = join(root, 'native', '.staging');
const copy = join(staging, 'node_modules', 'better-sqlite3');
const out = join(root, ELECTRON_SQLITE_DIR);

rmSync(staging, { recursive: true, force: true });
mkdirSync(join(staging, 'node_modules'), { recursive: true });
writeFileSync(
  join(staging, 'package.json'),
  JSON.stringify({
    name: 'galley-electron-native',
    private: true,
    dependencies: { 'better-sqlite3': stamp.betterSqlite3 },
  }),
);
// The module without its Node build, so nothing of that build can be mistaken for ours.
cpSync(source, copy, {
  recursive: true,
  filter: (path) => {
    const inside = relative(source, path);
    return inside !== 'build' && !inside.startsWith(`build${sep}`);
  },
});

console.log(`Building better-sqlite3 ${stamp.betterSqlite3} for Electron ${stamp.electron}...`);
// npm passes its config on as environment variables; a `nodedir` there makes node-gyp
// compile against the local Node's headers instead of Electron's.
for (const name of Object.keys(process.env)) {
  if (/^npm_config_nodedir$/i.test(name)) delete process.env[name];
}
try {
  await rebuild({
    buildPath: staging,
    electronVersion: stamp.electron,
    onlyModules: ['better-sqlite3'],
    force: true,
  });
} catch (error) {
  console.error(
    `Could not build better-sqlite3 for Electron ${stamp.electron}: ${error instanceof Error ? error.message : String(error)}\n` +
      'It needs a prebuilt binary or the Electron headers from the network, and a C++ toolchain to compile.',
  );
  rmSync(staging, { recursive: true, force: true });
  process.exit(1);
}
const built = join(copy, 'build', 'Release', ELECTRON_SQLITE_FILE);
const problem = electronBuildProblem(loadError(built), process.versions.modules);
if (problem !== null) {
  console.error(
    `The build of better-sqlite3 is not usable in Electron ${stamp.electron}: ${problem}.`,
  );
  rmSync(staging, { recursive: true, force: true });
  process.exit(1);
}
mkdirSync(out, { recursive: true });
copyFileSync(built, join(out, ELECTRON_SQLITE_FILE));
writeFileSync(join(out, ELECTRON_SQLITE_STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
rmSync(staging, { recursive: true, force: true });
console.log(`Wrote ${relative(root, join(out, ELECTRON_SQLITE_FILE))}.`);

// Why Node cannot load the addon (null when it can): see electronBuildProblem.
function loadError(file: string): string | null {
  try {
    createRequire(import.meta.url)(file);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
