import { describe, expect, it } from 'vitest';
import { sampleProfile } from '../../../test/fixtures/export/profiles.ts';
import { restoreEdition } from '../model/restoreEdition.ts';
import { preflight } from './preflight.ts';
import type { FlightRecord } from './sponsorFindings.ts';

const body = { root: { type: 'root', children: [] } };
const sponsorSection = (id: string, fields: Record<string, unknown>) => ({
  id,
  kind: 'sponsor',
  title: 'Sponsor',
  sponsor: 'Acme',
  url: 'https://acme.example/',
  cta: 'Try it',
  disclosure: 'Acme paid for this.',
  body,
  ...fields,
});
const acme: FlightRecord = {
  id: 'acme',
  name: 'Acme',
  flightStart: '2026-03-01',
  flightEnd: '2026-03-31',
};

function check(publishDate: string | null, sections: unknown[], sponsors = [acme]) {
  const edition = restoreEdition({ subject: 'S', preheader: 'P', publishDate, sections });
  return preflight(edition, sampleProfile, { emailHtml: '<html></html>', sponsors }).findings;
}

describe('preflight on sponsor sections', () => {
  it('warns, with the section, when the edition goes out outside its sponsor’s flight', () => {
    const sections = [
      sponsorSection('s-linked', { sponsorId: 'acme' }),
      sponsorSection('s-by-hand', {}),
    ];
    expect(
      check('2026-04-02', sections).filter((f) => f.code === 'sponsor-outside-flight'),
    ).toEqual([
      {
        severity: 'warning',
        code: 'sponsor-outside-flight',
        message:
          "the edition goes out on 2026-04-02, after Acme's flight (2026-03-01 to 2026-03-31)",
        sectionId: 's-linked',
      },
    ]);
    expect(check('2026-02-28', sections)).toContainEqual(
      expect.objectContaining({
        message:
          "the edition goes out on 2026-02-28, before Acme's flight (2026-03-01 to 2026-03-31)",
        sectionId: 's-linked',
      }),
    );
    // Inside, on the first and last day, open-ended, undated, or no record given: no warning.
    const quiet = (date: string | null, records = [acme]) =>
      check(date, sections, records).filter((f) => f.code === 'sponsor-outside-flight');
    expect(quiet('2026-03-01')).toEqual([]);
    expect(quiet('2026-03-31')).toEqual([]);
    expect(quiet('2027-01-01', [{ ...acme, flightEnd: null }])).toEqual([]);
    expect(quiet(null)).toEqual([]);
    expect(quiet('2026-04-02', [])).toEqual([]);
  });

  it('flags an empty disclosure line on the section it belongs to', () => {
    const findings = check('2026-03-10', [
      sponsorSection('ok', { sponsorId: 'acme' }),
      sponsorSection('blank', { sponsorId: 'acme', disclosure: '   ' }),
    ]);
    expect(findings.filter((f) => f.code === 'sponsor-missing-disclosure')).toEqual([
      {
        severity: 'error',
        code: 'sponsor-missing-disclosure',
        message: 'the sponsor has no disclosure line; the email uses a generic one',
        sectionId: 'blank',
      },
    ]);
  });
});
