// The public surface of core: pure TypeScript that runs in the backend, CLI and renderer.
export * from './model/types.ts';
export * from './model/ids.ts';
export * from './model/rooms.ts';
export * from './model/url.ts';
export * from './model/restoreBody.ts';
export * from './model/restoreEdition.ts';
export * from './model/text.ts';
export * from './lexical/nodes.ts';
export * from './lexical/ImageNode.ts';
export * from './lexical/ButtonNode.ts';
export * from './lexical/bodySession.ts';
export * from './yjs/editionDoc.ts';
export * from './yjs/editionDocs.ts';
export * from './api/result.ts';
export * from './api/contract.ts';
export * from './export/index.ts';
export { renderMarkdown } from './export/markdown/renderMarkdown.ts';
export * from './preflight/index.ts';
