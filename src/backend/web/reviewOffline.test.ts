import { join } from 'node:path';
import { $getRoot, $isElementNode, $isTextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import {
  addReply,
  addThread,
  anchorForQuote,
  bodyPositions,
  bodyRoot,
  findMentions,
  readEditors,
  readThreads,
  recordEditor,
  resolveAnchor,
  type Result,
  $listSuggestions,
  $suggestInsertText,
} from '../../core/index.ts';
import { useReviewReplicas } from '../../../test/helpers/reviewReplicas.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { waitFor } from '../../../test/helpers/waitFor.ts';

const tempDir = useTempDir();
const replicas = useReviewReplicas();

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const ana = { id: 'ana-id', name: 'Ana', color: '#2563eb' };
const bo = { id: 'bo-id', name: 'Bo', color: '#16a34a' };

describe('review while the hub is down', () => {
  it('keeps a comment, a reply and a suggestion made offline and delivers them when the hub comes back', async () => {
    const hub = await replicas.startHub(join(tempDir(), 'galley.db'));
    const markdown =
      '# Weekly\n\n## Census\n\nThe quokka census grew by forty percent this year.\n';
    const { summary } = value(await hub.backend.invoke('editions.import', { markdown }));
    const { edition } = value(await hub.backend.invoke('editions.get', { id: summary.id }));
    const sectionId = edition.sections[0]!.id;

    const a = await replicas.replica('A', summary.id, [sectionId]);
    const b = await replicas.replica('B', summary.id, [sectionId]);
    recordEditor(a.edition, ana);
    await waitFor(() => readEditors(b.edition).length === 1, 'B knows Ana');

    await replicas.stopHub();
    await waitFor(() => !a.connected() && !b.connected(), 'both replicas offline');

    // B, offline: comments on a phrase and replies to itself, mentioning Ana.
    const bSection = b.sections.get(sectionId)!;
    const anchor = anchorForQuote(bSection, sectionId, 'forty percent')!;
    expect(anchor).not.toBeNull();
    recordEditor(b.edition, bo);
    const threadId = addThread(b.edition, {
      anchor,
      quote: 'forty percent',
      author: bo,
      text: 'Source for this?',
    });
    // B also suggests a word at the end of the paragraph, still offline.
    b.session(sectionId).update(() => {
      const paragraph = $getRoot().getFirstChild();
      const text = $isElementNode(paragraph) ? paragraph.getLastChild() : null;
      if (!$isTextNode(text)) throw new Error('no text node');
      text.select(text.getTextContentSize() - 1, text.getTextContentSize() - 1);
      $suggestInsertText(' (provisional)', { author: bo, id: 'offline-suggestion' });
    });
    const replyText = '@Ana can you check the census office?';
    addReply(b.edition, threadId, bo, replyText, findMentions(replyText, readEditors(b.edition)));
    // A, offline too, types at the start of the paragraph: before B's anchor.
    a.session(sectionId).update(() => {
      const paragraph = $getRoot().getFirstChild();
      const text = $isElementNode(paragraph) ? paragraph.getFirstChild() : null;
      if (!$isTextNode(text)) throw new Error('no text node');
      text.spliceText(0, 0, 'Good news: ');
    });
    expect(readThreads(a.edition)).toEqual([]);

    const back = await replicas.startHub();
    await waitFor(() => a.connected() && b.connected(), 'both replicas reconnected');
    await waitFor(
      () => readThreads(a.edition)[0]?.messages.length === 2,
      'A sees the thread and its reply',
    );
    const [thread] = readThreads(a.edition);
    expect(thread).toMatchObject({
      id: threadId,
      author: { name: 'Bo' },
      quote: 'forty percent',
      messages: [{ text: 'Source for this?' }, { text: replyText, mentions: ['ana-id'] }],
    });
    // The anchor still covers the phrase in A's body, after A's own offline typing.
    const aSection = a.sections.get(sectionId)!;
    await waitFor(
      () => resolveAnchor(aSection, thread!.anchor)?.text === 'forty percent',
      'the anchor on A’s body',
    );
    await waitFor(
      () => bodyPositions(bodyRoot(bSection)).text.startsWith('Good news: The quokka'),
      'A’s offline typing on B',
    );
    // B's suggestion reached A as a suggestion, by Bo, in place.
    await waitFor(
      () =>
        bodyPositions(bodyRoot(aSection)).text.endsWith('forty percent this year (provisional).'),
      'B’s suggested words on A',
    );
    let onA: ReturnType<typeof $listSuggestions> = [];
    a.session(sectionId)
      .editor.getEditorState()
      .read(() => {
        onA = $listSuggestions();
      });
    expect(onA).toMatchObject([
      { id: 'offline-suggestion', kind: 'insert', text: ' (provisional)', author: { name: 'Bo' } },
    ]);
    // And the hub kept it: the API reads it back from the store with its text.
    const listed = value(await back.backend.invoke('comments.list', { editionId: summary.id }));
    expect(listed.threads).toMatchObject([
      { id: threadId, anchorText: 'forty percent', onDeletedText: false },
    ]);
  });
});
