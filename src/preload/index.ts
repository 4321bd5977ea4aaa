// The preload exposes nothing yet: the typed API bridge arrives with the desktop shell.
// It must stay CommonJS and import types only (see electron.vite.config.ts).
export {};
