import { describe, expect, it } from 'vitest';
import { electronVault, type SafeStorageLike } from './vault.ts';

function storage(available: boolean, backend: string): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () =>
      backend as ReturnType<SafeStorageLike['getSelectedStorageBackend']>,
    encryptString: (plain) => Buffer.from(`sealed:${plain}`),
    decryptString: (sealed) => sealed.toString().replace(/^sealed:/, ''),
  };
}

describe('the desktop password vault', () => {
  it('is available where the system keeps the key, not where Electron would', () => {
    expect(electronVault(storage(true, 'gnome_libsecret'), 'linux').isAvailable()).toBe(true);
    expect(electronVault(storage(true, 'basic_text'), 'linux').isAvailable()).toBe(false);
    expect(electronVault(storage(false, 'unknown'), 'darwin').isAvailable()).toBe(false);
    expect(electronVault(storage(true, 'unknown'), 'win32').isAvailable()).toBe(true);
  });

  it('seals and opens through safeStorage', () => {
    const vault = electronVault(storage(true, 'kwallet5'), 'linux');
    expect(vault.decrypt(vault.encrypt('hunter2'))).toBe('hunter2');
  });
});
