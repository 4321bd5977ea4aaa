import { sanitizeImageSrc, sanitizeLinkUrl } from './url.ts';

/**
 * Embeds: a card that points at a video, a post or any page, built with no network. The
 * editor pastes a URL; `recognizeEmbedUrl` names its provider and fills what can be known
 * offline (a YouTube thumbnail follows from the video id); the rest the editor writes.
 */

export const EMBED_PROVIDERS = [
  'youtube',
  'vimeo',
  'x',
  'bluesky',
  'mastodon',
  'linkedin',
  'link',
] as const;
export type EmbedProvider = (typeof EMBED_PROVIDERS)[number];

/** What an embed shows: a video thumbnail, a quoted post, or a link card. */
export type EmbedKind = 'video' | 'post' | 'link';

/**
 * An embed's fields. Which ones show depends on the kind: a video has `image` (the
 * thumbnail), `title` and `alt`; a post has `author`, `handle` and `text`; a link card has
 * `title`, `text` (the description), `image` and `alt`. `url` is the link in every kind.
 */
export type EmbedFields = {
  provider: EmbedProvider;
  url: string;
  title: string;
  text: string;
  author: string;
  handle: string;
  image: string;
  alt: string;
};

/** The kind of card a provider makes. */
export function embedKind(provider: EmbedProvider): EmbedKind {
  if (provider === 'youtube' || provider === 'vimeo') return 'video';
  if (provider === 'link') return 'link';
  return 'post';
}

/** The name a reader knows the provider by. */
export const PROVIDER_NAMES: Record<EmbedProvider, string> = {
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  linkedin: 'LinkedIn',
  link: 'Link',
};

/** An empty embed of a provider. */
export function emptyEmbed(provider: EmbedProvider = 'link'): EmbedFields {
  return { provider, url: '', title: '', text: '', author: '', handle: '', image: '', alt: '' };
}

/** What a URL tells offline: the provider, and for some the video id, thumbnail or handle. */
export interface RecognizedUrl {
  provider: EmbedProvider;
  url: string;
  videoId: string | null;
  image: string | null;
  handle: string | null;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/**
 * Recognizes a pasted URL; null when it is not a usable http(s) URL. Only the URL's
 * shape is read: no request is made.
 */
export function recognizeEmbedUrl(value: string): RecognizedUrl | null {
  const url = sanitizeLinkUrl(value);
  if (url === null || !/^https?:/i.test(url)) return null;
  const parsed = new URL(url);
  const host = parsed.hostname.toLowerCase().replace(/^(www\.|m\.|mobile\.)/, '');
  const parts = parsed.pathname.split('/').filter((p: string) => p !== '');
  const base = { url, videoId: null, image: null, handle: null };
  if (host === 'youtube.com' || host === 'youtu.be' || host === 'youtube-nocookie.com') {
    const id =
      host === 'youtu.be'
        ? parts[0]
        : parts[0] === 'watch'
          ? (/[?&]v=([^&#]*)/.exec(parsed.search)?.[1] ?? null)
          : ['shorts', 'embed', 'live', 'v'].includes(parts[0] ?? '')
            ? parts[1]
            : null;
    if (id && YOUTUBE_ID.test(id))
      return {
        ...base,
        provider: 'youtube',
        videoId: id,
        image: `https://i.ytimg.com/vi/${id}/hqdefault.jpg`,
      };
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = parts.find((p: string) => /^\d{3,12}$/.test(p));
    // Vimeo has no fixed thumbnail address: the editor enters one.
    if (id) return { ...base, provider: 'vimeo', videoId: id };
  }
  if ((host === 'x.com' || host === 'twitter.com') && parts[1] === 'status' && parts[0])
    return { ...base, provider: 'x', handle: `@${parts[0]}` };
  if (host === 'bsky.app' && parts[0] === 'profile' && parts[2] === 'post' && parts[1])
    return { ...base, provider: 'bluesky', handle: `@${parts[1]}` };
  if (host === 'linkedin.com' && (parts[0] === 'posts' || parts[0] === 'feed'))
    return { ...base, provider: 'linkedin' };
  // Mastodon runs on many hosts; its post URLs look like /@user/123456.
  if (parts.length === 2 && /^@[\w.]+$/.test(parts[0]!) && /^\d+$/.test(parts[1]!))
    return { ...base, provider: 'mastodon', handle: `${parts[0]}@${host}` };
  return { ...base, provider: 'link' };
}

const MAX_FIELD = 2000;

/** An embed's fields from loose input: known provider, safe URLs, one-line strings. Never throws. */
export function restoreEmbedFields(input: Record<string, unknown>): EmbedFields {
  const provider = (EMBED_PROVIDERS as readonly unknown[]).includes(input.provider)
    ? (input.provider as EmbedProvider)
    : 'link';
  const url = sanitizeLinkUrl(input.url);
  const image = sanitizeImageSrc(input.image);
  return {
    provider,
    url: url !== null && /^https?:/i.test(url) ? url : '',
    title: line(input.title),
    // A post's text may hold line breaks; everything else is one line.
    text: typeof input.text === 'string' ? clean(input.text).slice(0, MAX_FIELD) : '',
    author: line(input.author),
    handle: line(input.handle),
    image: image ?? '',
    alt: line(input.alt),
  };
}

function line(value: unknown): string {
  return typeof value === 'string' ? clean(value).replace(/\s+/g, ' ').slice(0, MAX_FIELD) : '';
}

function clean(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
}
