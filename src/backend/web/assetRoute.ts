import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Access } from '../hub/auth.ts';
import type { GalleyStore } from '../store/GalleyStore.ts';

/**
 * `GET /media/<sha256>?token=T`: an image from the store, for the editor and the preview
 * (an <img> cannot send a header, so the token comes in the query). Content-addressed, so
 * it may be cached for good; served with nosniff and a CSP that runs nothing.
 */
export async function serveAsset(
  req: IncomingMessage,
  res: ServerResponse,
  store: Pick<GalleyStore, 'getAsset'>,
  checkToken: (token: string | null) => Access | null,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://galley.invalid');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  if (!checkToken(url.searchParams.get('token'))) {
    res
      .writeHead(401, { 'content-type': 'text/plain; charset=utf-8' })
      .end('A valid token is required.');
    return;
  }
  const asset = await store.getAsset(url.pathname.slice('/media/'.length));
  if (!asset) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('No such image.');
    return;
  }
  res.writeHead(200, {
    'content-type': asset.mime,
    'content-length': asset.bytes.byteLength,
    'cache-control': 'private, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'",
  });
  res.end(req.method === 'HEAD' ? undefined : asset.bytes);
}
