// Markdown import: Galley Markdown (or any Markdown) into a new, canonical edition.
export {
  MAX_MARKDOWN_BYTES,
  parseGalleyMarkdown,
  type MarkdownImportErrorCode,
  type MarkdownImportResult,
} from './parseGalleyMarkdown.ts';
export { markdownToBody, type ImportedBody } from './markdownToBody.ts';
