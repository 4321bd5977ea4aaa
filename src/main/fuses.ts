/**
 * Electron fuses: switches compiled into the Electron binary that no command-line flag or
 * environment variable can undo. Packaging flips them (scripts/afterPack.mjs calls
 * @electron/fuses with these settings), so a packaged Galley cannot be turned into a
 * plain Node runtime, debugged through an inspect flag, or fed a modified app.asar.
 * Names are @electron/fuses' `FuseV1Options` keys (a test checks each exists).
 */
export const FUSES = {
  /** ELECTRON_RUN_AS_NODE would make the signed binary a general-purpose Node. */
  RunAsNode: false,
  /** Cookies and local storage encrypted at rest with the OS keychain. */
  EnableCookieEncryption: true,
  /** NODE_OPTIONS could preload arbitrary code into the main process. */
  EnableNodeOptionsEnvironmentVariable: false,
  /** --inspect and friends would open a debugger on the main process. */
  EnableNodeCliInspectArguments: false,
  /** app.asar must match the hash embedded at packaging (macOS and Windows). */
  EnableEmbeddedAsarIntegrityValidation: true,
  /** Load the app only from app.asar, never from a loose folder beside it. */
  OnlyLoadAppFromAsar: true,
  /** Galley ships no custom V8 snapshot. */
  LoadBrowserProcessSpecificV8Snapshot: false,
  /** The workbench uses its own scheme; file:// pages get no extra powers. */
  GrantFileProtocolExtraPrivileges: false,
} as const;

export type FuseName = keyof typeof FUSES;

/** What the afterPack hook knows about the app it just packed. */
export interface PackedApp {
  /** electron-builder's `electronPlatformName`: darwin, mas, win32 or linux. */
  platform: string;
  appOutDir: string;
  /** The product name as a file name (`Galley`). */
  productFilename: string;
  /** The Linux executable's name (`galley`). */
  executableName: string;
}

/** The Electron binary inside a packed app, whose fuses are flipped. */
export function packedBinaryPath(app: PackedApp): string {
  // Joined by hand: the hook may pack a Windows app on macOS, and the result goes to fs.
  const join = (...parts: string[]) => parts.join('/');
  switch (app.platform) {
    case 'darwin':
    case 'mas':
      return join(app.appOutDir, `${app.productFilename}.app`);
    case 'win32':
      return join(app.appOutDir, `${app.productFilename}.exe`);
    case 'linux':
      return join(app.appOutDir, app.executableName);
    default:
      throw new Error(`packedBinaryPath: no Electron binary layout for ${app.platform}`);
  }
}
