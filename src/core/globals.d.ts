// The few host globals core may rely on: present in browsers, Node 20+ and Electron.
// Declared here because core compiles without the DOM and Node type libraries.
declare const crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T };
declare const document: { createElement(tag: string): HTMLElement };
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
interface HTMLElement {}
