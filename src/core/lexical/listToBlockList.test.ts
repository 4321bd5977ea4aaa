import { $getRoot, $isTextNode, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { markdownToBody } from '../import/markdownToBody.ts';
import { bodyToMarkdown } from '../export/markdown/renderMarkdown.ts';
import { restoreBody } from '../model/restoreBody.ts';
import type { SectionBody } from '../model/types.ts';
import { createBodyEditor } from './bodySession.ts';
import { $createCodeBlockNode } from './CodeBlockNode.ts';
import { $insertBlockInListItem } from './listToBlockList.ts';

function editorWith(markdown: string): LexicalEditor {
  const editor = createBodyEditor();
  editor.setEditorState(editor.parseEditorState(JSON.stringify(markdownToBody(markdown).body)));
  return editor;
}

// Puts the caret at the end of the text run `words` and inserts a code block there.
function insertCodeAfter(editor: LexicalEditor, words: string): boolean {
  let inserted = false;
  editor.update(
    () => {
      const run = $getRoot()
        .getAllTextNodes()
        .find((node) => $isTextNode(node) && node.getTextContent() === words);
      if (!run) throw new Error(`no “${words}”`);
      run.selectEnd();
      const code = $createCodeBlockNode('bash');
      inserted = $insertBlockInListItem(code);
    },
    { discrete: true },
  );
  return inserted;
}

const markdownOf = (editor: LexicalEditor) =>
  bodyToMarkdown(restoreBody(editor.getEditorState().toJSON()) as SectionBody);

describe('a block inserted in a list item', () => {
  it('goes inside the item: the list becomes a block list, numbering, tightness and the other items kept', () => {
    const editor = editorWith('3. Install the tool\n4. Run it\n');
    expect(insertCodeAfter(editor, 'Install the tool')).toBe(true);
    const [list] = editor.getEditorState().toJSON().root.children;
    expect(list).toMatchObject({ type: 'blocklist', listType: 'number', start: 3 });
    expect(markdownOf(editor)).toBe('3. Install the tool\n   ```bash\n   ```\n4. Run it\n');
  });

  it('from a nested item, goes at the end of the step the nested list belongs to', () => {
    const editor = editorWith('- Set up\n  - clone\n  - build\n- Ship\n');
    expect(insertCodeAfter(editor, 'build')).toBe(true);
    const md = markdownOf(editor);
    expect(md).toContain('- Set up');
    expect(md.indexOf('build')).toBeLessThan(md.indexOf('```bash'));
    expect(md.indexOf('```bash')).toBeLessThan(md.indexOf('- Ship'));
    // What the editor holds is what a reload keeps.
    const body = editor.getEditorState().toJSON() as unknown as SectionBody;
    expect(restoreBody(body)).toEqual(restoreBody(restoreBody(body)));
  });

  it('leaves a check list, and text outside any list, as they are', () => {
    const check = editorWith('- [ ] Buy milk\n- [x] Read\n');
    expect(insertCodeAfter(check, 'Buy milk')).toBe(false);
    expect(check.getEditorState().toJSON().root.children[0]).toMatchObject({ type: 'list' });
    const plain = editorWith('Just words\n');
    expect(insertCodeAfter(plain, 'Just words')).toBe(false);
  });
});
