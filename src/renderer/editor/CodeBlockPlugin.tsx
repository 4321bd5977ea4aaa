import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isDecoratorNode,
  $isElementNode,
  $isLineBreakNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  $isTabNode,
  $isTextNode,
  $splitNode,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  createCommand,
  KEY_DOWN_COMMAND,
  TextNode,
  type LexicalCommand,
  type LexicalEditor,
} from 'lexical';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  $createCodeBlockNode,
  $isCodeBlockNode,
  CODE_LANGUAGE_OPTIONS,
  CodeBlockNode,
  codeLanguageLabel,
} from '../../core/index.ts';
import { $insertBlock } from './BlocksPlugin.tsx';
import { focusEditor } from './commands.ts';
import { Icon } from './icons.tsx';
import { paintCodeBlock, unpaintCodeBlock } from './codeHighlighting.ts';
import { matchesShortcut, shortcutLabel, type Shortcut } from './shortcuts.ts';
import './codeBlock.css';

/** Inserts an empty code block at the selection (toolbar), with the caret in it. */
export const INSERT_CODE_BLOCK_COMMAND: LexicalCommand<{ language?: string } | undefined> =
  createCommand('INSERT_CODE_BLOCK_COMMAND');

/** Focuses the language picker of the code block the caret is in. */
export const CODE_LANGUAGE_SHORTCUT: Shortcut = { mod: true, alt: true, key: 'l' };

/** The toolbar face of "Code block": a framed pair of angle brackets. */
export const CodeBlockIcon = () => (
  <Icon>
    <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
    <path d="m6 6-2 2 2 2M10 6l2 2-2 2" />
  </Icon>
);

interface BlockPicker {
  key: string;
  language: string;
  top: number;
}

/**
 * Code blocks in the editor: the insert command, a language picker on each block (a
 * `<select>` at the block's top right; Tab from the text reaches it, or
 * Ctrl/Cmd+Alt+L from inside the block), syntax colours painted without touching the
 * document (codeHighlighting.ts), and guards that keep a block's children plain text.
 */
export function CodeBlockPlugin() {
  const [editor] = useLexicalComposerContext();
  const [pickers, setPickers] = useState<BlockPicker[]>([]);
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => registerCodeBlocks(editor, setPickers, setHost), [editor]);
  if (host === null || pickers.length === 0) return null;
  return createPortal(
    pickers.map((picker) => <LanguagePicker key={picker.key} editor={editor} picker={picker} />),
    host,
  );
}

function LanguagePicker({ editor, picker }: { editor: LexicalEditor; picker: BlockPicker }) {
  const known = CODE_LANGUAGE_OPTIONS.some((o) => o.id === picker.language);
  return (
    <select
      className="ge-code-lang"
      style={{ top: picker.top }}
      data-code-block={picker.key}
      aria-label="Code language"
      title={`Code language (${shortcutLabel(CODE_LANGUAGE_SHORTCUT)} in the block)`}
      value={picker.language}
      disabled={!editor.isEditable()}
      onChange={(event) => {
        const language = event.target.value;
        editor.update(() => {
          const node = $getNodeByKey(picker.key);
          if ($isCodeBlockNode(node)) node.setLanguage(language);
        });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' || event.key === 'Enter') {
          event.preventDefault();
          editor.update(() => {
            const node = $getNodeByKey(picker.key);
            if ($isCodeBlockNode(node)) node.selectEnd();
          });
          focusEditor(editor);
        }
      }}
    >
      {known ? null : <option value={picker.language}>{codeLanguageLabel(picker.language)}</option>}
      {CODE_LANGUAGE_OPTIONS.map((option) => (
        <option key={option.id} value={option.id}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

function registerCodeBlocks(
  editor: LexicalEditor,
  setPickers: (pickers: BlockPicker[]) => void,
  setHost: (host: HTMLElement | null) => void,
): () => void {
  const elements = new Map<string, HTMLElement>();

  // After every update: repaint the blocks whose text or language changed, and place the
  // pickers (a co-author's edit above a block moves it too).
  const refresh = () => {
    const root = editor.getRootElement();
    const host = root?.parentElement ?? null;
    setHost(host);
    const blocks = editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .filter($isCodeBlockNode)
        .map((node) => ({
          key: node.getKey(),
          code: node.getTextContent(),
          language: node.getLanguage(),
        })),
    );
    const hostTop = host?.getBoundingClientRect().top ?? 0;
    const pickers: BlockPicker[] = [];
    for (const block of blocks) {
      const element = editor.getElementByKey(block.key);
      if (element === null) continue;
      elements.set(block.key, element);
      paintCodeBlock(element, block.code, block.language);
      pickers.push({
        key: block.key,
        language: block.language,
        top: element.getBoundingClientRect().top - hostTop + 6,
      });
    }
    setPickers(pickers);
  };

  const observer =
    typeof ResizeObserver === 'function' ? new ResizeObserver(() => refresh()) : null;

  return mergeRegister(
    editor.registerRootListener((root) => {
      observer?.disconnect();
      if (root) observer?.observe(root);
      refresh();
    }),
    editor.registerUpdateListener(() => refresh()),
    editor.registerMutationListener(CodeBlockNode, (mutations) => {
      for (const [key, mutation] of mutations) {
        if (mutation !== 'destroyed') continue;
        const element = elements.get(key);
        if (element) unpaintCodeBlock(element);
        elements.delete(key);
      }
    }),
    editor.registerCommand(
      INSERT_CODE_BLOCK_COMMAND,
      (payload) => {
        const code = $createCodeBlockNode(payload?.language ?? '');
        $insertBlock(code);
        code.selectStart();
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        if (!matchesShortcut(event, CODE_LANGUAGE_SHORTCUT)) return false;
        const key = editor.getEditorState().read(() => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return null;
          const block = $findMatchingParent(selection.anchor.getNode(), $isCodeBlockNode);
          return block?.getKey() ?? null;
        });
        if (key === null) return false;
        event.preventDefault();
        editor
          .getRootElement()
          ?.parentElement?.querySelector<HTMLSelectElement>(`select[data-code-block="${key}"]`)
          ?.focus();
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    // Guards (local edits only: transforms do not run for remote Yjs changes, so two
    // co-editors never both repair the same node). Code is plain text: no formats or
    // styles, no links or other nodes inside, and a block only at the top level.
    editor.registerNodeTransform(TextNode, (text) => {
      if (!$isCodeBlockNode(text.getParent())) return;
      if (text.getFormat() !== 0) text.setFormat(0);
      if (text.getStyle() !== '') text.setStyle('');
    }),
    editor.registerNodeTransform(CodeBlockNode, (block) => {
      for (const child of block.getChildren()) {
        if ($isTextNode(child) || $isTabNode(child) || $isLineBreakNode(child)) continue;
        const words =
          $isElementNode(child) || $isDecoratorNode(child) ? child.getTextContent() : '';
        if (words === '') child.remove();
        else child.replace($createTextNode(words));
      }
      const parent = block.getParent();
      if (parent !== null && !$isRootOrShadowRoot(parent)) {
        const [, right] = $splitNode(parent, block.getIndexWithinParent());
        right.insertBefore(block);
        if (right.getTextContentSize() === 0 && right.getChildrenSize() === 0) right.remove();
      }
    }),
    () => {
      observer?.disconnect();
      for (const element of elements.values()) unpaintCodeBlock(element);
    },
  );
}
