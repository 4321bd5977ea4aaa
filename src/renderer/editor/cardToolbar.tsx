import type { BaseSelection } from 'lexical';
import type { ReactNode } from 'react';
import { InsertCalloutPanel, InsertEmbedPanel, InsertHtmlCardPanel } from './InsertCardPanels.tsx';

/** The insert panels of the card nodes, as the toolbar opens them. */
export type CardPanelKind = 'callout' | 'embed' | 'htmlcard';

/** The toolbar's card buttons (the toolbar adds what they do). */
export const CARD_PANELS: Array<{
  name: CardPanelKind;
  label: string;
  face: ReactNode;
  hint?: string;
}> = [
  {
    name: 'callout',
    label: 'Callout',
    face: <span aria-hidden="true">💡</span>,
    hint: 'in a callout: its emoji and title',
  },
  { name: 'embed', label: 'Embed a video, post or link', face: <span aria-hidden="true">▶︎</span> },
  { name: 'htmlcard', label: 'HTML card', face: <span aria-hidden="true">&lt;/&gt;</span> },
];

/** The open card panel, or null when `kind` is not a card's. */
export function cardPanel(
  kind: string,
  saved: BaseSelection | null,
  onClose: (inserted: boolean) => void,
): ReactNode {
  switch (kind) {
    case 'callout':
      return <InsertCalloutPanel saved={saved} onClose={onClose} />;
    case 'embed':
      return <InsertEmbedPanel saved={saved} onClose={onClose} />;
    case 'htmlcard':
      return <InsertHtmlCardPanel saved={saved} onClose={onClose} />;
    default:
      return null;
  }
}
