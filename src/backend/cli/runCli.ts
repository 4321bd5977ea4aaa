import { parseArgs } from 'node:util';
import { openBackend } from '../openBackend.ts';
import { resolveStoreSpec } from '../paths.ts';
import { mailAccessFromEnvironment } from '../send/mailAccess.ts';
import { StoreError } from '../store/StoreError.ts';
import { commands, UsageError, UserError } from './commands.ts';
import { runMigrate } from './migrate.ts';
import { runServe } from './serve.ts';

/** Exit codes: 0 success, 1 a user error (bad id, unusable file), 2 a usage error. */
export const EXIT = { ok: 0, user: 1, usage: 2 } as const;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const HELP = `galley: the newsletter workbench, from the command line

Usage: galley <command> [options]      (from a checkout: npm run galley -- <command>)

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`)
  .join('\n')}
  serve     Run the sync hub and the HTTP API for editors, browsers and peers
  migrate   Copy a whole store to another and verify it: --from SPEC --to SPEC

Options for every command:
  --store SPEC  the store: a SQLite file path or a postgres://USER[:PASS]@HOST:PORT/DB URL
                (default: GALLEY_STORE, else GALLEY_DB, else galley.db in Galley's user-data folder)
  --db PATH     the SQLite database file (the same as --store PATH)
  --json        print machine-readable JSON
  --help        show help for a command`;

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === 'serve') return runServe(rest, io);
  if (name === 'migrate') return runMigrate(rest, io);
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.err(`galley: unknown command "${name}". Run galley --help for the list.`);
    return EXIT.usage;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        ...command.options,
        db: { type: 'string' },
        store: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.err(`galley ${name}: ${(error as Error).message}\nUsage: ${command.usage}`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    io.out(
      `${command.summary}\n\nUsage: ${command.usage}\n  --store SPEC  a SQLite file path or a postgres:// URL (default: GALLEY_STORE, GALLEY_DB or the user-data folder)\n  --db PATH     the SQLite database file (the same as --store PATH)`,
    );
    return EXIT.ok;
  }
  const fewest = command.minPositionals ?? command.positionals;
  if (parsed.positionals.length > command.positionals || parsed.positionals.length < fewest) {
    io.err(
      `galley ${name}: expected ${command.positionals} argument(s), got ${parsed.positionals.length}\nUsage: ${command.usage}`,
    );
    return EXIT.usage;
  }
  let call;
  try {
    call = command.run({ positionals: parsed.positionals, values: parsed.values });
  } catch (error) {
    if (error instanceof UserError) {
      io.err(`galley ${name}: ${error.message}`);
      return EXIT.user;
    }
    if (!(error instanceof UsageError)) throw error;
    io.err(`galley ${name}: ${error.message}\nUsage: ${command.usage}`);
    return EXIT.usage;
  }
  let spec: string;
  try {
    spec = resolveStoreSpec(
      {
        store: parsed.values.store as string | undefined,
        db: parsed.values.db as string | undefined,
      },
      io.env,
    );
  } catch (error) {
    io.err(`galley ${name}: ${(error as Error).message}\nUsage: ${command.usage}`);
    return EXIT.usage;
  }
  let backend;
  try {
    backend = await openBackend(spec);
  } catch (error) {
    if (error instanceof StoreError) {
      io.err(`galley: ${error.message}`);
      return EXIT.user;
    }
    throw error;
  }
  backend.context.mail = mailAccessFromEnvironment(io.env);
  try {
    const result = await backend.invoke(call.method, call.input);
    if (!result.ok) {
      // One line: a parser's message may carry a code frame below its first line.
      io.err(`galley ${name}: ${result.error.message.split('\n')[0]!.replace(/:\s*$/, '')}`);
      return result.error.code === 'invalid-input' ? EXIT.usage : EXIT.user;
    }
    const shown = call.present(
      result.value,
      'json' in parsed.values && parsed.values.json === true,
    );
    for (const warning of shown.warnings) io.err(`galley ${name}: warning: ${warning}`);
    io.out(shown.out);
    return shown.exitCode;
  } finally {
    await backend.close();
  }
}
