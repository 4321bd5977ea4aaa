import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { SendError } from './SendError.ts';
import type { SmtpAccount, SmtpPasswordSource } from './smtpPassword.ts';

/**
 * The operating system's secret store as the backend sees it: Electron's safeStorage in
 * the desktop app (the keychain on macOS, DPAPI on Windows, the Secret Service on Linux).
 */
export interface PasswordVault {
  /** False where only a hard-coded key would protect the bytes (Linux without a keyring). */
  isAvailable(): boolean;
  encrypt(plain: string): Uint8Array;
  decrypt(sealed: Uint8Array): string;
}

/** Where the desktop app says the password lives, for the words of a refused login. */
export const VAULT_ORIGIN = 'Publication settings (kept encrypted by your system)';

/**
 * The SMTP password of the desktop app: encrypted by the system's vault into one file
 * beside the database (owner-only), never in the database, an export or a log. Only the
 * sealed bytes touch the disk; the password exists in memory while a test is sent.
 */
export class VaultPasswordStore {
  constructor(
    private readonly file: string,
    private readonly vault: PasswordVault,
  ) {}

  /** True when a password is stored (it is not read to say so). */
  has(): boolean {
    return existsSync(this.file);
  }

  /** True when this computer can keep a password safely. */
  canStore(): boolean {
    return this.vault.isAvailable();
  }

  /** Stores the password, sealed; '' forgets it. */
  set(password: string): void {
    if (password === '') {
      rmSync(this.file, { force: true });
      return;
    }
    if (!this.vault.isAvailable())
      throw new SendError(
        'smtp-password-missing',
        'This computer has no secret store Galley can use (on Linux: a keyring such as GNOME Keyring or KWallet), ' +
          'so the password cannot be kept safely; run galley serve with GALLEY_SMTP_PASSWORD instead.',
      );
    writeFileSync(this.file, this.vault.encrypt(password), { mode: 0o600 });
    // writeFileSync's mode applies only to a new file: an older one is narrowed too.
    chmodSync(this.file, 0o600);
  }

  /** The password source for test sends: the stored password, or words saying where to set it. */
  readonly password: SmtpPasswordSource = (account: SmtpAccount) => {
    if (!this.has())
      throw new SendError(
        'smtp-password-missing',
        `The SMTP server ${account.host} needs the password of ${account.user}, and none is stored: ` +
          'enter it in Publication settings and send again.',
      );
    try {
      return this.vault.decrypt(readFileSync(this.file));
    } catch {
      throw new SendError(
        'smtp-password-missing',
        'The stored SMTP password cannot be unlocked on this computer (the system keychain changed or ' +
          'refused): enter it again in Publication settings.',
      );
    }
  };
}
