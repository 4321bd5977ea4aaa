import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  DROP_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  PASTE_COMMAND,
  REMOVE_TEXT_COMMAND,
  mergeRegister,
  type LexicalEditor,
} from 'lexical';
import {
  $getSuggestion,
  $insertPlainText,
  $suggestDeleteCharacter,
  $suggestDeleteSelection,
  $suggestInsertText,
  type ReviewPerson,
} from '../../core/index.ts';

/**
 * Suggesting mode's input: every way text enters or leaves the editor becomes a
 * suggestion by `me`. Lexical routes deletions, Enter, paste, cut and drop through
 * commands, taken here at high priority; but it lets the browser insert simple typed text
 * itself and reads it back from the DOM, so `beforeinput` is also taken in the capture
 * phase on the root element. Enter, joining blocks and formatting apply directly.
 * Returns the unregister function.
 */
export function registerSuggestingInput(editor: LexicalEditor, me: ReviewPerson): () => void {
  const ctx = { author: me };
  const deleteRange = (collapse: 'start' | 'end') => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection) || selection.isCollapsed()) return false;
    $suggestDeleteSelection(ctx, collapse);
    return true;
  };
  const extendAndDelete = (backward: boolean, unit: 'word' | 'lineboundary') => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return false;
    if (selection.isCollapsed()) selection.modify('extend', backward, unit);
    deleteRange(backward ? 'start' : 'end');
    return true;
  };
  const insert = (text: string) => {
    $suggestInsertText(text.replace(/\r?\n/g, ' '), ctx);
    return true;
  };
  return mergeRegister(
    editor.registerCommand(
      DELETE_CHARACTER_COMMAND,
      (backward) =>
        deleteRange(backward ? 'start' : 'end') || $suggestDeleteCharacter(backward, ctx),
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      DELETE_WORD_COMMAND,
      (backward) => extendAndDelete(backward, 'word'),
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      DELETE_LINE_COMMAND,
      (backward) => extendAndDelete(backward, 'lineboundary'),
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(REMOVE_TEXT_COMMAND, () => deleteRange('start'), COMMAND_PRIORITY_HIGH),
    editor.registerCommand(
      CONTROLLED_TEXT_INSERTION_COMMAND,
      (input) => {
        if (typeof input === 'string') return insert(input);
        input.preventDefault();
        return insert(input.data ?? input.dataTransfer?.getData('text/plain') ?? '');
      },
      COMMAND_PRIORITY_HIGH,
    ),
    // A selection replaced by Enter is suggested away; the new block itself is direct.
    editor.registerCommand(
      INSERT_PARAGRAPH_COMMAND,
      () => {
        deleteRange('end');
        return false;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      INSERT_LINE_BREAK_COMMAND,
      () => {
        deleteRange('end');
        return false;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      PASTE_COMMAND,
      (event) => {
        const data = 'clipboardData' in event ? event.clipboardData : null;
        const text = data?.getData('text/plain') ?? '';
        event.preventDefault();
        editor.update(() => insert(text));
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      CUT_COMMAND,
      (event) => {
        const selection = $getSelection();
        if (
          event instanceof ClipboardEvent &&
          event.clipboardData &&
          $isRangeSelection(selection)
        ) {
          event.clipboardData.setData('text/plain', selection.getTextContent());
          event.preventDefault();
        }
        editor.update(() => deleteRange('start'));
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    // Moving text by drag and drop would delete it directly: not while suggesting.
    editor.registerCommand(
      DROP_COMMAND,
      (event) => {
        event.preventDefault();
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('beforeinput', onBeforeInput, true);
      root?.addEventListener('beforeinput', onBeforeInput, true);
    }),
    () => editor.getRootElement()?.removeEventListener('beforeinput', onBeforeInput, true),
  );

  function onBeforeInput(event: InputEvent) {
    if (event.inputType !== 'insertText' && event.inputType !== 'insertReplacementText') return;
    const text = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
    event.preventDefault();
    // Lexical's own handler on the same element would otherwise let the browser type.
    event.stopImmediatePropagation();
    editor.update(() => insert(text));
  }
}

/**
 * Editing mode's one guard: text typed with the caret in (or at the edge of) a suggestion
 * goes in beside it as plain text, so a direct edit never joins somebody's suggestion.
 * Returns the unregister function.
 */
export function registerPlainTypingBesideSuggestions(editor: LexicalEditor): () => void {
  const onBeforeInput = (event: InputEvent) => {
    if (event.inputType !== 'insertText' || !event.data) return;
    // Only a caret in a suggestion needs help: everything else types as Lexical does.
    const inSuggestion = editor.getEditorState().read(() => {
      const selection = $getSelection();
      return $isRangeSelection(selection) && $getSuggestion(selection.anchor.getNode()) !== null;
    });
    if (!inSuggestion) return;
    const data = event.data;
    event.preventDefault();
    event.stopImmediatePropagation();
    editor.update(() => {
      $insertPlainText(data);
    });
  };
  return mergeRegister(
    editor.registerCommand(
      CONTROLLED_TEXT_INSERTION_COMMAND,
      (input) => {
        const text = typeof input === 'string' ? input : (input.data ?? '');
        const done = $insertPlainText(text);
        if (done && typeof input !== 'string') input.preventDefault();
        return done;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('beforeinput', onBeforeInput, true);
      root?.addEventListener('beforeinput', onBeforeInput, true);
    }),
    () => editor.getRootElement()?.removeEventListener('beforeinput', onBeforeInput, true),
  );
}
