import type { ApiMethod, ApiOutputs, EditionStatus } from '../../core/index.ts';
import { EDITION_STATUSES } from '../../core/index.ts';
import { formatEdition, formatSearchHits, formatSummaries, formatVersions } from './format.ts';

/** A CLI command: its usage text, its options, and how it turns arguments into an API call. */
export interface Command {
  usage: string;
  summary: string;
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  positionals: number;
  run(args: { positionals: string[]; values: Record<string, string | boolean | undefined> }): Call;
}

/** An API call plus how to print its result for a person (with --json the value is printed as JSON). */
export type Call = {
  [M in ApiMethod]: { method: M; input: unknown; print: (value: ApiOutputs[M]) => string };
}[ApiMethod];

const json = { type: 'boolean' } as const;

export const commands: Record<string, Command> = {
  new: {
    usage: 'galley new [--title T] [--sample] [--json]',
    summary: 'Create an edition (blank, or a copy of the sample with --sample) and print its id',
    options: { title: { type: 'string', short: 't' }, sample: { type: 'boolean' }, json },
    positionals: 0,
    run: ({ values }) => ({
      method: 'editions.create',
      input: { title: values.title, from: values.sample ? 'sample' : 'blank' },
      print: (s) => `Created edition ${s.id}: ${s.title}`,
    }),
  },
  list: {
    usage: `galley list [--status ${EDITION_STATUSES.join('|')}] [--deleted] [--json]`,
    summary: 'List editions, newest first',
    options: { status: { type: 'string' }, deleted: { type: 'boolean' }, json },
    positionals: 0,
    run: ({ values }) => ({
      method: 'editions.list',
      input: {
        status: values.status as EditionStatus | undefined,
        includeDeleted: values.deleted === true,
      },
      print: formatSummaries,
    }),
  },
  show: {
    usage: 'galley show <id> [--json]',
    summary: 'Show an edition: its fields and sections',
    options: { json },
    positionals: 1,
    run: ({ positionals }) => ({
      method: 'editions.get',
      input: { id: positionals[0] },
      print: formatEdition,
    }),
  },
  search: {
    usage: 'galley search <query> [--limit N] [--json]',
    summary: 'Full-text search over titles, fields and section text',
    options: { limit: { type: 'string' }, json },
    positionals: 1,
    run: ({ positionals, values }) => ({
      method: 'editions.search',
      input: {
        query: positionals[0],
        limit: values.limit === undefined ? undefined : Number(values.limit),
      },
      print: formatSearchHits,
    }),
  },
  version: {
    usage: 'galley version <id> --label L [--author NAME] [--json]',
    summary: 'Save a named version of an edition',
    options: { label: { type: 'string', short: 'l' }, author: { type: 'string' }, json },
    positionals: 1,
    run: ({ positionals, values }) => ({
      method: 'versions.create',
      input: { editionId: positionals[0], label: values.label ?? '', author: values.author },
      print: (v) => `Saved version ${v.id} “${v.label}” of edition ${v.editionId}`,
    }),
  },
  versions: {
    usage: 'galley versions <id> [--json]',
    summary: 'List the saved versions of an edition, newest first',
    options: { json },
    positionals: 1,
    run: ({ positionals }) => ({
      method: 'versions.list',
      input: { editionId: positionals[0] },
      print: formatVersions,
    }),
  },
  restore: {
    usage: 'galley restore <id> <version-id> [--author NAME] [--json]',
    summary: 'Bring an edition back to a saved version (the current state is saved first)',
    options: { author: { type: 'string' }, json },
    positionals: 2,
    run: ({ positionals, values }) => ({
      method: 'versions.restore',
      input: { editionId: positionals[0], versionId: positionals[1], author: values.author },
      print: (v) =>
        `Restored edition ${v.editionId} to “${v.label}”; the previous state is saved as a version`,
    }),
  },
  backup: {
    usage: 'galley backup <dest> [--json]',
    summary: 'Write a consistent copy of the database to a file, while it is in use',
    options: { json },
    positionals: 1,
    run: ({ positionals }) => ({
      method: 'store.backup',
      input: { dest: positionals[0] },
      print: (b) => `Backed up to ${b.dest} (${b.bytes} bytes)`,
    }),
  },
};
