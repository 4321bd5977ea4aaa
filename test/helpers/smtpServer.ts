import { createServer, type AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** A real SMTP server for tests, on 127.0.0.1 and a free port, keeping what it receives. */
export interface TestSmtpServer {
  port: number;
  /** The self-signed certificate it presents (PEM), for the client to trust. */
  cert: string;
  /** Raw messages received, in order. */
  messages: Buffer[];
  /** The commands' sessions: how each message arrived (TLS or not, who logged in). */
  sessions: Array<{ secure: boolean; user: string | undefined; envelopeTo: string[] }>;
  close(): Promise<void>;
}

export interface TestSmtpOptions {
  user?: string;
  password?: string;
  /** Take no STARTTLS command at all (a server that does not offer TLS). */
  noStartTls?: boolean;
  /** Implicit TLS from the first byte (port 465 style). */
  implicitTls?: boolean;
  /** Recipients refused with 550. */
  refuse?: (address: string) => boolean;
  /** Advertised SIZE limit in bytes; a larger message is refused with 552. */
  size?: number;
}

let certificate: Promise<{ key: string; cert: string }> | undefined;

/** One self-signed certificate per test process, valid for 127.0.0.1 and localhost. */
export function testCertificate(): Promise<{ key: string; cert: string }> {
  certificate ??= generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return certificate;
}

/** Starts a server with login (when `user` is given) and STARTTLS unless told otherwise. */
export async function startSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const { key, cert } = await testCertificate();
  const messages: Buffer[] = [];
  const sessions: TestSmtpServer['sessions'] = [];
  const config: SMTPServerOptions = {
    key,
    cert,
    logger: false,
    secure: options.implicitTls === true,
    authOptional: options.user === undefined,
    allowInsecureAuth: options.noStartTls === true,
    disabledCommands: options.noStartTls ? ['STARTTLS'] : [],
    size: options.size,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password)
        callback(null, { user: auth.username });
      else
        callback(
          Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }),
        );
    },
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address))
        callback(
          Object.assign(new Error(`No mailbox here by that name: ${address.address}`), {
            responseCode: 550,
          }),
        );
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded)
          return callback(
            Object.assign(new Error('Message exceeds the fixed size limit'), { responseCode: 552 }),
          );
        messages.push(Buffer.concat(chunks));
        sessions.push({
          secure: session.secure,
          user: typeof session.user === 'string' ? session.user : undefined,
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(config);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    cert,
    messages,
    sessions,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port on 127.0.0.1 that nothing listens on: bound, then released. */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
