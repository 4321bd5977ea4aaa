import {
  CODE_TOKEN_COLORS,
  CODE_TOKEN_KINDS,
  type CodeTokenKind,
} from '../shared/codeHighlight.ts';

/**
 * The head CSS code blocks add to the email's one style block: a dark colour per token kind
 * (under `prefers-color-scheme` and for Outlook.com's `[data-ogsc]`), and the Outlook-only
 * rule that wraps long lines where overflow scrolling does not exist. Kept apart from
 * codeBlockEmail.ts so that styles.ts can import it without an import cycle.
 */

/** The class the dark-mode rules use for a token kind (short: it is repeated per token). */
export const TOKEN_CLASS: Record<CodeTokenKind, string> = {
  keyword: 'gx-tkk',
  string: 'gx-tks',
  comment: 'gx-tkc',
  number: 'gx-tkn',
  title: 'gx-tkt',
  attr: 'gx-tka',
  addition: 'gx-tki',
  deletion: 'gx-tkd',
};

/** Outlook-only CSS for code blocks (goes inside the `[if mso]` head style). */
export const CODE_MSO_CSS =
  '.gx-pre{white-space:pre-wrap !important;word-wrap:break-word !important;font-family:Consolas,Courier New,monospace !important}';

/** The `[selector, declarations]` dark-mode rules for token colours (`prefers-color-scheme`). */
export function codeDarkRules(): Array<[string, string]> {
  return CODE_TOKEN_KINDS.map((kind) => [
    `.${TOKEN_CLASS[kind]}`,
    `color:${CODE_TOKEN_COLORS.dark[kind]}`,
  ]);
}

/** Outlook.com's dark mode (`[data-ogsc]`) rules for token colours, one per line. */
export function codeOutlookDarkRules(): string[] {
  return CODE_TOKEN_KINDS.map(
    (kind) => `[data-ogsc] .${TOKEN_CLASS[kind]}{color:${CODE_TOKEN_COLORS.dark[kind]} !important}`,
  );
}
