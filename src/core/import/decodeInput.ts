// Core compiles without the DOM and Node libraries; TextDecoder exists in every host Galley
// runs in (browsers, Node 20, Electron). Declared here, for this module only.
declare const TextDecoder: new (
  label: 'utf-8',
  options: { fatal: boolean },
) => { decode(input: Uint8Array): string };

/**
 * Decodes a file's bytes as strict UTF-8 (a leading byte order mark is dropped), or
 * returns null when they are not valid UTF-8: guessing another encoding would import
 * mojibake without anyone noticing.
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
