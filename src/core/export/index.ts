// The exporters' public surface: email HTML, plain text, and what they share.
export * from './email/index.ts';
export * from './text/index.ts';
export { RenderCache, type RenderCacheStats } from './RenderCache.ts';
export {
  defaultProfile,
  restoreProfile,
  hexColor,
  DEFAULT_UNSUBSCRIBE_URL,
  type PublicationProfile,
} from './shared/profile.ts';
export { resolveImageSrc, referencedAssets, assetHash } from './shared/assets.ts';
export { utf8ByteLength } from './shared/text.ts';
export {
  EMAIL_SIZE_LIMIT_BYTES,
  EMAIL_SIZE_WARNING_BYTES,
  MAX_LINE_BYTES,
  PREHEADER_MAX_CHARS,
} from './shared/limits.ts';
export {
  applyUtm,
  defaultUtm,
  restoreUtm,
  utmCampaign,
  type UtmContext,
  type UtmSettings,
} from './shared/utm.ts';
export { tagEdition, urlTagger, isUtmOptOut } from './shared/tagEdition.ts';
export { finalLinks, type FinalLink } from './shared/finalLinks.ts';
export { editionAsRejected, bodyAsRejected } from './shared/editionAsRejected.ts';
export { editionSlug, editionPageUrl } from './shared/archivePaths.ts';
export * from './web/index.ts';
