import { HorizontalRuleNode } from '@lexical/extension';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { $unwrapNode, mergeRegister } from '@lexical/utils';
import {
  $isElementNode,
  $isRootOrShadowRoot,
  $splitNode,
  IS_BOLD,
  IS_CODE,
  IS_ITALIC,
  IS_STRIKETHROUGH,
  IS_UNDERLINE,
  TextNode,
  type DOMConversionMap,
  type ElementNode,
  type HTMLConfig,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import {
  $createImageNode,
  ButtonNode,
  ImageNode,
  linkRel,
  sanitizeBodyImageSrc,
  sanitizeBodyLinkUrl,
  sanitizeImageSrc,
  sanitizeLinkUrl,
} from '../../core/index.ts';

/** The text formats the model has: bold, italic, strikethrough, underline, inline code. */
export const MODEL_TEXT_FORMATS = IS_BOLD | IS_ITALIC | IS_STRIKETHROUGH | IS_UNDERLINE | IS_CODE;

/** Widest image the model keeps (restoreBody caps at the same figure). */
export const MAX_IMAGE_WIDTH = 1200;

/**
 * Extra HTML import for paste: `<img>` becomes an ImageNode, but only through
 * `sanitizeImageSrc` (https or `asset:`); anything else (`data:`, `javascript:`, relative
 * paths) is dropped. ImageNode itself has no importDOM: core stays DOM-free.
 */
export const EDITOR_HTML_IMPORT: DOMConversionMap = {
  img: () => ({
    conversion: (element) => {
      const src = sanitizeImageSrc(element.getAttribute('src'));
      if (src === null) return { node: null };
      return {
        node: $createImageNode({
          src,
          alt: (element.getAttribute('alt') ?? '').trim(),
          width: parseImageWidth(element.getAttribute('width')),
        }),
      };
    },
    priority: 0,
  }),
};

/** The `html` part of the editor config: paste imports through `EDITOR_HTML_IMPORT`. */
export const EDITOR_HTML_CONFIG: HTMLConfig = { import: EDITOR_HTML_IMPORT };

/** Parses a width in CSS pixels; null when absent, not a positive number, or silly. */
export function parseImageWidth(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0) return null;
  return Math.min(Math.round(n), MAX_IMAGE_WIDTH);
}

/**
 * Keeps the editor inside Galley's model whatever arrives by paste, drop or a forged
 * Lexical clipboard payload: unsafe links are unwrapped (their text stays) and safe ones
 * get restoreBody's attributes (headings keep their level, h1 to h6, as restoreBody does),
 * unsafe images are removed and unsafe button URLs cleared, text formats
 * and inline styles outside the model are stripped, check lists become bullet lists, and
 * block decorators (image, button, divider) nested inside text blocks are lifted to the top
 * level. Transforms only run for local edits (remote Yjs changes skip them), so two clients
 * never race to repair the same node. Returns the unregister function.
 */
export function registerModelGuards(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerNodeTransform(LinkNode, (link) => {
      const safe = sanitizeBodyLinkUrl(link.getURL());
      if (safe === null) {
        $unwrapNode(link);
        return;
      }
      if (safe !== link.getURL()) link.setURL(safe);
      // The attributes as restoreBody keeps them: rel noreferrer (or its no-utm opt-out),
      // target _blank or none.
      const rel = linkRel(link.getRel());
      if (link.getRel() !== rel) link.setRel(rel);
      const target = link.getTarget();
      if (target !== null && target !== '_blank') link.setTarget(null);
      if (link.getTitle() === '') link.setTitle(null);
    }),
    editor.registerNodeTransform(TextNode, (text) => {
      const format = text.getFormat();
      if ((format & ~MODEL_TEXT_FORMATS) !== 0) text.setFormat(format & MODEL_TEXT_FORMATS);
      if (text.getStyle() !== '') text.setStyle('');
    }),
    editor.registerNodeTransform(ListNode, (list) => {
      if (list.getListType() === 'check') list.setListType('bullet');
    }),
    editor.registerNodeTransform(ListItemNode, (item) => {
      if (item.getChecked() !== undefined) item.setChecked(undefined);
    }),
    editor.registerNodeTransform(ImageNode, (image) => {
      const src = sanitizeBodyImageSrc(image.getSrc());
      if (src === null) {
        image.remove();
        return;
      }
      if (src !== image.getSrc()) image.setSrc(src);
      const width = image.getWidth();
      if (width !== null && parseImageWidth(width) !== width)
        image.setWidth(parseImageWidth(width));
      $liftToTopLevel(image);
    }),
    editor.registerNodeTransform(ButtonNode, (button) => {
      const url = button.getUrl();
      const safe = url === '' ? '' : (sanitizeLinkUrl(url) ?? '');
      if (safe !== url) button.setUrl(safe);
      $liftToTopLevel(button);
    }),
    editor.registerNodeTransform(HorizontalRuleNode, (rule) => $liftToTopLevel(rule)),
  );
}

/**
 * Moves a block decorator that sits inside a paragraph, list or quote to the top level
 * at the same place, splitting its ancestors around it; halves left empty are removed.
 */
function $liftToTopLevel(node: LexicalNode): void {
  const parent = node.getParent();
  if (parent === null || $isRootOrShadowRoot(parent)) return;
  const [left, right] = $splitNode(parent, node.getIndexWithinParent());
  right.insertBefore(node);
  if (left !== null && $isEmptyTree(left)) left.remove();
  if ($isEmptyTree(right)) right.remove();
}

function $isEmptyTree(node: ElementNode): boolean {
  return node.getChildren().every((child) => $isElementNode(child) && $isEmptyTree(child));
}
