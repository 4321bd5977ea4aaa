import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { CustomScheme } from 'electron';

/**
 * The workbench is loaded from a custom scheme, `galley-app://workbench/`, not from
 * `file://` (Electron's checklist: a file page may read any file and sends `Origin: null`,
 * which any sandboxed iframe on the web also sends). A standard, secure scheme gives the
 * page a real origin the hub can allow, and a response where the CSP is a header.
 */
export const APP_SCHEME = 'galley-app';
export const APP_HOST = 'workbench';
/** The origin the renderer's WebSocket handshakes carry. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Where the main window starts. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Registered before `ready`: standard (relative URLs, an origin), secure, fetchable. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/**
 * The file under `root` that an app URL names, or null for anything else: another
 * scheme or host, a path that climbs out of `root`, an encoded separator. Paths without
 * an extension are the app's own routes and get index.html.
 */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // An escaped slash or backslash would name a different path once decoded.
  if (path.includes('\\') || path.includes('\0') || /%2f|%5c/i.test(url.pathname)) return null;
  if (path === '/' || extname(path) === '') path = '/index.html';
  const base = normalize(root);
  const file = normalize(join(base, path));
  if (!file.startsWith(base.endsWith(sep) ? base : base + sep)) return null;
  return file;
}

/** Security headers on every app response; the CSP is built once the hub's port is known. */
export function appResponseHeaders(file: string, csp: string): Record<string, string> {
  return {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };
}

/** The handler for `protocol.handle(APP_SCHEME, ...)`: files of the renderer build, with the CSP. */
export function createAppFileHandler(
  root: string,
  csp: () => string,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 });
    }
    const file = resolveAppFile(root, request.url);
    if (file === null) return new Response('Not found', { status: 404 });
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: appResponseHeaders(file, csp()),
    });
  };
}
