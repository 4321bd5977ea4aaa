import {
  $createHorizontalRuleNode,
  $isHorizontalRuleNode,
  HorizontalRuleNode,
} from '@lexical/extension';
import {
  BOLD_STAR,
  BOLD_UNDERSCORE,
  INLINE_CODE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
  type ElementTransformer,
  type Transformer,
} from '@lexical/markdown';
import {
  $createHeadingNode,
  $isHeadingNode,
  $isQuoteNode,
  HeadingNode,
  type HeadingTagType,
} from '@lexical/rich-text';

const HEADING_TAGS: HeadingTagType[] = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
import { CODE_FENCE } from './codeBlockShortcut.ts';

/**
 * `# ` to `###### ` make a heading of that level, h1 to h6, as in Markdown: the toolbar
 * offers the section-level h3 and h4, the shortcuts every level an imported post can have.
 */
export const SECTION_HEADING: ElementTransformer = {
  dependencies: [HeadingNode],
  export: (node, exportChildren) => {
    if (!$isHeadingNode(node)) return null;
    return `${'#'.repeat(Number(node.getTag().slice(1)))} ${exportChildren(node)}`;
  },
  regExp: /^(#{1,6})\s/,
  replace: (parentNode, children, match, isImport) => {
    // A heading cannot live inside a quote; Lexical's own transformer refuses the same.
    if (!isImport && $isQuoteNode(parentNode)) return false;
    const heading = $createHeadingNode(HEADING_TAGS[(match[1]?.length ?? 3) - 1] ?? 'h3');
    heading.append(...children);
    parentNode.replace(heading);
    if (!isImport) heading.select(0, 0);
    return true;
  },
  triggerOnEnter: true,
  type: 'element',
};

/** `---`, `***` or `___` on a line of its own (then a space or Enter) make a divider. */
export const DIVIDER: ElementTransformer = {
  dependencies: [HorizontalRuleNode],
  export: (node) => ($isHorizontalRuleNode(node) ? '---' : null),
  regExp: /^(---|\*\*\*|___)\s?$/,
  replace: (parentNode, _children, _match, isImport) => {
    const rule = $createHorizontalRuleNode();
    if (isImport || parentNode.getNextSibling() !== null) parentNode.replace(rule);
    else parentNode.insertBefore(rule);
    // Leave the caret in the (now empty) paragraph after the rule, ready to type on.
    if (!isImport) rule.selectNext();
    return true;
  },
  triggerOnEnter: true,
  type: 'element',
};

/**
 * The Markdown shortcuts the editor accepts, limited to Galley's model: no code blocks,
 * check lists, highlights or Markdown links (links go through the link popover, which
 * validates the URL).
 */
export const MARKDOWN_SHORTCUTS: Transformer[] = [
  SECTION_HEADING,
  QUOTE,
  DIVIDER,
  CODE_FENCE,
  UNORDERED_LIST,
  ORDERED_LIST,
  // Order matters: code first (nothing transforms inside it), longer tags before shorter.
  INLINE_CODE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  STRIKETHROUGH,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
];
