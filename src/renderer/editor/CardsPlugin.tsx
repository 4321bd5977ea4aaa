import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $createParagraphNode, COMMAND_PRIORITY_EDITOR, type LexicalNode } from 'lexical';
import { useEffect } from 'react';
import { $createCalloutNode, $createEmbedNode, $createHtmlCardNode } from '../../core/index.ts';
import { $insertBlock } from './BlocksPlugin.tsx';
import {
  $selectedCallout,
  INSERT_CALLOUT_COMMAND,
  INSERT_EMBED_COMMAND,
  INSERT_HTML_CARD_COMMAND,
} from './cardCommands.ts';

/**
 * The card commands: insert a callout, an embed or an HTML card at the caret. A card is a
 * block of the section, never inside a callout (a callout holds text): inserted with the
 * caret in a callout, it goes right after the callout.
 */
export function CardsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          INSERT_CALLOUT_COMMAND,
          ({ emoji, title }) => {
            const callout = $createCalloutNode(emoji, title);
            const paragraph = $createParagraphNode();
            callout.append(paragraph);
            $insertCard(callout);
            paragraph.select();
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          INSERT_EMBED_COMMAND,
          (fields) => {
            $insertCard($createEmbedNode(fields));
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          INSERT_HTML_CARD_COMMAND,
          (html) => {
            $insertCard($createHtmlCardNode(html));
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
      ),
    [editor],
  );
  return null;
}

function $insertCard(node: LexicalNode): void {
  const callout = $selectedCallout();
  if (callout) {
    callout.insertAfter(node);
    if (node.getNextSibling() === null) node.insertAfter($createParagraphNode());
    return;
  }
  $insertBlock(node);
}
