import { flightPosition, type Sponsor } from '../model/sponsor.ts';
import type { Edition } from '../model/types.ts';
import type { Finding } from './types.ts';

/** What the flight check needs of a sponsor record. */
export type FlightRecord = Pick<Sponsor, 'id' | 'name' | 'flightStart' | 'flightEnd'>;

/**
 * Sponsor sections whose edition goes out outside their sponsor's paid flight, checked
 * against the records the caller passes (preflight itself reads no store). A section whose
 * record is not given, or an edition without a publish date, is not judged.
 */
export function sponsorFlightFindings(
  edition: Edition,
  sponsors: readonly FlightRecord[],
): Finding[] {
  const date = edition.publishDate;
  if (date === null || sponsors.length === 0) return [];
  const byId = new Map(sponsors.map((s) => [s.id, s]));
  const findings: Finding[] = [];
  for (const section of edition.sections) {
    if (section.kind !== 'sponsor' || section.sponsorId === undefined) continue;
    const record = byId.get(section.sponsorId);
    if (!record) continue;
    const position = flightPosition(record, date);
    if (position === 'inside') continue;
    const flight = `${record.flightStart ?? 'open'} to ${record.flightEnd ?? 'open'}`;
    findings.push({
      severity: 'warning',
      code: 'sponsor-outside-flight',
      message: `the edition goes out on ${date}, ${position} ${record.name}'s flight (${flight})`,
      sectionId: section.id,
    });
  }
  return findings;
}
