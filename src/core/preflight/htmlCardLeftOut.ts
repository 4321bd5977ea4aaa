import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { cardHtmlToKeep } from '../model/cardHtml.ts';
import { CARD_SCHEMA, sanitizeCardHtml } from '../model/sanitizeCardHtml.ts';
import type { SerializedBodyNode } from '../model/types.ts';
import { sanitizeLinkUrl } from '../model/url.ts';
import type { Finding } from './types.ts';

type ChildNode = DefaultTreeAdapterMap['childNode'];
type Found = Omit<Finding, 'sectionId' | 'nodePath'>;

/**
 * What an HTML card kept as written (cardHtmlToKeep) loses on its way into the email: the
 * email reads every card through the strict sanitizer, so comments, class and id, tags and
 * attributes outside the email schema, and links or images with no absolute web URL are
 * left out. One warning names them, so the editor knows the inbox gets less than the draft
 * (and the Markdown) shows. Nothing for a card whose source is already its email form.
 */
export function htmlCardLeftOutFindings(node: SerializedBodyNode): Found[] {
  const source = cardHtmlToKeep(node.html);
  if (source === '' || source === sanitizeCardHtml(source)) return [];
  const lost = new LeftOut();
  parseFragment(source).childNodes.forEach((child) => collect(child, lost));
  const parts = lost.describe();
  if (parts.length === 0) return [];
  return [
    {
      severity: 'warning',
      code: 'htmlcard-left-out',
      message: `the email leaves out part of an HTML card's HTML: ${parts.join('; ')}. The draft and its Markdown keep it; the inbox does not`,
    },
  ];
}

const MAX_NAMES = 4;

class LeftOut {
  comments = false;
  classOrId = false;
  readonly tags = new Set<string>();
  readonly attributes = new Set<string>();
  readonly urls = new Set<string>();

  describe(): string[] {
    const parts: string[] = [];
    const names = (set: Set<string>, wrap: (s: string) => string) => {
      const all = [...set].map(wrap);
      const shown = all.slice(0, MAX_NAMES).join(', ');
      return all.length > MAX_NAMES ? `${shown} and ${all.length - MAX_NAMES} more` : shown;
    };
    if (this.comments) parts.push('comments');
    if (this.classOrId) parts.push('class and id');
    if (this.tags.size > 0) parts.push(`the tags ${names(this.tags, (t) => `<${t}>`)}`);
    if (this.attributes.size > 0) parts.push(`the attributes ${names(this.attributes, (a) => a)}`);
    if (this.urls.size > 0)
      parts.push(`links and images without an absolute web URL (${names(this.urls, (u) => u)})`);
    return parts;
  }
}

const TAGS = new Set(CARD_SCHEMA.tagNames ?? []);

function allowedAttributes(tag: string): Set<string> {
  const attributes = CARD_SCHEMA.attributes ?? {};
  const names = [...(attributes[tag] ?? []), ...(attributes['*'] ?? [])];
  return new Set(names.map((a) => (typeof a === 'string' ? a : a[0]).toLowerCase()));
}

function collect(node: ChildNode, lost: LeftOut): void {
  if (node.nodeName === '#comment' || node.nodeName === '#documentType') {
    lost.comments = true;
    return;
  }
  if (!('tagName' in node)) return;
  if (!TAGS.has(node.tagName)) lost.tags.add(node.tagName.slice(0, 30));
  const allowed = allowedAttributes(node.tagName);
  for (const { name, value } of node.attrs) {
    if (name === 'class' || name === 'id') lost.classOrId = true;
    else if (name === 'href' || name === 'src') {
      if (!allowed.has(name)) lost.attributes.add(name);
      else if (!isEmailUrl(name, value)) lost.urls.add(value.slice(0, 60));
    } else if (!allowed.has(name)) lost.attributes.add(name.slice(0, 30));
  }
  node.childNodes.forEach((child) => collect(child, lost));
}

// What the email sanitizer keeps of a URL: absolute web or mail links, http(s) images.
function isEmailUrl(name: string, value: string): boolean {
  const url = sanitizeLinkUrl(value);
  if (url === null) return false;
  return name === 'href' ? !url.startsWith('tel:') : /^https?:/i.test(url);
}
