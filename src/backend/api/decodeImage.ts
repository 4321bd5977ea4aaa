import { GalleyError, MAX_ASSET_BYTES } from '../../core/index.ts';

/** The first bytes each accepted image type starts with. */
const SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  'image/png': (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  'image/gif': (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38]),
  'image/webp': (b) =>
    startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b.subarray(8), [0x57, 0x45, 0x42, 0x50]),
};

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((value, i) => bytes[i] === value);
}

/**
 * Decodes an uploaded image and checks that its bytes are what its type says: a file
 * renamed to .png, or a script sent as an image, is refused with a clear error.
 */
export function decodeImage(base64: string, mime: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
    throw new GalleyError('invalid-input', 'The image is not valid base64.');
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (bytes.byteLength === 0) throw new GalleyError('invalid-input', 'The image file is empty.');
  if (bytes.byteLength > MAX_ASSET_BYTES)
    throw new GalleyError(
      'too-large',
      `The image is ${(bytes.byteLength / 1048576).toFixed(1)} MiB; the limit is ${MAX_ASSET_BYTES / 1048576} MiB.`,
    );
  const matches = SIGNATURES[mime];
  if (!matches?.(bytes))
    throw new GalleyError(
      'invalid-input',
      `The file is not a ${mime.replace('image/', '').toUpperCase()} image.`,
    );
  return bytes;
}
