import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import { useEffect, useId, useMemo, useRef, useState, type JSX } from 'react';
import { EDITOR_NODES, sanitizeLinkUrl } from '../../core/index.ts';
import type { ApiClient } from '../api/client.ts';
import type { EditorIdentity, SyncManager } from '../sync/SyncManager.ts';
import { BlocksPlugin } from './BlocksPlugin.tsx';
import { BlockListPlugin } from './BlockListPlugin.tsx';
import { CodeBlockPlugin } from './CodeBlockPlugin.tsx';
import { CardsPlugin } from './CardsPlugin.tsx';
import { EditorServicesContext, type EditorServices } from './EditorServices.ts';
import { KeyboardPlugin } from './KeyboardPlugin.tsx';
import { LinkPopover } from './LinkPopover.tsx';
import { MARKDOWN_SHORTCUTS } from './markdownShortcuts.ts';
import { EDITOR_HTML_CONFIG, registerModelGuards } from './modelGuards.ts';
import { EDITOR_THEME } from './theme.ts';
import type { Notice } from './EditorNotice.tsx';
import { TablePlugin } from './TablePlugin.tsx';
import { QuoteBlockPlugin } from './QuoteBlockPlugin.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useCollabProvider } from './useCollabProvider.ts';
import { registerEditorViews } from './views.tsx';
import { RoundupPlugin } from './RoundupPlugin.tsx';
import { SuggestingPlugin } from './SuggestingPlugin.tsx';
import { NewTextPlugin } from './NewTextPlugin.tsx';
import { useCollabBinding } from './useCollabBinding.ts';
import type { ChangesSince } from '../review/ChangesSince.ts';
import { CommentsPlugin } from '../comments/CommentsPlugin.tsx';
import './editor.css';

export { $getNodeAtPath, $selectNodeAtPath, focusNodePath } from './nodePath.ts';
export { registerModelGuards } from './modelGuards.ts';
export { registerEditorViews } from './views.tsx';

registerEditorViews();

export interface SectionEditorProps {
  sectionId: string;
  sync: SyncManager;
  me: EditorIdentity;
  api: ApiClient;
  /** Accessible name of the editable area, e.g. `Body of “Top stories”`. */
  label: string;
  readOnly?: boolean;
  /** A roundup section: its items' forms, reordering and the "Add item" bar. */
  roundup?: boolean;
  onFocusChange?: (focused: boolean) => void;
  /** Receives the LexicalEditor once created (null on unmount), for jump-to-finding and tests. */
  onEditor?: (editor: LexicalEditor | null) => void;
  /** The edition's "what changed since I last looked" tracker, to highlight new text. */
  changes?: ChangesSince | null;
}

const isValidLink = (url: string) => sanitizeLinkUrl(url) !== null;

/**
 * The rich-text editor of one section body, bound to the section's Yjs doc (room
 * `section:<id>`) through Lexical's CollaborationPlugin: toolbar, shortcuts, Markdown
 * shortcuts, link popover, images, dividers and buttons, with paste kept to the model.
 * Undo is Yjs's (local user only); the backend seeds every doc, so it never bootstraps.
 */
export function SectionEditor(props: SectionEditorProps): JSX.Element {
  // A collaboration binding cannot be pointed at another doc: another section remounts.
  return <SectionEditorBody key={props.sectionId} {...props} />;
}

