import { fail, ok, type Result } from './api/result.ts';

/**
 * Invite links: `galley://join?url=<ws or wss URL of a hub's /sync base>&token=<token>`.
 * Hosting a session makes one; opening one (or pasting it into "Join a session") links
 * the local hub to that hub as a peer. A link can arrive from anywhere (a chat message,
 * a web page, the command line), so parsing is strict and says exactly what is wrong.
 */

/** What an invite link carries. */
export interface Invite {
  /** The remote hub's sync endpoint, `ws://HOST:PORT/sync` or `wss://HOST[:PORT]/sync`. */
  url: string;
  /** The share token that hub accepts (read-write or read-only; the hub knows which). */
  token: string;
}

/** The scheme the operating system hands to Galley. */
export const INVITE_SCHEME = 'galley';
/** The longest invite link accepted; a real one is about 150 characters. */
export const MAX_INVITE_LENGTH = 2048;
/** The longest token accepted (the API's `peer.join` takes no longer). */
export const MAX_INVITE_TOKEN_LENGTH = 500;

// URL-safe characters only, so a token never needs escaping and cannot smuggle structure.
const TOKEN_PATTERN = /^[A-Za-z0-9._~-]+$/;
// Scheme, a host (IPv4, name, or [IPv6]) with an optional port, and exactly the /sync path.
const SYNC_URL_PATTERN = /^wss?:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?\/sync$/;
const PREFIX = `${INVITE_SCHEME}://join`;

const invalid = (message: string): Result<never> =>
  fail('invalid-invite', `This is not a valid Galley invite link: ${message}`);

/** Checks a hub sync URL as invites carry it; null when fine, else what is wrong. */
function syncUrlProblem(url: string): string | null {
  if (!/^wss?:\/\//i.test(url)) return 'the hub address must start with ws:// or wss://.';
  if (!SYNC_URL_PATTERN.test(url))
    return 'the hub address must look like ws://HOST:PORT/sync, with nothing after /sync.';
  const port = /:([0-9]+)\/sync$/.exec(url)?.[1];
  if (port !== undefined && Number(port) > 65535) return 'the hub address has no valid port.';
  try {
    if (new URL(url).hostname === '') return 'the hub address has no host.';
  } catch {
    return 'the hub address is not a URL.';
  }
  return null;
}

function tokenProblem(token: string): string | null {
  if (token.length === 0) return 'the token is missing.';
  if (token.length > MAX_INVITE_TOKEN_LENGTH)
    return `the token is longer than ${MAX_INVITE_TOKEN_LENGTH} characters.`;
  if (!TOKEN_PATTERN.test(token))
    return 'the token may hold only letters, digits and . _ ~ - characters.';
  return null;
}

/** Builds the invite link for a hub and share token; fails on a URL or token a link cannot carry. */
export function encodeInvite(invite: Invite): Result<string> {
  const problem = syncUrlProblem(invite.url) ?? tokenProblem(invite.token);
  if (problem !== null) return invalid(problem);
  return ok(
    `${PREFIX}?url=${encodeURIComponent(invite.url)}&token=${encodeURIComponent(invite.token)}`,
  );
}

/**
 * Parses an invite link strictly: the `galley:` scheme, the `join` host, exactly one `url`
 * (ws or wss, ending in /sync) and one `token`, and nothing else (no fragment, no other
 * parameters). Fails with code `invalid-invite` and a message naming the problem.
 */
export function parseInvite(link: unknown): Result<Invite> {
  if (typeof link !== 'string') return invalid('it is not text.');
  const text = link.trim();
  if (text.length === 0) return invalid('it is empty.');
  if (text.length > MAX_INVITE_LENGTH)
    return invalid(`it is longer than ${MAX_INVITE_LENGTH} characters.`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(text))
    return invalid('it contains spaces or control characters.');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text)?.[1];
  if (scheme === undefined) return invalid('it has no scheme; it should start with galley://join?');
  if (scheme.toLowerCase() !== INVITE_SCHEME)
    return invalid(`it starts with ${scheme}: instead of galley://join?`);
  const rest = text.slice(scheme.length + 1);
  const query = /^\/\/join\/?\?(.*)$/i.exec(rest)?.[1];
  if (query === undefined) return invalid('it should start with galley://join?');
  if (query.includes('#')) return invalid('it has a #fragment after the parameters.');

  const params = new Map<string, string>();
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return invalid(`"${part}" is not a name=value parameter.`);
    const name = part.slice(0, eq);
    if (name !== 'url' && name !== 'token')
      return invalid(`it has an unknown parameter "${name}".`);
    if (params.has(name)) return invalid(`it has more than one "${name}".`);
    let value: string;
    try {
      value = decodeURIComponent(part.slice(eq + 1));
    } catch {
      return invalid(`the ${name} is not correctly escaped.`);
    }
    params.set(name, value);
  }
  const url = params.get('url');
  const token = params.get('token');
  if (url === undefined || url === '') return invalid('the hub address (url) is missing.');
  if (token === undefined) return invalid('the token is missing.');
  const problem = syncUrlProblem(url) ?? tokenProblem(token);
  if (problem !== null) return invalid(problem);
  return ok({ url, token });
}
