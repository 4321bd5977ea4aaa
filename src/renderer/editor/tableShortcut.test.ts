import { $getRoot, $createParagraphNode, $createTextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { createBodyEditor } from '../../core/index.ts';
import { $tableFromPipeRow, pipeRowCells } from './tableShortcut.ts';

describe('the | a | b | table shortcut', () => {
  it('reads a GFM header row typed on its own line, and nothing else', () => {
    expect(pipeRowCells('| Tool | Price |')).toEqual(['Tool', 'Price']);
    expect(pipeRowCells('|a|')).toEqual(['a']);
    expect(pipeRowCells('| a | b')).toBeNull();
    expect(pipeRowCells('a | b |')).toBeNull();
    expect(pipeRowCells('no pipes')).toBeNull();
  });

  it('turns the paragraph into a table with that header and one empty row', () => {
    const editor = createBodyEditor();
    editor.update(
      () => {
        const p = $createParagraphNode().append($createTextNode('| Tool | Price |'));
        $getRoot().clear().append(p);
        expect($tableFromPipeRow(p)).not.toBeNull();
      },
      { discrete: true },
    );
    const root = editor.getEditorState().toJSON().root;
    expect(root.children.map((c) => c.type)).toEqual(['table', 'paragraph']);
    const rows = (root.children[0] as unknown as { children: Array<{ children: unknown[] }> })
      .children;
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows[0])).toMatch(/"text":"Tool".*"text":"Price"/);
    expect(rows[1]!.children).toHaveLength(2);
  });
});
