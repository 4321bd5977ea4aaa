import type { EditorThemeClasses } from 'lexical';

/**
 * Lexical's class names for Galley's node set; editor.css styles them so the text column
 * reads like the email will (serif body, h1-h6 headings on the email's scale, quiet quotes and rules).
 */
export const EDITOR_THEME: EditorThemeClasses = {
  paragraph: 'ge-p',
  heading: { h1: 'ge-h1', h2: 'ge-h2', h3: 'ge-h3', h4: 'ge-h4', h5: 'ge-h5', h6: 'ge-h6' },
  quote: 'ge-quote',
  list: {
    ul: 'ge-ul',
    ol: 'ge-ol',
    listitem: 'ge-li',
    nested: { listitem: 'ge-li-nested' },
  },
  link: 'ge-link',
  hr: 'ge-hr',
  hrSelected: 'ge-selected',
  codeBlock: 'ge-code-block',
  table: 'ge-table',
  tableRow: 'ge-tr',
  tableCell: 'ge-td',
  tableCellHeader: 'ge-th',
  tableCellSelected: 'ge-td--selected',
  tableSelection: 'ge-table--selection',
  text: {
    bold: 'ge-bold',
    italic: 'ge-italic',
    underline: 'ge-underline',
    strikethrough: 'ge-strike',
    underlineStrikethrough: 'ge-underline-strike',
    code: 'ge-code',
  },
};
