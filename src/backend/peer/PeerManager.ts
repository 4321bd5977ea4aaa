import { GalleyError, type EditionSummary } from '../../core/index.ts';
import { PeerLink, type PeerHost, type PeerOptions, type PeerStatus } from './PeerLink.ts';

/**
 * The peer links of one running backend, keyed by remote URL: joining a session adds a
 * link, leaving removes it and keeps the local replica. What the API's peer methods use.
 */
export class PeerManager {
  private readonly links = new Map<string, PeerLink>();

  constructor(
    private readonly host: PeerHost,
    private readonly localEditions: () => Promise<EditionSummary[]>,
    private readonly log: (msg: string) => void = () => {},
  ) {}

  /** Links to a remote hub (replacing an earlier link to the same URL). */
  join(options: PeerOptions): PeerStatus {
    const url = normalizeSyncUrl(options.url);
    this.links.get(url)?.stop();
    const link = new PeerLink(this.host, this.localEditions, { ...options, url }, this.log);
    this.links.set(url, link);
    return link.status();
  }

  /** Drops the link to `url`; false when there was none. */
  leave(url: string): boolean {
    const key = normalizeSyncUrl(url);
    const link = this.links.get(key);
    link?.stop();
    return this.links.delete(key);
  }

  /** Every link's state. */
  status(): PeerStatus[] {
    return [...this.links.values()].map((l) => l.status());
  }

  /** Runs discovery on every link now (tests and "sync now"). */
  async discover(): Promise<void> {
    await Promise.all([...this.links.values()].map((l) => l.discover()));
  }

  /** Stops every link. */
  stopAll(): void {
    for (const link of this.links.values()) link.stop();
    this.links.clear();
  }
}

/**
 * Checks and normalizes a peer's sync URL: `ws:` or `wss:`, a host, and the `/sync`
 * path (added when missing). Anything else is a user error with a clear message.
 */
export function normalizeSyncUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new GalleyError(
      'invalid-input',
      `"${value}" is not a URL; a peer looks like ws://HOST:PORT/sync.`,
    );
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new GalleyError(
      'invalid-input',
      `A peer URL starts with ws:// or wss://, not ${url.protocol}//.`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new GalleyError(
      'invalid-input',
      'A peer URL carries no credentials or query; pass the token separately.',
    );
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (path !== '' && path !== '/sync') {
    throw new GalleyError('invalid-input', `A peer URL ends in /sync, not ${url.pathname}.`);
  }
  return `${url.protocol}//${url.host}/sync`;
}
