// Host globals core relies on: present in browsers, Node 20+ and Electron. Declared
// only for the core project, which compiles without the DOM and Node type libraries;
// the node and web projects get the real declarations from their libraries.
declare const crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T };
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
}
