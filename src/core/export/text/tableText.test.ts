import { describe, expect, it } from 'vitest';
import { tableEdition } from '../../../../test/fixtures/export/tableEdition.ts';
import { defaultProfile } from '../shared/profile.ts';
import { renderTextWithWarnings } from './renderText.ts';
import { TEXT_WIDTH } from './wrap.ts';

describe('tables in the plain-text part', () => {
  const { text, warnings } = renderTextWithWarnings(tableEdition(), defaultProfile());

  it('writes a table that fits as an aligned grid', () => {
    expect(warnings).toEqual([]);
    const start = text.indexOf('| Editor');
    expect(text.slice(start).split('\n').slice(0, 5)).toEqual([
      '| Editor                             | Open source | Price / month |',
      '|------------------------------------|:-----------:|--------------:|',
      '| Lexa (ours)                        |     yes     |            $0 |',
      '| Quill (https://quill.example.com/) |     yes     |           $12 |',
      '| Pipe a|b                           |     no      |        $1,200 |',
    ]);
  });

  it('falls back to "Header: value" lines per row when the grid would pass the width', () => {
    expect(text).toContain(
      [
        'Model: galley-small',
        'Context window: 128k tokens',
        'Latency p95: 410 ms',
        'Cost per 1M tokens: $0.15',
        'Notes: Good enough for summaries; weak on long reasoning chains.',
      ].join('\n'),
    );
    // Every link URL is in the text (EMAIL_RULES 14).
    expect(text).toContain(
      'Notes: Best on code review; see the write-up\n  (https://galley.example.org/bench)',
    );
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(TEXT_WIDTH);
  });
});
