// electron-builder's afterPack hook (electron-builder.yml). electron-builder loads hooks
// without a TypeScript loader, so this shim brings in the real hook through tsx.
import { tsImport } from 'tsx/esm/api';

/** Flips Electron's fuses in the app just packed, before it is signed. */
export default async function afterPack(context) {
  const { flipPackedFuses } = await tsImport('./flipFuses.ts', import.meta.url);
  await flipPackedFuses(context);
}
