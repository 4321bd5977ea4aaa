import type { IncomingMessage, ServerResponse } from 'node:http';
import { READ_ONLY_METHODS, fail, type Result } from '../../core/index.ts';
import { isApiMethod } from '../api/invoke.ts';
import type { Access } from '../hub/auth.ts';

const MAX_BODY_BYTES = 1024 * 1024;

const STATUS: Record<string, number> = {
  'invalid-input': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'too-large': 413,
};

export interface ApiRouteOptions {
  checkToken: (token: string | null) => Access | null;
  isOriginAllowed: (origin: string | undefined) => boolean;
  invoke: (method: string, input: unknown) => Promise<Result<unknown>>;
}

/**
 * `POST /api/<method>`: the same contract and handlers as Electron IPC, over HTTP. The
 * token comes as `Authorization: Bearer T` (or `?token=`); read-only tokens reach only
 * the read-only methods. Every answer is a Result as JSON.
 */
export async function handleApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: ApiRouteOptions,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = decodeURIComponent(url.pathname.slice('/api/'.length));
  const header = req.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7) : url.searchParams.get('token');
  const access = options.checkToken(token);
  if (!options.isOriginAllowed(req.headers.origin)) {
    return send(res, fail('forbidden', 'This origin may not use the Galley API.'));
  }
  if (!access) return send(res, fail('unauthorized', 'A valid token is required.'));
  if (req.method !== 'POST')
    return send(res, fail('invalid-input', 'Use POST with a JSON body.'), 405);
  if (!isApiMethod(method)) return send(res, fail('not-found', `Unknown API method ${method}.`));
  if (access === 'read' && !READ_ONLY_METHODS.has(method)) {
    return send(res, fail('forbidden', `A read-only token cannot call ${method}.`));
  }
  let input: unknown;
  try {
    const text = await readBody(req);
    input = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    const tooLarge = error instanceof BodyTooLarge;
    return send(
      res,
      fail(
        tooLarge ? 'too-large' : 'invalid-input',
        tooLarge ? 'Request body is too large.' : 'Request body is not valid JSON.',
      ),
    );
  }
  send(res, await options.invoke(method, input));
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, result: Result<unknown>, status?: number): void {
  const code = status ?? (result.ok ? 200 : (STATUS[result.error.code] ?? 409));
  const body = JSON.stringify(result);
  res.writeHead(code, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}
