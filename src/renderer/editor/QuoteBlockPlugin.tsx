import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $setSelection,
  COMMAND_PRIORITY_LOW,
  INSERT_PARAGRAPH_COMMAND,
  KEY_BACKSPACE_COMMAND,
} from 'lexical';
import { useEffect } from 'react';
import { $pendingDomSelection } from './domSelection.ts';
import { $leaveQuoteOnBackspace, $leaveQuoteOnEnter } from './quoteBlockCommands.ts';
import { registerQuoteBlockGuards } from './quoteBlockGuards.ts';

/**
 * The container's guards (see quoteBlockGuards), and the keys that leave a quote container: Enter on an empty last paragraph, Backspace at
 * the start of its first block. They run before rich text's own handling (LOW priority
 * beats EDITOR) and only take the key when they moved something.
 */
export function QuoteBlockPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        registerQuoteBlockGuards(editor),
        editor.registerCommand(
          INSERT_PARAGRAPH_COMMAND,
          () => $leaveQuoteOnEnter($getSelection()),
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_BACKSPACE_COMMAND,
          (event) => {
            // Backspace right after Ctrl+Home can come before the editor has the new caret.
            const pending = $pendingDomSelection(editor);
            if (pending !== null) $setSelection(pending);
            if (!$leaveQuoteOnBackspace($getSelection())) return false;
            event.preventDefault();
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );
  return null;
}
