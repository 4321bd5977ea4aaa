import { describe, expect, it } from 'vitest';
import { el, para, text } from '../../../test/helpers/bodyNodes.ts';
import { BENCHMARK_TABLE, COMPARISON_TABLE } from '../../../test/fixtures/export/tableEdition.ts';
import type { SerializedBodyNode } from '../model/types.ts';
import { tableFindings, tableNaturalWidth } from './tableFindings.ts';

function table(columns: number, word: string): SerializedBodyNode {
  const row = (header: boolean) =>
    el(
      'tablerow',
      Array.from({ length: columns }, () =>
        el('tablecell', [para(text(word))], { headerState: header ? 1 : 0, format: '' }),
      ),
    );
  return el('table', [row(true), row(false)]);
}

describe('preflight: tables wider than the email', () => {
  it('estimates the natural width from the longest word of each column', () => {
    // 4 columns of a 10-letter word: 1 + 4 * (10 * 8 + 21) px.
    expect(tableNaturalWidth(table(4, 'abcdefghij'))).toBe(1 + 4 * 101);
  });

  it('passes the two fixture tables, which fit 600 px', () => {
    expect(tableFindings(COMPARISON_TABLE)).toEqual([]);
    expect(tableFindings(BENCHMARK_TABLE)).toEqual([]);
  });

  it('warns about a table that cannot fit, saying the estimate', () => {
    const findings = tableFindings(table(8, 'configuration'));
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'table-too-wide' }),
    ]);
    expect(findings[0]!.message).toMatch(/8 columns needs about 1001 px/);
  });
});
