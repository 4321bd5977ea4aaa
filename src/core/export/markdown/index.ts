// Galley Markdown export: the edition as CommonMark with front matter and galley comments.
export { bodyToMarkdown, renderMarkdown, type RenderMarkdownOptions } from './renderMarkdown.ts';
export { MARKDOWN_NODE_FORMS } from './bodyToMdast.ts';
