import { ASSET_MIME_TYPES, MAX_ASSET_BYTES } from '../../core/index.ts';
import type { ApiClient } from '../api/client.ts';

type AssetMime = (typeof ASSET_MIME_TYPES)[number];

/** True when the store accepts files of this type. */
export function isAssetMime(mime: string): mime is AssetMime {
  return (ASSET_MIME_TYPES as readonly string[]).includes(mime);
}

/** A file's bytes as base64, for the JSON API. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // Chunked: String.fromCharCode with millions of arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Stores an image file in the edition's asset store and returns its `asset:<hash>` src.
 * Refuses unsupported types and oversized files with an Error whose message is for the
 * editor; API failures arrive as ApiCallError, also with words.
 */
export async function uploadImageFile(api: ApiClient, file: File): Promise<string> {
  if (!isAssetMime(file.type)) {
    throw new Error(
      `“${file.name}” is not an image Galley can store (PNG, JPEG, GIF or WebP only).`,
    );
  }
  if (file.size > MAX_ASSET_BYTES) {
    const mb = (MAX_ASSET_BYTES / 1024 / 1024).toFixed(0);
    throw new Error(`“${file.name}” is larger than ${mb} MB; make it smaller and try again.`);
  }
  const { src } = await api.call('assets.put', {
    mime: file.type,
    base64: await fileToBase64(file),
  });
  return src;
}

/**
 * The URL an image src is displayed from in the workbench (assets come from the hub);
 * null when it cannot be shown (an asset without an API client, anything not http(s)).
 */
export function displaySrc(api: ApiClient | null, src: string): string | null {
  const asset = /^asset:([0-9a-f]{64})$/.exec(src);
  if (asset) return api ? api.assetUrl(asset[1]!) : null;
  return /^https?:\/\//.test(src) ? src : null;
}
