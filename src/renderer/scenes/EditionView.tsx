import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { $getRoot, type LexicalEditor } from 'lexical';
import {
  addSection,
  moveSection,
  removeSection,
  sectionRoom,
  editionRoom,
  type EditionSummary,
  type Section,
  type SectionKind,
  type ShellCommand,
} from '../../core/index.ts';
import type { ApiClient } from '../api/client.ts';
import { EditionHeader } from '../components/EditionHeader.tsx';
import { Outline } from '../components/Outline.tsx';
import { SectionCard } from '../components/SectionCard.tsx';
import { SponsorLibrary } from '../components/SponsorLibrary.tsx';
import { AddSection } from '../components/AddSection.tsx';
import { useToasts } from '../components/Toasts.tsx';
import { focusNodePath } from '../editor/SectionEditor.tsx';
import { SidePanel } from '../panels/SidePanel.tsx';
import { ChangesBanner } from '../components/ChangesBanner.tsx';
import { useChangedSections, useChangesSince } from '../review/useChangesSince.ts';
import { useEditionDoc, useEditionPresence } from '../state/useEditionDoc.ts';
import { RevisionCounter, useRevision } from '../state/revisionCounter.ts';
import type { EditorIdentity, SyncManager } from '../sync/SyncManager.ts';
import { CommentsContext } from '../comments/CommentsContext.ts';
import { CommentsPanel } from '../comments/CommentsPanel.tsx';
import { startFieldComment } from '../comments/fieldComments.ts';
import { useEditionComments } from '../comments/useEditionComments.ts';

interface EditionViewProps {
  api: ApiClient;
  sync: SyncManager;
  me: EditorIdentity;
  editionId: string;
  summary: EditionSummary | null;
  panelOpen: boolean;
  command: { n: number; command: ShellCommand } | null;
  onLibraryChanged: () => void;
  /** Brings the side panel up (a new comment, a clicked highlight). */
  onShowPanel?: () => void;
  /** Told the open comment count (null when this edition closes), for the top bar. */
  onOpenComments?: (count: number | null) => void;
  /** Bumped by the top bar's comment count: show the Comments tab. */
  commentsRequest?: number;
}

type PanelTab = 'preview' | 'checks' | 'comments' | 'export' | 'versions';

