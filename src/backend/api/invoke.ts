import {
  GalleyError,
  apiInputs,
  fail,
  ok,
  type ApiMethod,
  type ApiOutputs,
  type Result,
} from '../../core/index.ts';
import { StoreError } from '../store/StoreError.ts';
import { handlers, type ApiContext } from './handlers.ts';

/** True when `name` is a method of the API contract. */
export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(apiInputs, name);
}

/**
 * Calls an API method with untrusted input: validates it with the method's schema, runs
 * the handler, and turns expected failures into result values. The one entry point
 * for IPC, HTTP and the CLI.
 */
export async function invoke<M extends ApiMethod>(
  ctx: ApiContext,
  method: M,
  rawInput: unknown,
): Promise<Result<ApiOutputs[M]>> {
  const parsed = apiInputs[method].safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return fail('invalid-input', `${method}: ${where}${issue?.message ?? 'invalid input'}`);
  }
  try {
    const handler = handlers[method] as (
      ctx: ApiContext,
      input: unknown,
    ) => ApiOutputs[M] | Promise<ApiOutputs[M]>;
    return ok(await handler(ctx, parsed.data));
  } catch (error) {
    if (error instanceof GalleyError || error instanceof StoreError)
      return fail(error.code, error.message);
    throw error;
  }
}
