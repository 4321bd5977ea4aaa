// `npm start`: the desktop app where Electron is installed; where it is not (machines
// installed with ELECTRON_SKIP_BINARY_DOWNLOAD), one line saying so, then browser mode.
// The decisions are in src/main/launch.ts; this file only runs them.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  findElectronBinary,
  isRendererBuildCurrent,
  startPlan,
  type Step,
} from '../src/main/launch.ts';
import { currentBuildStamp, isElectronSqliteCurrent } from '../src/main/nativeBinding.ts';

const root = join(import.meta.dirname, '..');
const electron = findElectronBinary(root);
const sqliteCurrent = electron !== null && isElectronSqliteCurrent(root, currentBuildStamp(root));
const plan = startPlan(electron, {
  sqliteCurrent,
  rendererCurrent: electron === null && isRendererBuildCurrent(root),
  // `npm start -- --port 0 --db x.db`: options for galley serve in browser mode.
  serveArgs: process.argv.slice(2),
});
if (plan.notice) console.log(plan.notice);
for (const step of plan.steps) {
  const code = await run(step);
  if (code !== 0) process.exit(code);
}

function run(step: Step): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      cwd: root,
      stdio: 'inherit',
      // npm and npx are .cmd scripts on Windows.
      shell: process.platform === 'win32',
    });
    // Ctrl-C reaches the child through the terminal's process group already; passing it
    // on again would make `galley serve` skip its graceful close. SIGTERM is ours alone.
    const ignore = () => {};
    const forward = () => child.kill('SIGTERM');
    process.on('SIGINT', ignore);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1));
    });
  });
}
