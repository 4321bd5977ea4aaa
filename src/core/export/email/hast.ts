import type { Comment, Element, ElementContent, Properties, Text } from 'hast';
import { h } from 'hastscript';

/**
 * The few hast shapes email layout repeats. Every table is a layout table: presentation
 * role and zero cellpadding, cellspacing and border (Outlook adds gaps otherwise).
 */

/** A layout table with an explicit tbody around `rows`. */
export function table(properties: Properties, rows: ElementContent[]): Element {
  return h(
    'table',
    { role: 'presentation', cellPadding: 0, cellSpacing: 0, border: 0, ...properties },
    [h('tbody', rows)],
  );
}

/** A one-cell row. */
export function row(cell: Element): Element {
  return h('tr', [cell]);
}

/** A full-width table with one cell: the email way to give a block its own box. */
export function box(cellProperties: Properties, children: ElementContent[]): Element {
  return table({ width: '100%' }, [row(h('td', cellProperties, children))]);
}

/** A text node. */
export function text(value: string): Text {
  return { type: 'text', value };
}

/**
 * An Outlook conditional comment. `value` is always one of this module's fixed strings,
 * never user text: a conditional is markup that only Outlook parses.
 */
export function conditional(value: string): Comment {
  return { type: 'comment', value };
}

/** Opens the Outlook-only 600 px table (Outlook ignores max-width). */
export const MSO_OPEN_600 =
  '[if mso]><table role="presentation" align="center" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]';
/** Closes it. */
export const MSO_CLOSE_600 = '[if mso]></td></tr></table><![endif]';
