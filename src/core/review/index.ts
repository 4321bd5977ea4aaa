// Review inside the edition: comment threads, their anchors, and the edition's editors.
export * from './types.ts';
export * from './people.ts';
export * from './commentsDoc.ts';
export * from './bodyPositions.ts';
export * from './anchors.ts';
export * from './editorsDoc.ts';
export * from './mentions.ts';
export * from './threadView.ts';
export * from './restoreComments.ts';
export * from './suggestions.ts';
export * from './suggestEdits.ts';
export * from '../model/suggestion.ts';
export * from '../lexical/suggestionState.ts';
