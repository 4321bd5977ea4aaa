import { FuseV1Options, FuseVersion, flipFuses, type FuseV1Config } from '@electron/fuses';
import { FUSES, packedBinaryPath } from '../src/main/fuses.ts';

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface PackContext {
  electronPlatformName: string;
  appOutDir: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
}

/** The @electron/fuses configuration for src/main/fuses.ts's settings. */
export function fuseConfig(platform: string): FuseV1Config {
  return {
    version: FuseVersion.V1,
    // Flipping fuses invalidates macOS's ad-hoc signature; electron-builder signs after.
    resetAdHocDarwinSignature: platform === 'darwin',
    [FuseV1Options.RunAsNode]: FUSES.RunAsNode,
    [FuseV1Options.EnableCookieEncryption]: FUSES.EnableCookieEncryption,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]:
      FUSES.EnableNodeOptionsEnvironmentVariable,
    [FuseV1Options.EnableNodeCliInspectArguments]: FUSES.EnableNodeCliInspectArguments,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]:
      FUSES.EnableEmbeddedAsarIntegrityValidation,
    [FuseV1Options.OnlyLoadAppFromAsar]: FUSES.OnlyLoadAppFromAsar,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]:
      FUSES.LoadBrowserProcessSpecificV8Snapshot,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: FUSES.GrantFileProtocolExtraPrivileges,
  };
}

/** Flips the fuses of the Electron binary in a packed app (afterPack, before signing). */
export async function flipPackedFuses(context: PackContext): Promise<void> {
  const binary = packedBinaryPath({
    platform: context.electronPlatformName,
    appOutDir: context.appOutDir,
    productFilename: context.packager.appInfo.productFilename,
    executableName: context.packager.executableName,
  });
  await flipFuses(binary, fuseConfig(context.electronPlatformName));
}
