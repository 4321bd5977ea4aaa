import { buttonOf, imageOf, linkUrlOf, textOf } from '../export/shared/bodyNodes.ts';
import { assetHash } from '../export/shared/assets.ts';
import type { PublicationProfile } from '../export/shared/profile.ts';
import { walkBody } from '../export/shared/walkBody.ts';
import type { Section, SerializedBodyNode } from '../model/types.ts';
import { codeBlockFindings } from './codeBlockFindings.ts';
import { calloutFindings, embedFindings, htmlCardFindings } from './cardFindings.ts';
import { inlineHtmlFindings, type FoundInlineHtml } from './inlineHtmlFindings.ts';
import { urlProblems } from './linkFindings.ts';
import { roundupItemFindings } from './roundupFindings.ts';
import { tableFindings } from './tableFindings.ts';
import { textProblems } from './textFindings.ts';
import type { Finding } from './types.ts';

/** Findings inside a section's body: links, buttons, images and text markers, with paths. */
export function bodyFindings(section: Section, profile: PublicationProfile): Finding[] {
  const findings: Finding[] = [];
  const at = (path: number[]) => ({ sectionId: section.id, nodePath: path });
  const inlineHtml: FoundInlineHtml[] = [];
  walkBody(section.body, (node, path) => {
    switch (node.type) {
      case 'text':
        for (const p of textProblems(textOf(node), 'text')) findings.push({ ...p, ...at(path) });
        break;
      case 'link':
        for (const p of urlProblems(linkUrlOf(node))) findings.push({ ...p, ...at(path) });
        break;
      case 'button': {
        const { label, url } = buttonOf(node);
        for (const p of urlProblems(url))
          findings.push({ ...p, message: `button: ${p.message}`, ...at(path) });
        if (label.trim() === '')
          findings.push({
            severity: 'warning',
            code: 'button-missing-label',
            message: 'a button has no label; the email shows its URL instead',
            ...at(path),
          });
        for (const p of textProblems(label, 'a button label')) findings.push({ ...p, ...at(path) });
        break;
      }
      case 'image':
        findings.push(...imageFindings(node, profile).map((f) => ({ ...f, ...at(path) })));
        break;
      case 'roundupitem':
        findings.push(...roundupItemFindings(node).map((f) => ({ ...f, ...at(path) })));
        break;
      case 'code-block':
        findings.push(...codeBlockFindings(node).map((f) => ({ ...f, ...at(path) })));
        // Its text runs are code: the checks for prose do not apply inside.
        return false;
      case 'table':
        findings.push(...tableFindings(node).map((f) => ({ ...f, ...at(path) })));
        break;
      case 'callout':
        findings.push(...calloutFindings(node).map((f) => ({ ...f, ...at(path) })));
        break;
      case 'embed':
        findings.push(...embedFindings(node).map((f) => ({ ...f, ...at(path) })));
        break;
      case 'htmlcard':
        findings.push(...htmlCardFindings(node).map((f) => ({ ...f, ...at(path) })));
        break;
      case 'inlinehtml':
        inlineHtml.push({ node, path });
        break;
    }
  });
  for (const f of inlineHtmlFindings(inlineHtml)) findings.push({ ...f, sectionId: section.id });
  return findings;
}

function imageFindings(
  node: SerializedBodyNode,
  profile: PublicationProfile,
): Array<Omit<Finding, 'sectionId' | 'nodePath'>> {
  const { src, alt, caption } = imageOf(node);
  const out: Array<Omit<Finding, 'sectionId' | 'nodePath'>> = [];
  if (alt.trim() === '')
    out.push({
      severity: 'warning',
      code: 'image-missing-alt',
      message: 'an image has no alt text: readers with images off or a screen reader get nothing',
    });
  if (assetHash(src) !== null) {
    if (profile.publicBaseUrl === '')
      out.push({
        severity: 'error',
        code: 'image-unpublished',
        message:
          'an uploaded image needs a public base URL in the publication profile; the email leaves it out',
      });
  } else if (!/^https:\/\//i.test(src)) {
    out.push({
      severity: 'error',
      code: 'image-insecure-src',
      message: `an image is not on https (${src.slice(0, 80)}); the email leaves it out`,
    });
  }
  out.push(...textProblems(`${alt} ${caption}`, 'an image caption or alt text'));
  return out;
}
