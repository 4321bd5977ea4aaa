import { HorizontalRuleNode } from '@lexical/extension';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { BlockListItemNode, BlockListNode } from './BlockListNode.ts';
import { ButtonNode } from './ButtonNode.ts';
import { CodeBlockNode } from './CodeBlockNode.ts';
import { CalloutNode } from './CalloutNode.ts';
import { EmbedNode } from './EmbedNode.ts';
import { HtmlCardNode } from './HtmlCardNode.ts';
import { ImageNode } from './ImageNode.ts';
import { QuoteBlockNode } from './QuoteBlockNode.ts';
import { InlineHtmlNode } from './InlineHtmlNode.ts';
import { RoundupItemNode } from './RoundupItemNode.ts';
import { TABLE_NODES } from './TableNode.ts';

/**
 * Every Lexical node type a section body may hold, registered in one place: the
 * renderer's editors, the headless backend editors and the exporters all use this list,
 * so a node the editor can create is a node every other part knows.
 * (Paragraph, text, line break and root are Lexical's built-ins.)
 */
export const EDITOR_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  HorizontalRuleNode,
  ImageNode,
  ButtonNode,
  RoundupItemNode,
  CodeBlockNode,
  ...TABLE_NODES,
  CalloutNode,
  EmbedNode,
  HtmlCardNode,
  QuoteBlockNode,
  InlineHtmlNode,
  BlockListNode,
  BlockListItemNode,
];

/** The serialized `type` of every node a body may contain, built-ins included. */
export const BODY_NODE_TYPES = [
  'root',
  'paragraph',
  'text',
  'linebreak',
  'tab',
  'heading',
  'quote',
  'list',
  'listitem',
  'link',
  'horizontalrule',
  'image',
  'button',
  'roundupitem',
  'code-block',
  'table',
  'tablerow',
  'tablecell',
  'callout',
  'embed',
  'htmlcard',
  'quoteblock',
  'inlinehtml',
  'blocklist',
  'blocklistitem',
] as const;
export type BodyNodeType = (typeof BODY_NODE_TYPES)[number];
