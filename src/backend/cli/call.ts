import type { ApiMethod, ApiOutputs } from '../../core/index.ts';

/*
 * The pieces every CLI command is built from: the command shape, the API call it makes
 * and how its result is presented, and the two errors a command raises before calling.
 */

/** A usage mistake found while building the call (exit 2). */
export class UsageError extends Error {}

/** A problem with what the user pointed at, found while building the call (exit 1). */
export class UserError extends Error {}

/** A CLI command: its usage text, its options, and how it turns arguments into an API call. */
export interface Command {
  usage: string;
  summary: string;
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  positionals: number;
  /** When fewer positionals are allowed (down to this many); `run` checks which. */
  minPositionals?: number;
  run(args: { positionals: string[]; values: Record<string, string | boolean | undefined> }): Call;
}

/** How a command presents one API method's result. */
interface Presenter<T> {
  /** For a person (with --json the value is printed as JSON instead). */
  print: (value: T) => string;
  /** Said on stderr, whatever the output format. */
  warnings?: (value: T) => string[];
  /** Writes the result where the user asked (--out), whatever the output format. */
  save?: (value: T) => void;
  /** The exit code the result means (default 0). */
  exitCode?: (value: T) => number;
}

/** An API call and how to present its result. */
export interface Call {
  method: ApiMethod;
  input: unknown;
  present(value: unknown, json: boolean): { out: string; warnings: string[]; exitCode: number };
}

/** Builds a call whose presenter is typed by the method's output. */
export function call<M extends ApiMethod>(
  method: M,
  input: unknown,
  presenter: Presenter<ApiOutputs[M]>,
): Call {
  return {
    method,
    input,
    present(raw, json) {
      // invoke() returned this for `method`: the contract fixes its type.
      const value = raw as ApiOutputs[M];
      presenter.save?.(value);
      return {
        out: json ? JSON.stringify(value, null, 2) : presenter.print(value),
        warnings: presenter.warnings?.(value) ?? [],
        exitCode: presenter.exitCode?.(value) ?? 0,
      };
    },
  };
}