function SectionEditorBody({
  sectionId,
  sync,
  me,
  api,
  label,
  readOnly = false,
  roundup = false,
  onFocusChange,
  onEditor,
  changes = null,
}: SectionEditorProps) {
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'galley-section',
    nodes: EDITOR_NODES,
    theme: EDITOR_THEME,
    html: EDITOR_HTML_CONFIG,
    // Required with collaboration: the Yjs doc, not Lexical, owns the initial content.
    editorState: null,
    editable: !readOnly,
    onError: (error) => {
      console.error(`galley: editor error in section ${sectionId}:`, error);
    },
  }));
  const [notice, setNotice] = useState<Notice | null>(null);
  const services = useMemo<EditorServices>(
    () => ({
      api,
      notify: (message, tone = 'error') => setNotice(message === null ? null : { message, tone }),
    }),
    [api],
  );
  const { providerFactory, awarenessData, synced } = useCollabProvider(sync, me);
  const { binding, syncCursorPositionsFn } = useCollabBinding();
  const [focused, setFocused] = useState(false);
  const shellRef = useRef<HTMLDivElement>(null);
  const surfaceRef = useRef<HTMLDivElement>(null);
  const contentId = useId();

  const focusChanged = (next: boolean) => {
    if (next === focused) return;
    setFocused(next);
    onFocusChange?.(next);
  };

  return (
    <LexicalCollaboration>
      <LexicalComposer initialConfig={initialConfig}>
        <EditorServicesContext.Provider value={services}>
          <div
            ref={shellRef}
            className={`ge-editor${focused ? ' ge-editor--focused' : ''}${readOnly ? ' ge-editor--readonly' : ''}`}
            onFocus={() => focusChanged(true)}
            onBlur={(event) => {
              if (!shellRef.current?.contains(event.relatedTarget as Node | null)) {
                focusChanged(false);
              }
            }}
          >
            {readOnly ? null : (
              <Toolbar
                controls={contentId}
                notice={notice}
                onDismissNotice={() => setNotice(null)}
              />
            )}
            <SuggestingPlugin me={me} readOnly={readOnly} />
            <div ref={surfaceRef} className="ge-surface">
              <RichTextPlugin
                contentEditable={
                  <ContentEditable
                    id={contentId}
                    className="ge-content"
                    aria-label={label}
                    aria-multiline
                    aria-readonly={readOnly || undefined}
                    aria-busy={!synced || undefined}
                    aria-placeholder="Write…"
                    // Until the doc has synced the editor is empty but not blank: no prompt.
                    placeholder={() =>
                      synced ? <div className="ge-placeholder">Write…</div> : null
                    }
                  />
                }
                ErrorBoundary={LexicalErrorBoundary}
              />
              <LinkPopover containerRef={surfaceRef} active={focused} />
            </div>
            {roundup ? <RoundupPlugin /> : null}
            <CollaborationPlugin
              id={`section:${sectionId}`}
              providerFactory={providerFactory}
              shouldBootstrap={false}
              username={me.name}
              cursorColor={me.color}
              awarenessData={awarenessData}
              cursorsContainerRef={surfaceRef}
              syncCursorPositionsFn={syncCursorPositionsFn}
            />
            <CommentsPlugin sectionId={sectionId} binding={binding} containerRef={surfaceRef} />
            <ListPlugin />
            <LinkPlugin validateUrl={isValidLink} />
            <MarkdownShortcutPlugin transformers={MARKDOWN_SHORTCUTS} />
            <KeyboardPlugin />
            <BlocksPlugin />
            <CodeBlockPlugin />
            <TablePlugin />
            <CardsPlugin />
            <QuoteBlockPlugin />
            <BlockListPlugin />
            <EditorBridge readOnly={readOnly} onEditor={onEditor} />
            <NewTextPlugin sectionId={sectionId} binding={binding} changes={changes} />
          </div>
        </EditorServicesContext.Provider>
      </LexicalComposer>
    </LexicalCollaboration>
  );
}

/** Model guards, the readOnly prop after mount, and handing the editor to the parent. */
function EditorBridge({
  readOnly,
  onEditor,
}: {
  readOnly: boolean;
  onEditor?: (editor: LexicalEditor | null) => void;
}) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerModelGuards(editor), [editor]);
  useEffect(() => editor.setEditable(!readOnly), [editor, readOnly]);
  const onEditorRef = useRef(onEditor);
  useEffect(() => {
    onEditorRef.current = onEditor;
  }, [onEditor]);
  useEffect(() => {
    onEditorRef.current?.(editor);
    return () => onEditorRef.current?.(null);
  }, [editor]);
  return null;
}
