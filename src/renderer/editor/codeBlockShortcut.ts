import type { ElementTransformer } from '@lexical/markdown';
import {
  $codeChildren,
  $createCodeBlockNode,
  $isCodeBlockNode,
  CodeBlockNode,
} from '../../core/index.ts';

/**
 * ``` then a space or Enter at the start of a paragraph makes a code block; ```ts makes one
 * in TypeScript. Whatever followed the fence on that line becomes the first line of code.
 */
export const CODE_FENCE: ElementTransformer = {
  dependencies: [CodeBlockNode],
  export: (node) =>
    $isCodeBlockNode(node) ? `\`\`\`${node.getLanguage()}\n${node.getCode()}\n\`\`\`` : null,
  regExp: /^```([A-Za-z0-9][A-Za-z0-9+#._-]{0,31})?\s$/,
  replace: (parentNode, children, match, isImport) => {
    const code = $createCodeBlockNode(match[1] ?? '');
    code.append(...$codeChildren(children.map((c) => c.getTextContent()).join('')));
    for (const child of children) child.remove();
    parentNode.replace(code);
    if (!isImport) code.selectStart();
    return true;
  },
  triggerOnEnter: true,
  type: 'element',
};
