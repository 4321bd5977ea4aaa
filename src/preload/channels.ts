// The IPC channel names, spelled here because the preload may import types only from
// the other layers; src/main/ipc.test.ts checks they match main's IPC_CHANNELS.
export const CHANNELS = {
  invoke: 'galley:invoke',
  connection: 'galley:connection',
  editorName: 'galley:editor-name',
  command: 'galley:command',
} as const;
