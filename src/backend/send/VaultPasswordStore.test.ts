import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { openBackend } from '../openBackend.ts';
import { VAULT_ORIGIN, VaultPasswordStore, type PasswordVault } from './VaultPasswordStore.ts';

const tempDir = useTempDir();
const PASSWORD = 'correct horse battery staple';
const ACCOUNT = { host: 'smtp.example.org', port: 587, user: 'editor' };

// Electron's safeStorage is the real vault; outside Electron the platform boundary is
// this reversible stand-in, whose sealed bytes never contain the plain text.
function testVault(available = true): PasswordVault {
  const flip = (bytes: Uint8Array) => bytes.map((b) => b ^ 0x5a);
  return {
    isAvailable: () => available,
    encrypt: (plain) => flip(new TextEncoder().encode(`sealed:${plain}`)),
    decrypt: (sealed) => {
      const text = new TextDecoder().decode(flip(sealed));
      if (!text.startsWith('sealed:')) throw new Error('not sealed by this vault');
      return text.slice('sealed:'.length);
    },
  };
}

describe('the desktop SMTP password, sealed by the system vault', () => {
  it('keeps only sealed bytes in an owner-only file and gives the password to a send', async () => {
    const file = join(tempDir(), 'smtp-password.bin');
    const store = new VaultPasswordStore(file, testVault());
    expect(store.has()).toBe(false);
    await expect(async () => store.password(ACCOUNT)).rejects.toThrow(
      /needs the password of editor, and none is stored: enter it in Publication settings/,
    );
    store.set(PASSWORD);
    expect(store.has()).toBe(true);
    expect(readFileSync(file).toString('latin1')).not.toContain(PASSWORD);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await store.password(ACCOUNT)).toBe(PASSWORD);
    store.set('');
    expect(store.has()).toBe(false);
  });

  it('refuses to store without a real vault, and says so when the sealed file cannot be opened', async () => {
    const file = join(tempDir(), 'smtp-password.bin');
    expect(() => new VaultPasswordStore(file, testVault(false)).set(PASSWORD)).toThrow(
      /no secret store Galley can use/,
    );
    writeFileSync(file, 'garbage', { mode: 0o600 });
    await expect(async () =>
      new VaultPasswordStore(file, testVault()).password(ACCOUNT),
    ).rejects.toThrow(/cannot be unlocked on this computer/);
  });

  it('is set and reported through the API, and never reaches the database', async () => {
    const dir = tempDir();
    const db = join(dir, 'galley.db');
    const backend = await openBackend(db);
    try {
      const store = new VaultPasswordStore(join(dir, 'smtp-password.bin'), testVault());
      const before = await backend.invoke('mail.setPassword', { password: PASSWORD });
      expect(before.ok ? null : before.error.message).toMatch(/keeps no SMTP password/);
      backend.context.mail = { password: store.password, passwordOrigin: VAULT_ORIGIN, store };
      expect(await backend.invoke('mail.status', {})).toEqual({
        ok: true,
        value: { canStorePassword: true, passwordStored: false, passwordOrigin: VAULT_ORIGIN },
      });
      const set = await backend.invoke('mail.setPassword', { password: PASSWORD });
      expect(set).toEqual({ ok: true, value: { stored: true } });
      const status = await backend.invoke('mail.status', {});
      expect(status.ok && status.value.passwordStored).toBe(true);
      expect(JSON.stringify(status)).not.toContain(PASSWORD);
    } finally {
      await backend.close();
    }
    for (const name of ['galley.db', 'galley.db-wal']) {
      try {
        expect(readFileSync(join(dir, name)).toString('latin1')).not.toContain(PASSWORD);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  });
});
