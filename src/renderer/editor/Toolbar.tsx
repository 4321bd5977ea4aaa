import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getSelection,
  COMMAND_PRIORITY_EDITOR,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  type BaseSelection,
} from 'lexical';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  $restoreSelection,
  focusEditor,
  FOCUS_TOOLBAR_COMMAND,
  INSERT_DIVIDER_COMMAND,
  OPEN_LINK_EDITOR_COMMAND,
  setBlockType,
  toggleList,
  type OtherHeading,
  type TextBlockType,
} from './commands.ts';
import {
  BulletListIcon,
  ButtonIcon,
  CodeIcon,
  DividerIcon,
  ImageIcon,
  IndentIcon,
  LinkIcon,
  NumberListIcon,
  OutdentIcon,
} from './icons.tsx';
import { EditorNotice, type Notice } from './EditorNotice.tsx';
import { InsertButtonPanel, InsertImagePanel } from './InsertPanels.tsx';
import { CodeBlockIcon, INSERT_CODE_BLOCK_COMMAND } from './CodeBlockPlugin.tsx';
import { InsertTablePanel, TableIcon, TableToolbar } from './TableToolbar.tsx';
import { CARD_PANELS, cardPanel, type CardPanelKind } from './cardToolbar.tsx';
import { ariaShortcut, SHORTCUTS, shortcutLabel, type Shortcut } from './shortcuts.ts';
import { useToolbarState } from './useToolbarState.ts';
import { ADD_COMMENT_COMMAND } from '../comments/CommentsPlugin.tsx';
import { CommentIcon } from '../comments/CommentIcon.tsx';

interface ToolButton {
  name: string;
  label: string;
  face: ReactNode;
  onPress: () => void;
  shortcut?: Shortcut;
  /** Extra words for the tooltip, e.g. "Tab in a list". */
  hint?: string;
  /** Set for toggles: the button reports aria-pressed. */
  pressed?: boolean;
  disabled?: boolean;
}

const BLOCK_LABELS: Record<TextBlockType, string> = {
  paragraph: 'Paragraph',
  h3: 'Heading 3',
  h4: 'Heading 4',
  quote: 'Quote',
};

// Shown (not offered) when the caret is in a heading the menu does not make.
const OTHER_HEADING_LABELS: Record<OtherHeading, string> = {
  h1: 'Heading 1',
  h2: 'Heading 2',
  h5: 'Heading 5',
  h6: 'Heading 6',
};

interface ToolbarProps {
  /** The id of the editable area the toolbar formats. */
  controls: string;
  notice: Notice | null;
  onDismissNotice: () => void;
}

/**
 * The formatting bar over a section's text: one tab stop for the block type and one for
 * the buttons (arrow keys move between them, Escape returns to the text, Alt+F10 comes
 * back), every button labelled with its shortcut, toggles with aria-pressed. Below it, the
 * insert panels and the editor's notices (upload errors and the like).
 */