/** One edition: header fields, the outline, the section editors in reading order, the side panel. */
export function EditionView(props: EditionViewProps) {
  const { api, sync, me, editionId } = props;
  const toasts = useToasts();
  const { doc, provider, edition, missing } = useEditionDoc(sync, editionId);
  const presence = useEditionPresence(provider);
  const changes = useChangesSince(
    sync,
    doc,
    editionId,
    me,
    edition?.sections.map((s) => s.id) ?? null,
  );
  const changed = useChangedSections(changes);
  const editors = useRef(new Map<string, LexicalEditor>());
  const [revisions] = useState(() => new RevisionCounter());
  const [editorsSeen, setEditorsSeen] = useState(0);
  const [panelReady, setPanelReady] = useState(false);
  const [wanted, setWanted] = useState<ReadonlySet<string>>(() => new Set());
  const [tab, setTab] = useState<PanelTab>('preview');
  const [versionFocus, setVersionFocus] = useState(0);
  const [focusAfterAdd, setFocusAfterAdd] = useState<string | null>(null);
  const [activeSection, setActiveSection] = useState<string | null>(null);
  // The sent edition the editor chose to change anyway (per edition: a new one opens locked).
  const [editAnyway, setEditAnyway] = useState<string | null>(null);
  const [sponsorsOpen, setSponsorsOpen] = useState(false);
  const here = useSyncExternalStore(sync.subscribe, sync.getSnapshot).others;

  // Any change to this edition's docs, local or remote, is a new revision for the previews.
  const sectionIds = edition?.sections.map((s) => s.id).join(',') ?? '';
  useEffect(() => {
    const rooms = new Set([
      editionRoom(editionId),
      ...sectionIds.split(',').filter(Boolean).map(sectionRoom),
    ]);
    return sync.onUpdate((room) => {
      if (rooms.has(room)) revisions.bumpSoon();
    });
  }, [sync, editionId, sectionIds, revisions]);

  useEffect(() => {
    const cmd = props.command?.command;
    if (cmd?.type === 'export') setTab('export');
    if (cmd?.type === 'create-version') {
      setTab('versions');
      setVersionFocus((n) => n + 1);
    }
  }, [props.command]);

  const setFocusedSection = useCallback(
    (sectionId: string | null) => {
      setActiveSection(sectionId);
      provider.awareness.setLocalStateField('section', sectionId);
    },
    [provider],
  );

  // The previews and checks start once the text is up, so they never delay opening.
  useEffect(() => {
    if (!edition || panelReady) return;
    const idle = window.requestIdleCallback(() => setPanelReady(true), { timeout: 1500 });
    return () => window.cancelIdleCallback(idle);
  }, [edition, panelReady]);

  // A jump to a section whose editor is not mounted yet: done when the editor arrives.
  const pendingJump = useRef<{ sectionId: string; path?: number[] } | null>(null);
  const scrollToSection = useCallback((sectionId: string, path?: number[]) => {
    // A section off screen may not have its editor yet: ask for it, then scroll.
    setWanted((current) => (current.has(sectionId) ? current : new Set([...current, sectionId])));
    document.getElementById(`section-${sectionId}`)?.scrollIntoView({ block: 'start' });
    const editor = editors.current.get(sectionId);
    pendingJump.current = editor ? null : { sectionId, path };
    if (editor) focusEditorAt(editor, path);
  }, []);

  const comments = useEditionComments(doc, me, {
    showPanel: () => {
      setTab('comments');
      setPanelReady(true);
      props.onShowPanel?.();
    },
    onOpenCount: props.onOpenComments,
    scrollToSection,
  });
  useEffect(() => {
    if (props.commentsRequest) setTab('comments');
  }, [props.commentsRequest]);

  useEffect(() => {
    if (
      focusAfterAdd &&
      edition?.sections.some((s) => s.id === focusAfterAdd) &&
      editors.current.has(focusAfterAdd)
    ) {
      scrollToSection(focusAfterAdd);
      setFocusAfterAdd(null);
    }
  }, [edition, focusAfterAdd, editorsSeen, scrollToSection]);

  const add = async (kind: SectionKind, index?: number) => {
    try {
      const { sectionId } = await api.call('sections.add', {
        editionId,
        kind,
        ...(index === undefined ? {} : { index }),
      });
      setFocusAfterAdd(sectionId);
    } catch (error) {
      toasts.error('Could not add the section', error);
    }
  };

  const remove = (section: Section, index: number) => {
    const { id: sectionId, body: _body, ...fields } = section;
    removeSection(doc, sectionId);
    toasts.show({
      level: 'info',
      text: `Removed “${section.title || 'Untitled'}”.`,
      // The body doc is kept, so putting the id back restores the text as it was.
      action: { label: 'Undo', run: () => addSection(doc, sectionId, fields, index) },
    });
  };

  if (missing)
    return (
      <div className="empty-state">
        <h2>This edition is not here</h2>
        <p className="muted">
          It may have been deleted on another machine. Pick another in the library.
        </p>
      </div>
    );
  if (!edition) return <div className="edition-loading" aria-busy="true" />;

  // A sent edition is the record of what went out: it opens read-only.
  const locked = edition.status === 'sent' && editAnyway !== editionId;

  const view = (
    <div className={`edition-view${props.panelOpen ? ' with-panel' : ''}`}>
      <div
        className="edition-scroll"
        onKeyDown={(event) => startFieldComment(event, (draft) => comments.store.startDraft(draft))}
      >
        {edition.status === 'sent' && (
          <p className="banner banner-sent" role="status">
            {edition.sentAt ? `Sent ${sentDate(edition.sentAt)}. ` : 'Marked as sent. '}
            {locked
              ? 'It opens read-only, so the record of what went out stays as it was.'
              : 'You are editing a sent edition: readers who have it keep what they got.'}
            {locked && (
              <button type="button" className="btn small" onClick={() => setEditAnyway(editionId)}>
                Edit anyway
              </button>
            )}
          </p>
        )}
        <ChangesBanner changes={changes} />
        {props.summary?.deletedAt && (
          <p className="banner" role="status">
            This edition is in the trash. Restore it from the library’s undo, or keep reading.
          </p>
        )}
        <div className="edition-body">
          <Outline
            sections={edition.sections}
            presence={presence}
            activeSection={activeSection}
            onMove={(sectionId, index) => !locked && moveSection(doc, sectionId, index)}
            onSelect={(sectionId) => scrollToSection(sectionId)}
            onAdd={(kind) => !locked && void add(kind)}
            readOnly={locked}
            changed={changed}
            commentCounts={comments.counts}
          />
          {/* A disabled fieldset disables every field, button and select of the edition. */}
          <fieldset className="sections" disabled={locked} aria-label="Edition content">
            <EditionHeader doc={doc} edition={edition} />
            {edition.sections.length === 0 && (
              <div className="empty-state small">
                <p>
                  This edition has no sections yet. Add the first one below: an intro, a story, a
                  sponsor…
                </p>
              </div>
            )}
            {edition.sections.map((section, index) => (
              <SectionCard
                key={section.id}
                api={api}
                sync={sync}
                me={me}
                doc={doc}
                section={section}
                others={presence.get(section.id) ?? []}
                mountEditor={wanted.has(section.id) || focusAfterAdd === section.id}
                onFocusChange={(focused) => {
                  if (focused) setFocusedSection(section.id);
                  else setActiveSection((current) => (current === section.id ? null : current));
                }}
                onEditor={(editor) => {
                  if (editor) editors.current.set(section.id, editor);
                  else editors.current.delete(section.id);
                  if (editor) setEditorsSeen((n) => n + 1);
                  const jump = pendingJump.current;
                  if (editor && jump?.sectionId === section.id) {
                    pendingJump.current = null;
                    focusWhenLoaded(editor, jump.path);
                  }
                }}
                onDelete={() => remove(section, index)}
                changes={changes}
                readOnly={locked}
              />
            ))}
            {!locked && (
              <AddSection
                onAdd={(kind) => void add(kind)}
                onFromLibrary={() => setSponsorsOpen(true)}
              />
            )}
            {sponsorsOpen && (
              <SponsorLibrary
                api={api}
                editionId={editionId}
                onInserted={(sectionId) => setFocusAfterAdd(sectionId)}
                onClose={() => setSponsorsOpen(false)}
              />
            )}
          </fieldset>
        </div>
      </div>
      {props.panelOpen && panelReady && (
        <LiveSidePanel
          revisions={revisions}
          api={api}
          editionId={editionId}
          title={edition.title}
          authorName={me.name}
          tab={tab}
          onTabChange={setTab}
          versionFocusRequest={versionFocus}
          onJump={(target) =>
            target.sectionId && scrollToSection(target.sectionId, target.nodePath)
          }
          openComments={comments.openCount}
          comments={
            <CommentsPanel
              store={comments.store}
              me={me}
              sections={edition.sections}
              present={here}
              onJump={comments.jump}
            />
          }
        />
      )}
    </div>
  );
  // The section editors inside paint and start comments through this context.
  return <CommentsContext.Provider value={comments.context}>{view}</CommentsContext.Provider>;
}

/** Focuses a section editor, at a node path when given (a finding's place). */
function focusEditorAt(editor: LexicalEditor, path?: number[]): boolean {
  if (path && path.length > 0) return focusNodePath(editor, path);
  if (editor.getEditorState().read(() => $getRoot().isEmpty())) return false;
  editor.focus();
  return true;
}

/**
 * A just-mounted editor is empty until its section doc has synced: focus it (at `path`)
 * once its text is there, or give up after a few seconds.
 */
function focusWhenLoaded(editor: LexicalEditor, path?: number[]): void {
  if (focusEditorAt(editor, path)) return;
  let done = false;
  const stop = editor.registerUpdateListener(() => {
    queueMicrotask(() => {
      if (done || !focusEditorAt(editor, path)) return;
      done = true;
      stop();
    });
  });
  window.setTimeout(stop, 5000);
}

function sentDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The side panel, re-rendered on each revision of the edition without re-rendering it. */
function LiveSidePanel({
  revisions,
  ...props
}: Omit<Parameters<typeof SidePanel>[0], 'revision'> & { revisions: RevisionCounter }) {
  const revision = useRevision(revisions);
  return <SidePanel {...props} revision={revision} />;
}
