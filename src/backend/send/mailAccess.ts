import { readFileSync } from 'node:fs';
import {
  PASSWORD_ENV,
  PASSWORD_FILE_ENV,
  passwordFromEnvironment,
  type SmtpPasswordSource,
} from './smtpPassword.ts';
import { SendError } from './SendError.ts';

/** What a host gives the backend for sending: the password source and extra trust. */
export interface MailAccess {
  password: SmtpPasswordSource;
  /** Where the password comes from, for the words of a refused login. */
  passwordOrigin?: string;
  /**
   * Certificates (PEM) to trust beside Node's own list: a company relay signed by its own
   * authority, or a test server's self-signed certificate.
   */
  trustedCertificates?: () => string[];
  /**
   * Where the editor can keep a password from the workbench (the desktop app's vault);
   * absent where the password comes from the environment.
   */
  store?: { has(): boolean; canStore(): boolean; set(password: string): void };
}

export const CA_FILE_ENV = 'GALLEY_SMTP_CA_FILE';

/** Mail access for the CLI and `galley serve`: everything comes from the environment. */
export function mailAccessFromEnvironment(env: NodeJS.ProcessEnv): MailAccess {
  const caFile = env[CA_FILE_ENV];
  return {
    password: passwordFromEnvironment(env),
    passwordOrigin: `${PASSWORD_ENV} or ${PASSWORD_FILE_ENV}`,
    trustedCertificates:
      caFile === undefined || caFile === ''
        ? undefined
        : () => {
            try {
              return [readFileSync(caFile, 'utf8')];
            } catch (error) {
              throw new SendError(
                'smtp-tls-failed',
                `Cannot read the certificate file ${caFile} (${(error as NodeJS.ErrnoException).code ?? 'error'}): check ${CA_FILE_ENV}.`,
              );
            }
          },
  };
}
