import type { EditionStatus } from '../../core/index.ts';
import { EDITION_STATUSES } from '../../core/index.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  formatEdition,
  formatFindings,
  formatSearchHits,
  formatSummaries,
  formatVersions,
} from './format.ts';
import { call, UsageError, UserError, type Command } from './call.ts';
import { sponsorsCommand } from './sponsorsCommand.ts';
import { commentsCommand } from './commentsCommand.ts';

export { UsageError, UserError, type Call, type Command } from './call.ts';

// Decoded strictly: a file that is not UTF-8 is refused rather than imported garbled.
function readUtf8(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UserError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    throw new UserError(`${file} is not UTF-8 text; save it as UTF-8 and import again`);
  }
}

const json = { type: 'boolean' } as const;

export const commands: Record<string, Command> = {
  new: {
    usage: 'galley new [--title T] [--sample] [--json]',
    summary: 'Create an edition (blank, or a copy of the sample with --sample) and print its id',
    options: { title: { type: 'string', short: 't' }, sample: { type: 'boolean' }, json },
    positionals: 0,
    run: ({ values }) =>
      call(
        'editions.create',
        { title: values.title, from: values.sample ? 'sample' : 'blank' },
        {
          print: (s) => `Created edition ${s.id}: ${s.title}`,
        },
      ),
  },
  list: {
    usage: `galley list [--status ${EDITION_STATUSES.join('|')}] [--deleted] [--json]`,
    summary: 'List editions, newest first',
    options: { status: { type: 'string' }, deleted: { type: 'boolean' }, json },
    positionals: 0,
    run: ({ values }) =>
      call(
        'editions.list',
        {
          status: values.status as EditionStatus | undefined,
          includeDeleted: values.deleted === true,
        },
        {
          print: formatSummaries,
        },
      ),
  },
  show: {
    usage: 'galley show <id> [--json]',
    summary: 'Show an edition: its fields and sections',
    options: { json },
    positionals: 1,
    run: ({ positionals }) =>
      call(
        'editions.get',
        { id: positionals[0] },
        {
          print: formatEdition,
        },
      ),
  },
  search: {
    usage: 'galley search <query> [--limit N] [--json]',
    summary: 'Full-text search over titles, fields and section text',
    options: { limit: { type: 'string' }, json },
    positionals: 1,
    run: ({ positionals, values }) =>
      call(
        'editions.search',
        {
          query: positionals[0],
          limit: values.limit === undefined ? undefined : Number(values.limit),
        },
        {
          print: formatSearchHits,
        },
      ),
  },
  version: {
    usage: 'galley version <id> --label L [--author NAME] [--json]',
    summary: 'Save a named version of an edition',
    options: { label: { type: 'string', short: 'l' }, author: { type: 'string' }, json },
    positionals: 1,
    run: ({ positionals, values }) =>
      call(
        'versions.create',
        { editionId: positionals[0], label: values.label ?? '', author: values.author },
        {
          print: (v) => `Saved version ${v.id} “${v.label}” of edition ${v.editionId}`,
        },
      ),
  },
  versions: {
    usage: 'galley versions <id> [--json]',
    summary: 'List the saved versions of an edition, newest first',
    options: { json },
    positionals: 1,
    run: ({ positionals }) =>
      call(
        'versions.list',
        { editionId: positionals[0] },
        {
          print: formatVersions,
        },
      ),
  },
  restore: {
    usage: 'galley restore <id> <version-id> [--author NAME] [--json]',
    summary: 'Bring an edition back to a saved version (the current state is saved first)',
    options: { author: { type: 'string' }, json },
    positionals: 2,
    run: ({ positionals, values }) =>
      call(
        'versions.restore',
        { editionId: positionals[0], versionId: positionals[1], author: values.author },
        {
          print: (v) =>
            `Restored edition ${v.editionId} to “${v.label}”; the previous state is saved as a version`,
        },
      ),
  },
  export: {
    usage:
      'galley export <id> --format email|markdown|text|bundle [--out PATH] [--json]\n       galley export --format site --out DIR [--json]',
    summary:
      'Export an edition as email HTML, Markdown, plain text or a bundle folder; or the web archive of sent editions',
    options: { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, json },
    positionals: 1,
    minPositionals: 0,
    run: ({ positionals, values }) => {
      const out = typeof values.out === 'string' ? values.out : undefined;
      if (values.format === 'site') {
        if (positionals.length > 0)
          throw new UsageError('the web archive holds every sent edition: give no edition id');
        if (!out) throw new UsageError('a web archive is a folder: give it with --out DIR');
        return call(
          'export.site',
          { dest: out },
          {
            warnings: (s) => s.warnings,
            print: (s) =>
              `Wrote ${s.written.length} files to ${s.dir} (${s.unchanged.length} already up to date)`,
          },
        );
      }
      if (positionals.length === 0) throw new UsageError('expected an edition id');
      if (values.format === 'bundle') {
        if (!out) throw new UsageError('a bundle is a folder: give it with --out DIR');
        return call(
          'export.bundle',
          { id: positionals[0], dest: out },
          {
            print: (b) => `Wrote ${b.files.length} files to ${b.dir}: ${b.files.join(', ')}`,
          },
        );
      }
      return call(
        'export.render',
        { id: positionals[0], format: values.format },
        {
          warnings: (r) => r.warnings,
          save: (r) => {
            if (out) writeFileSync(out, r.content);
          },
          print: (r) => (out ? `Wrote ${out} (${Buffer.byteLength(r.content)} bytes)` : r.content),
        },
      );
    },
  },
  import: {
    usage: 'galley import FILE.md [--json]',
    summary: 'Create an edition from a Galley Markdown (or plain Markdown) file and print its id',
    options: { json },
    positionals: 1,
    run: ({ positionals }) =>
      call(
        'editions.import',
        { markdown: readUtf8(positionals[0]!) },
        {
          warnings: (r) => r.warnings,
          print: (r) => r.summary.id,
        },
      ),
  },
  check: {
    usage: 'galley check <id> [--json]',
    summary:
      'Preflight an edition: broken links, missing alt text, TK markers, size, open comments and suggestions; exit 1 on errors',
    options: { json },
    positionals: 1,
    run: ({ positionals }) =>
      call(
        'editions.check',
        { id: positionals[0] },
        {
          print: formatFindings,
          exitCode: (r) => (r.findings.some((f) => f.severity === 'error') ? 1 : 0),
        },
      ),
  },
  send: {
    usage:
      'galley send <id> --to ADDRESS[,ADDRESS] [--smtp smtp://HOST:PORT | smtps://USER@HOST:PORT] [--subject-prefix P] [--json]',
    summary:
      'Send a test of an edition over SMTP (the password from GALLEY_SMTP_PASSWORD or GALLEY_SMTP_PASSWORD_FILE)',
    options: {
      to: { type: 'string' },
      smtp: { type: 'string' },
      'subject-prefix': { type: 'string' },
      json,
    },
    positionals: 1,
    run: ({ positionals, values }) => {
      const to = typeof values.to === 'string' ? values.to.split(',').map((a) => a.trim()) : [];
      if (to.filter(Boolean).length === 0)
        throw new UsageError('say who gets the test: --to ADDRESS[,ADDRESS]');
      const smtp = typeof values.smtp === 'string' ? values.smtp : undefined;
      if (smtp !== undefined && !/^smtps?:\/\//i.test(smtp))
        throw new UsageError(
          `--smtp takes smtp://HOST:PORT or smtps://USER@HOST:PORT, not "${smtp}"`,
        );
      return call(
        'send.test',
        {
          id: positionals[0],
          to: to.filter(Boolean),
          smtpUrl: smtp,
          subjectPrefix: values['subject-prefix'],
        },
        {
          warnings: (r) => [
            ...r.warnings,
            ...(r.rejected.length > 0 ? [`the server refused ${r.rejected.join(', ')}`] : []),
          ],
          print: (r) => `Sent a test to ${r.accepted.join(', ')} (message ${r.messageId})`,
        },
      );
    },
  },
  sent: {
    usage: 'galley sent <id> [--at ISO-TIME] [--json]',
    summary: 'Mark an edition sent (now, or when --at says), saving a "Sent <date>" version once',
    options: { at: { type: 'string' }, json },
    positionals: 1,
    run: ({ positionals, values }) =>
      call(
        'editions.markSent',
        { id: positionals[0], at: values.at },
        {
          print: ({ summary, versionId }) =>
            `Edition ${summary.id} sent at ${summary.sentAt ?? '?'}` +
            (versionId ? `; saved version ${versionId}` : '; it was already marked sent'),
        },
      ),
  },
  sponsors: sponsorsCommand,
  comments: commentsCommand,
  backup: {
    usage: 'galley backup <dest> [--json]',
    summary: 'Write a consistent copy of the SQLite database to a file, while it is in use',
    options: { json },
    positionals: 1,
    run: ({ positionals }) =>
      call(
        'store.backup',
        { dest: positionals[0] },
        {
          print: (b) => `Backed up to ${b.dest} (${b.bytes} bytes)`,
        },
      ),
  },
};
