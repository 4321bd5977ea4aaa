import { isMergeTag, relativeLinkUrl, sanitizeLinkUrl } from '../model/url.ts';
import { MAX_URL_LENGTH } from '../export/shared/links.ts';
import type { Severity } from './types.ts';

/** A problem with one URL, before it is placed in a section. */
export interface UrlProblem {
  severity: Severity;
  code: string;
  message: string;
}

// Reserved for documentation (RFC 2606, RFC 6761): a link there was never finished.
const PLACEHOLDER_HOST = /(^|\.)(example\.(com|org|net)|example|test|invalid)$/i;
const LOCAL_HOST = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\])$/i;

/**
 * What is wrong with a link target, if anything: empty, relative, not allowed, too long for a mail
 * line, local, a placeholder domain, still marked TK, or only http.
 */
export function urlProblems(url: string): UrlProblem[] {
  const trimmed = url.trim();
  if (trimmed === '')
    return [{ severity: 'error', code: 'link-empty', message: 'a link has no URL' }];
  const safe = sanitizeLinkUrl(trimmed);
  if (safe === null && relativeLinkUrl(trimmed) !== null)
    return [
      {
        severity: 'error',
        code: 'link-relative',
        message: `"${short(trimmed)}" is a relative link, which only works on the site it was written for; give the full https address (the email and web exports keep only its words)`,
      },
    ];
  if (safe === null)
    return [
      {
        severity: 'error',
        code: 'link-invalid',
        message: `"${short(trimmed)}" is not an https, http, mailto or tel URL; the export drops it`,
      },
    ];
  if (isMergeTag(safe)) return [];
  const problems: UrlProblem[] = [];
  if (safe.length > MAX_URL_LENGTH)
    problems.push({
      severity: 'error',
      code: 'link-too-long',
      message: `a URL is longer than ${MAX_URL_LENGTH} characters; the export drops it`,
    });
  if (/\bTK\b/.test(safe))
    problems.push({
      severity: 'error',
      code: 'link-unfinished',
      message: `"${short(safe)}" still has a TK placeholder`,
    });
  const host = hostOf(safe);
  if (host !== null && LOCAL_HOST.test(host))
    problems.push({
      severity: 'error',
      code: 'link-local',
      message: `"${short(safe)}" points at this computer, not the web`,
    });
  else if (host !== null && PLACEHOLDER_HOST.test(host))
    problems.push({
      severity: 'warning',
      code: 'link-placeholder',
      message: `"${short(safe)}" uses a placeholder domain (${host})`,
    });
  if (/^http:/i.test(safe))
    problems.push({
      severity: 'warning',
      code: 'link-insecure',
      message: `"${short(safe)}" is http, not https`,
    });
  else if (/^tel:/i.test(safe))
    problems.push({
      severity: 'info',
      code: 'link-phone',
      message: `"${short(safe)}" is a phone link`,
    });
  return problems;
}

function hostOf(url: string): string | null {
  if (/^mailto:/i.test(url)) {
    const at = url.lastIndexOf('@');
    return at === -1 ? null : (url.slice(at + 1).split('?')[0] ?? null);
  }
  try {
    const host = new URL(url).hostname;
    return host === '' ? null : host;
  } catch {
    return null;
  }
}

/** A URL shortened for a message. */
export function short(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
