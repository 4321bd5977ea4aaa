import {
  $createHorizontalRuleNode,
  $isHorizontalRuleNode,
  HorizontalRuleNode,
} from '@lexical/extension';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isListItemNode, $isListNode } from '@lexical/list';
import { DRAG_DROP_PASTE } from '@lexical/rich-text';
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils';
import {
  $createNodeSelection,
  $createParagraphNode,
  $getNodeFromDOMNode,
  $getSelection,
  $isElementNode,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  $setSelection,
  CLICK_COMMAND,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { useEffect } from 'react';
import { $createButtonNode, $createImageNode, $insertBlockInListItem } from '../../core/index.ts';
import { isAssetMime, uploadImageFile } from './assets.ts';
import { errorText } from '../api/errorText.ts';
import { INSERT_BUTTON_COMMAND, INSERT_DIVIDER_COMMAND, INSERT_IMAGE_COMMAND } from './commands.ts';
import { useEditorServices, type EditorServices } from './EditorServices.ts';

/**
 * Inserts a block (image, button, divider) at the top level where the caret is: into an
 * empty paragraph's place (the paragraph stays after it for the caret), else splitting
 * the block (or list) at the caret; with no selection, at the end. An empty list item the
 * caret was in does not survive the split, and a block at the very end gets a paragraph
 * after it, so there is always somewhere to type.
 */
export function $insertBlock(node: LexicalNode): void {
  if ($insertBlockInListItem(node)) return;
  const selection = $getSelection();
  if ($isRangeSelection(selection) && selection.isCollapsed()) {
    const block = selection.anchor.getNode().getTopLevelElement();
    if ($isParagraphNode(block) && block.getTextContentSize() === 0) {
      block.insertBefore(node);
      block.selectStart();
      return;
    }
  }
  $insertNodeToNearestRoot(node);
  for (const list of [node.getPreviousSibling(), node.getNextSibling()]) {
    if (!$isListNode(list)) continue;
    const edge = list === node.getPreviousSibling() ? list.getLastChild() : list.getFirstChild();
    if ($isListItemNode(edge) && edge.getChildrenSize() === 0) edge.remove();
    if (list.getChildrenSize() === 0) list.remove();
  }
  const next = node.getNextSibling();
  if (next === null) {
    const paragraph = $createParagraphNode();
    node.insertAfter(paragraph);
    paragraph.select();
  } else if ($isElementNode(next)) {
    next.selectStart();
  }
}

/**
 * The block commands (insert image / button / divider), click-to-select and the selected
 * look for dividers, and image files pasted or dropped into the editor (uploaded to the
 * asset store, then inserted).
 */
export function BlocksPlugin() {
  const [editor] = useLexicalComposerContext();
  const services = useEditorServices();
  useEffect(() => registerBlocks(editor, services), [editor, services]);
  return null;
}

function registerBlocks(editor: LexicalEditor, services: EditorServices): () => void {
  const rules = new Set<string>();
  const paintSelectedRules = () => {
    const selected = editor.getEditorState().read(() => {
      const selection = $getSelection();
      return $isNodeSelection(selection) ? selection.getNodes().map((n) => n.getKey()) : [];
    });
    for (const key of rules) {
      editor.getElementByKey(key)?.classList.toggle('ge-selected', selected.includes(key));
    }
  };
  return mergeRegister(
    editor.registerCommand(
      INSERT_IMAGE_COMMAND,
      (payload) => {
        $insertBlock($createImageNode(payload));
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      INSERT_BUTTON_COMMAND,
      ({ label, url }) => {
        $insertBlock($createButtonNode(label, url));
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      INSERT_DIVIDER_COMMAND,
      () => {
        $insertBlock($createHorizontalRuleNode());
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand<MouseEvent>(
      CLICK_COMMAND,
      (event) => {
        if (!(event.target instanceof HTMLHRElement)) return false;
        const node = $getNodeFromDOMNode(event.target);
        if (!$isHorizontalRuleNode(node)) return false;
        const selection = $createNodeSelection();
        selection.add(node.getKey());
        $setSelection(selection);
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
    editor.registerMutationListener(
      HorizontalRuleNode,
      (mutations) => {
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') rules.delete(key);
          else rules.add(key);
        }
      },
      { skipInitialization: false },
    ),
    editor.registerUpdateListener(paintSelectedRules),
    editor.registerCommand(
      DRAG_DROP_PASTE,
      (files) => {
        const images = files.filter((file) => isAssetMime(file.type));
        if (images.length === 0) {
          services.notify(
            'Only images can be pasted or dropped here (PNG, JPEG, GIF or WebP).',
            'error',
          );
          return true;
        }
        void insertImageFiles(editor, services, images);
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
  );
}

/** Uploads image files one by one and inserts each as it is stored. */
export async function insertImageFiles(
  editor: LexicalEditor,
  services: EditorServices,
  files: File[],
): Promise<void> {
  for (const file of files) {
    services.notify(`Uploading “${file.name}”…`, 'info');
    try {
      const src = await uploadImageFile(services.api, file);
      editor.dispatchCommand(INSERT_IMAGE_COMMAND, { src, alt: '' });
      services.notify(null);
    } catch (error) {
      services.notify(`The image could not be added: ${errorText(error)}`, 'error');
      return;
    }
  }
}
