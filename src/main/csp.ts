/**
 * The workbench's Content-Security-Policy, as data. Sent as a response header (where
 * `frame-ancestors` works, unlike in a meta tag) on every page the app serves. Scripts
 * come only from the app itself: no inline script, no eval, no remote code.
 */

/** What the policy depends on: the local hub, and any other hub the page itself talks to. */
export interface CspOptions {
  /** The local hub, e.g. `http://127.0.0.1:53100` (its ws:// twin is allowed too). */
  hubHttpUrl: string;
  /**
   * Other hubs the renderer connects to itself. Normally none: joining a session links
   * the local hub to the remote one in the backend, and the page only talks to its hub.
   */
  peers?: readonly string[];
  /** The dev server's origin (electron-vite dev), whose HMR socket must be reachable. */
  devServer?: string;
}

export type CspDirectives = Record<string, readonly string[]>;

// One origin from a URL: scheme, host and port, nothing else (no path, no credentials).
function origin(value: string): string {
  const url = new URL(value);
  return `${url.protocol}//${url.host}`;
}

function withSocket(value: string): string[] {
  const http = origin(value);
  return [http, http.replace(/^http(s?):/, 'ws$1:')];
}

/** The policy's directives. Every fetch directive is listed so `default-src 'none'` never decides. */
export function cspDirectives(options: CspOptions): CspDirectives {
  const hubHttp = origin(options.hubHttpUrl);
  const hub = withSocket(hubHttp);
  const peers = (options.peers ?? []).flatMap((peer) =>
    withSocket(peer.replace(/^ws(s?):/, 'http$1:')),
  );
  const dev = options.devServer === undefined ? [] : withSocket(options.devServer);
  return {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // Lexical and React set style attributes; style elements come from the app's CSS.
    'style-src': ["'self'", "'unsafe-inline'"],
    // Images: the app's own, the hub's /media, pasted data: and blob: previews, and
    // https images that editions link to (what the email will show).
    'img-src': ["'self'", 'data:', 'blob:', 'https:', hubHttp],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...hub, ...peers, ...dev],
    'media-src': ["'none'"],
    'object-src': ["'none'"],
    'worker-src': ["'none'"],
    'manifest-src': ["'none'"],
    // The email preview is an iframe with srcdoc, which inherits this policy.
    'frame-src': ["'self'"],
    'child-src': ["'self'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'none'"],
    'base-uri': ["'none'"],
  };
}

/** The policy as a header value. */
export function buildCsp(options: CspOptions): string {
  return Object.entries(cspDirectives(options))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
