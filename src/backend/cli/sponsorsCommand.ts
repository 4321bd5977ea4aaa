import type { Sponsor } from '../../core/index.ts';
import { call, UsageError, type Command } from './call.ts';

/**
 * `galley sponsors`: the sponsor library from the command line. `galley sponsors` lists,
 * `galley sponsors add --name N --url U ...` adds, `galley sponsors show <id>` shows one
 * record with the editions using it.
 */

function flight(s: Sponsor): string {
  if (s.flightStart === null && s.flightEnd === null) return '';
  return `${s.flightStart ?? '…'} to ${s.flightEnd ?? '…'}`;
}

/** The library as an aligned table. */
export function formatSponsors(list: Sponsor[]): string {
  if (list.length === 0)
    return 'No sponsors yet. Add one with: galley sponsors add --name "Acme" --url https://acme.example';
  const rows = [
    ['ID', 'NAME', 'FLIGHT', 'URL'],
    ...list.map((s) => [s.id, s.name, flight(s), s.url]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  '))
    .join('\n');
}

/** One record, field by field. */
export function formatSponsor(s: Sponsor): string {
  return [
    `${s.name}  (id ${s.id})`,
    `URL:         ${s.url}`,
    `Call to act: ${s.cta || '(default: Learn more)'}`,
    `Disclosure:  ${s.disclosure || '(none yet: preflight will flag it)'}`,
    `Flight:      ${flight(s) || 'open'}`,
    `Logo:        ${s.logo ?? 'none'}`,
    ...(s.notes ? [`Notes:       ${s.notes}`] : []),
  ].join('\n');
}

const text = { type: 'string' } as const;

export const sponsorsCommand: Command = {
  usage: [
    'galley sponsors [--json]',
    '       galley sponsors add --name N --url U [--cta C] [--disclosure D] [--from DATE --to DATE] [--notes T] [--json]',
    '       galley sponsors show <id> [--json]',
  ].join('\n'),
  summary: 'The sponsor library: list it, add a sponsor, or show one',
  options: {
    name: text,
    url: text,
    cta: text,
    disclosure: text,
    from: text,
    to: text,
    notes: text,
    json: { type: 'boolean' },
  },
  positionals: 2,
  minPositionals: 0,
  run: ({ positionals, values }) => {
    const [action = 'list', id] = positionals;
    const str = (key: string) => (typeof values[key] === 'string' ? values[key] : undefined);
    if (action === 'list') {
      if (id !== undefined) throw new UsageError('galley sponsors takes no argument to list');
      return call('sponsors.list', {}, { print: formatSponsors });
    }
    if (action === 'show') {
      if (id === undefined) throw new UsageError('say which sponsor: galley sponsors show <id>');
      return call('sponsors.get', { id }, { print: formatSponsor });
    }
    if (action === 'add') {
      if (id !== undefined)
        throw new UsageError('galley sponsors add takes options, not arguments');
      if (!str('name') || !str('url')) throw new UsageError('a sponsor needs --name and --url');
      return call(
        'sponsors.create',
        {
          name: str('name'),
          url: str('url'),
          cta: str('cta'),
          disclosure: str('disclosure'),
          flightStart: str('from'),
          flightEnd: str('to'),
          notes: str('notes'),
        },
        { print: (s) => `Added sponsor ${s.id}: ${s.name}` },
      );
    }
    throw new UsageError(`unknown action "${action}": use add or show, or nothing to list`);
  },
};
