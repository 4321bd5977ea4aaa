// Review inside the edition: comment threads, their anchors, and the edition's editors.
export * from './types.ts';
export * from './people.ts';
export * from './commentsDoc.ts';
export * from './bodyPositions.ts';
export * from './anchors.ts';
export * from './editorsDoc.ts';
export * from './mentions.ts';
export * from './bodyChars.ts';
export * from './diffTokens.ts';
export * from './diffBody.ts';
export * from './diffEdition.ts';
export * from './changedSince.ts';
