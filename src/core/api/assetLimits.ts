// Apart from the contract so the renderer can use them without bundling the zod schemas.

/** Image types the store accepts as assets (what email clients display). */
export const ASSET_MIME_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
/** The largest image the store accepts: 5 MiB (email images should be far smaller). */
export const MAX_ASSET_BYTES = 5 * 1024 * 1024;
