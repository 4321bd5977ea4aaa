import { $isListItemNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_TAB_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useEffect } from 'react';
import {
  FOCUS_TOOLBAR_COMMAND,
  OPEN_LINK_EDITOR_COMMAND,
  setBlockType,
  toggleList,
} from './commands.ts';
import { matchesShortcut, SHORTCUTS, type ShortcutName } from './shortcuts.ts';

const ACTIONS: Partial<Record<ShortcutName, (editor: LexicalEditor) => void>> = {
  strikethrough: (editor) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'strikethrough'),
  code: (editor) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'code'),
  link: (editor) => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined),
  paragraph: (editor) => setBlockType(editor, 'paragraph'),
  h3: (editor) => setBlockType(editor, 'h3'),
  h4: (editor) => setBlockType(editor, 'h4'),
  quote: (editor) => setBlockType(editor, 'quote'),
  bullet: (editor) => toggleList(editor, 'bullet'),
  number: (editor) => toggleList(editor, 'number'),
  toolbar: (editor) => editor.dispatchCommand(FOCUS_TOOLBAR_COMMAND, undefined),
};

/**
 * The editor's own shortcuts (see SHORTCUTS), and Tab / Shift+Tab to nest list items.
 * Tab anywhere else is left to the browser, so keyboard users can leave the editor: a
 * Tab that always indents or inserts a tab character traps them (WCAG 2.1.2).
 */
export function KeyboardPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            for (const [name, action] of Object.entries(ACTIONS) as Array<
              [ShortcutName, (editor: LexicalEditor) => void]
            >) {
              if (matchesShortcut(event, SHORTCUTS[name])) {
                event.preventDefault();
                action(editor);
                return true;
              }
            }
            return false;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          KEY_TAB_COMMAND,
          (event) => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return false;
            const inList = selection
              .getNodes()
              .concat(selection.anchor.getNode())
              .every((node) => $findMatchingParent(node, $isListItemNode) !== null);
            if (!inList) return false;
            event.preventDefault();
            return editor.dispatchCommand(
              event.shiftKey ? OUTDENT_CONTENT_COMMAND : INDENT_CONTENT_COMMAND,
              undefined,
            );
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor],
  );
  return null;
}
