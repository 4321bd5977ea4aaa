import { $getSelection, $isRangeSelection, type LexicalEditor, type TextFormatType } from 'lexical';
import { useEffect, useState } from 'react';
import { $blockTypeOf, $selectedLink, type BlockType } from './commands.ts';

/** The text formats the toolbar toggles. */
export const TOOLBAR_FORMATS = ['bold', 'italic', 'underline', 'strikethrough', 'code'] as const;
export type ToolbarFormat = (typeof TOOLBAR_FORMATS)[number] & TextFormatType;

export interface ToolbarState {
  blockType: BlockType;
  formats: Record<ToolbarFormat, boolean>;
  inLink: boolean;
}

const NONE: ToolbarState = {
  blockType: 'paragraph',
  formats: { bold: false, italic: false, underline: false, strikethrough: false, code: false },
  inLink: false,
};

function same(a: ToolbarState, b: ToolbarState): boolean {
  return (
    a.blockType === b.blockType &&
    a.inLink === b.inLink &&
    TOOLBAR_FORMATS.every((f) => a.formats[f] === b.formats[f])
  );
}

/** What the toolbar shows as pressed, read from the selection after every update. */
export function useToolbarState(editor: LexicalEditor): ToolbarState {
  const [state, setState] = useState<ToolbarState>(NONE);
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const next = editorState.read((): ToolbarState => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return NONE;
          const formats = { ...NONE.formats };
          for (const format of TOOLBAR_FORMATS) formats[format] = selection.hasFormat(format);
          return {
            blockType: $blockTypeOf(selection),
            formats,
            inLink: $selectedLink(selection) !== null,
          };
        });
        setState((prev) => (same(prev, next) ? prev : next));
      }),
    [editor],
  );
  return state;
}
