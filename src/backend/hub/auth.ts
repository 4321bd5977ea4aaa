import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a token lets a connection do. */
export type Access = 'write' | 'read';

/** Tokens a hub accepts; a read-only token receives everything and may not edit. */
export interface HubAuth {
  tokens: string[];
  readOnlyTokens?: string[];
}

/** A token strong enough to guard a hub on the network: 32 random bytes, base64url. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Builds the token check. Both sides are hashed first so that timingSafeEqual always
 * compares 32 bytes (it throws on unequal lengths, and comparing raw strings would leak
 * the token's length), and every configured token is compared, so the time taken does
 * not say which one matched. A token listed as both read-only and writable is read-only:
 * a configuration slip must not widen access.
 */
export function createTokenCheck(auth: HubAuth): (token: string | null) => Access | null {
  const entries: Array<{ hash: Buffer; access: Access }> = [];
  const add = (list: readonly string[], access: Access) => {
    for (const token of list) {
      // An empty token would let `?token=` in; refuse the configuration instead.
      if (token.length === 0) throw new Error('Hub: an auth token must not be empty.');
      entries.push({ hash: digest(token), access });
    }
  };
  add(auth.tokens, 'write');
  add(auth.readOnlyTokens ?? [], 'read');
  return (token) => {
    if (token === null || token.length === 0) return null;
    const presented = digest(token);
    let access: Access | null = null;
    for (const entry of entries) {
      if (timingSafeEqual(presented, entry.hash) && access !== 'read') access = entry.access;
    }
    return access;
  };
}

/**
 * True when the request may come from this Origin. Browsers always send Origin on a
 * WebSocket handshake, so a page on a foreign site (cross-site WebSocket hijacking) is
 * refused. Non-browser clients (Node's ws, the peer link, CLI tools) send no Origin and
 * pass: they have to present the token like anyone else.
 */
export function isOriginAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  return origin === undefined || allowed.includes(origin);
}