export function Toolbar({ controls, notice, onDismissNotice }: ToolbarProps) {
  const [editor] = useLexicalComposerContext();
  const state = useToolbarState(editor);
  const [panel, setPanel] = useState<{
    kind: 'image' | 'button' | 'table' | CardPanelKind;
    saved: BaseSelection | null;
  }>();
  const [active, setActive] = useState('bold');
  const selectRef = useRef<HTMLSelectElement>(null);
  const groupRef = useRef<HTMLDivElement>(null);

  useEffect(
    () =>
      editor.registerCommand(
        FOCUS_TOOLBAR_COMMAND,
        () => {
          selectRef.current?.focus();
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  );

  const openPanel = (kind: 'image' | 'button' | 'table' | CardPanelKind) => {
    const saved = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
    setPanel((prev) => (prev?.kind === kind ? undefined : { kind, saved }));
  };
  const closePanel = (inserted: boolean) => {
    const saved = panel?.saved ?? null;
    setPanel(undefined);
    if (!inserted) {
      editor.update(() => {
        $restoreSelection(saved);
      });
      focusEditor(editor);
    }
  };

  const format = (
    name: 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code',
  ): ToolButton => ({
    name,
    label: {
      bold: 'Bold',
      italic: 'Italic',
      underline: 'Underline',
      strikethrough: 'Strikethrough',
      code: 'Inline code',
    }[name],
    face:
      name === 'code' ? (
        <CodeIcon />
      ) : (
        <span className={`ge-toolbar__glyph ge-toolbar__glyph--${name}`}>
          {{ bold: 'B', italic: 'I', underline: 'U', strikethrough: 'S' }[name]}
        </span>
      ),
    onPress: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, name),
    shortcut: SHORTCUTS[name],
    pressed: state.formats[name],
  });

  const groups: ToolButton[][] = [
    [
      format('bold'),
      format('italic'),
      format('underline'),
      format('strikethrough'),
      format('code'),
    ],
    [
      {
        name: 'link',
        label: state.inLink ? 'Edit link' : 'Link',
        face: <LinkIcon />,
        onPress: () => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined),
        shortcut: SHORTCUTS.link,
        pressed: state.inLink,
      },
    ],
    [
      {
        name: 'bullet',
        label: 'Bulleted list',
        face: <BulletListIcon />,
        onPress: () => toggleList(editor, 'bullet'),
        shortcut: SHORTCUTS.bullet,
        pressed: state.blockType === 'bullet',
      },
      {
        name: 'number',
        label: 'Numbered list',
        face: <NumberListIcon />,
        onPress: () => toggleList(editor, 'number'),
        shortcut: SHORTCUTS.number,
        pressed: state.blockType === 'number',
      },
      {
        name: 'outdent',
        label: 'Outdent',
        face: <OutdentIcon />,
        onPress: () => editor.dispatchCommand(OUTDENT_CONTENT_COMMAND, undefined),
        hint: 'Shift+Tab in a list',
      },
      {
        name: 'indent',
        label: 'Indent',
        face: <IndentIcon />,
        onPress: () => editor.dispatchCommand(INDENT_CONTENT_COMMAND, undefined),
        hint: 'Tab in a list',
      },
    ],
    [
      {
        name: 'image',
        label: 'Image',
        face: <ImageIcon />,
        onPress: () => openPanel('image'),
        pressed: panel?.kind === 'image',
      },
      {
        name: 'divider',
        label: 'Divider',
        face: <DividerIcon />,
        onPress: () => editor.dispatchCommand(INSERT_DIVIDER_COMMAND, undefined),
        hint: 'type --- and a space',
      },
      {
        name: 'button',
        label: 'Button',
        face: <ButtonIcon />,
        onPress: () => openPanel('button'),
        pressed: panel?.kind === 'button',
      },
      {
        name: 'code-block',
        label: 'Code block',
        face: <CodeBlockIcon />,
        onPress: () => editor.dispatchCommand(INSERT_CODE_BLOCK_COMMAND, undefined),
        hint: 'type ``` and a space',
      },
      {
        name: 'table',
        label: 'Table',
        face: <TableIcon />,
        onPress: () => openPanel('table'),
        pressed: panel?.kind === 'table',
      },
      ...CARD_PANELS.map((card) => ({
        ...card,
        onPress: () => openPanel(card.name),
        pressed: panel?.kind === card.name,
      })),
    ],
    [
      {
        name: 'comment',
        label: 'Comment',
        face: <CommentIcon />,
        onPress: () => editor.dispatchCommand(ADD_COMMENT_COMMAND, undefined),
        shortcut: SHORTCUTS.comment,
      },
    ],
  ];
  const order = groups.flat().map((b) => b.name);

  const onGroupKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = order.indexOf(active);
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
        next = (index + 1) % order.length;
        break;
      case 'ArrowLeft':
        next = (index - 1 + order.length) % order.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = order.length - 1;
        break;
      case 'Escape':
        event.preventDefault();
        focusEditor(editor);
        return;
      default:
        return;
    }
    event.preventDefault();
    const name = order[next]!;
    setActive(name);
    groupRef.current?.querySelector<HTMLButtonElement>(`[data-tool="${name}"]`)?.focus();
  };

  const blockValue =
    state.blockType === 'bullet' || state.blockType === 'number' ? 'list' : state.blockType;
  const otherHeading =
    blockValue === 'h1' || blockValue === 'h2' || blockValue === 'h5' || blockValue === 'h6'
      ? OTHER_HEADING_LABELS[blockValue]
      : null;

  return (
    <div className="ge-toolbar-area">
      <div className="ge-toolbar" role="toolbar" aria-label="Formatting" aria-controls={controls}>
        <select
          ref={selectRef}
          className="ge-toolbar__block"
          aria-label="Block type"
          title={`Block type (${shortcutLabel(SHORTCUTS.paragraph)}, ${shortcutLabel(SHORTCUTS.h3)}, ${shortcutLabel(SHORTCUTS.h4)}, ${shortcutLabel(SHORTCUTS.quote)})`}
          value={blockValue}
          onChange={(event) => {
            const value = event.target.value;
            if (value in BLOCK_LABELS) setBlockType(editor, value as TextBlockType);
            focusEditor(editor);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              focusEditor(editor);
            }
          }}
        >
          {(Object.keys(BLOCK_LABELS) as TextBlockType[]).map((type) => (
            <option key={type} value={type}>
              {BLOCK_LABELS[type]}
            </option>
          ))}
          {blockValue === 'list' ? (
            <option value="list" disabled>
              List
            </option>
          ) : null}
          {otherHeading !== null ? (
            <option value={blockValue} disabled>
              {otherHeading}
            </option>
          ) : null}
        </select>
        <div className="ge-toolbar__buttons" ref={groupRef} onKeyDown={onGroupKeyDown}>
          {groups.map((group, i) => (
            <div className="ge-toolbar__group" key={i}>
              {group.map((button) => (
                <button
                  key={button.name}
                  type="button"
                  className="icon-btn ge-toolbar__button"
                  data-tool={button.name}
                  tabIndex={button.name === active ? 0 : -1}
                  aria-label={button.label}
                  aria-pressed={button.pressed}
                  aria-keyshortcuts={button.shortcut ? ariaShortcut(button.shortcut) : undefined}
                  title={
                    button.shortcut
                      ? `${button.label} (${shortcutLabel(button.shortcut)})`
                      : button.hint
                        ? `${button.label} (${button.hint})`
                        : button.label
                  }
                  disabled={button.disabled}
                  // Keep the caret in the text while the mouse presses a button.
                  onMouseDown={(event) => event.preventDefault()}
                  onFocus={() => setActive(button.name)}
                  onClick={button.onPress}
                >
                  {button.face}
                </button>
              ))}
            </div>
          ))}
        </div>
      </div>
      {panel?.kind === 'image' ? (
        <InsertImagePanel saved={panel.saved} onClose={closePanel} />
      ) : panel?.kind === 'button' ? (
        <InsertButtonPanel saved={panel.saved} onClose={closePanel} />
      ) : panel?.kind === 'table' ? (
        <InsertTablePanel saved={panel.saved} onClose={closePanel} />
      ) : panel ? (
        cardPanel(panel.kind, panel.saved, closePanel)
      ) : null}
      <TableToolbar />
      {notice ? <EditorNotice notice={notice} onDismiss={onDismissNotice} /> : null}
    </div>
  );
}
