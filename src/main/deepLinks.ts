import { resolve } from 'node:path';
import { INVITE_SCHEME, encodeInvite, parseInvite, type ShellCommand } from '../core/index.ts';

/**
 * `galley://` links reach the app three ways: on the command line of the first launch
 * (Windows, Linux), on the command line of a second launch that the single-instance lock
 * forwards, and through macOS's `open-url` event. All three end here.
 */

/**
 * The `galley:` link among command-line arguments, or null. Chromium adds switches of
 * its own to the argv it forwards, so each argument is parsed and only an argument that
 * is itself a galley: URL counts (not one that merely mentions galley:// somewhere).
 */
export function findDeepLink(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    try {
      if (new URL(arg).protocol === `${INVITE_SCHEME}:`) return arg;
    } catch {
      // Not a URL: a path or a flag value.
    }
  }
  return null;
}

/**
 * What the workbench should do with a link: a valid invite opens "Join a session" with
 * it filled in (joining shares every edition, so the editor confirms first; a link alone
 * never joins); anything else is reported in one sentence.
 */
export function deepLinkCommand(link: string): ShellCommand {
  const invite = parseInvite(link);
  if (!invite.ok) return { type: 'message', level: 'error', text: invite.error.message };
  // Hand on the canonical form, so the renderer sees exactly what was checked.
  const canonical = encodeInvite(invite.value);
  if (!canonical.ok) return { type: 'message', level: 'error', text: canonical.error.message };
  return { type: 'join-session', link: canonical.value };
}

/**
 * Arguments for `app.setAsDefaultProtocolClient`. In development the executable is
 * Electron itself and needs the app's path to start Galley; packaged apps need none.
 */
export function protocolClientArgs(
  isPackaged: boolean,
  argv: readonly string[],
): { scheme: string; path?: string; args?: string[] } {
  const [executable, appPath] = argv;
  if (isPackaged || executable === undefined || appPath === undefined) {
    return { scheme: INVITE_SCHEME };
  }
  return { scheme: INVITE_SCHEME, path: executable, args: [resolve(appPath)] };
}
