const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random id of `length` lowercase letters and digits (about 5.2 bits each). */
export function newId(length = 14): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** True for a string usable as an edition or section id (and so in a room name). */
export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
