import type { SafeStorage } from 'electron';
import type { PasswordVault } from '../backend/send/VaultPasswordStore.ts';

/** The part of Electron's safeStorage the vault uses (index.ts passes the real one). */
export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'
>;

/**
 * Electron's safeStorage as the backend's password vault: the keychain on macOS, DPAPI on
 * Windows, the Secret Service or KWallet on Linux. Linux without a keyring falls back to
 * a key written in Electron itself ('basic_text'), which protects nothing: unavailable.
 */
export function electronVault(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): PasswordVault {
  return {
    isAvailable: () =>
      safeStorage.isEncryptionAvailable() &&
      !(platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed)),
  };
}
