import type { CommentFindingInput, Finding } from './types.ts';

const QUOTE_SHOWN = 60;

/**
 * A warning per open comment thread, with where it is (the section, the quoted text),
 * so an edition is not sent with a question nobody answered. Only the quote and the
 * author are shown: the comment's own words stay in the Comments panel.
 */
export function commentFindings(threads: readonly CommentFindingInput[]): Finding[] {
  const findings: Finding[] = [];
  for (const thread of threads) {
    if (thread.resolved) continue;
    const { sectionId, field } = thread.anchor;
    const replies = thread.messages.filter((m) => !m.deleted).length - 1;
    const finding: Finding = {
      severity: 'warning',
      code: 'comment-open',
      message:
        `an open comment by ${plain(thread.author.name)} ${where(thread, field)}` +
        (thread.onDeletedText ? ' (on deleted text)' : '') +
        (replies > 0 ? `, ${replies} ${replies === 1 ? 'reply' : 'replies'}` : ''),
      threadId: thread.id,
    };
    if (sectionId !== null) finding.sectionId = sectionId;
    findings.push(finding);
  }
  return findings;
}

function where(thread: CommentFindingInput, field: string): string {
  const quote = quoted(thread.quote);
  if (thread.anchor.sectionId === null) return `on the edition's ${field}${quote}`;
  const section = thread.sectionTitle ? ` of “${plain(thread.sectionTitle)}”` : '';
  return field === 'body'
    ? `on${quote || ' the text'}${section}`
    : `on the ${field}${section}${quote}`;
}

function quoted(text: string): string {
  const line = plain(text.replace(/\s+/g, ' ')).trim();
  if (line === '') return '';
  return ` “${line.length > QUOTE_SHOWN ? `${line.slice(0, QUOTE_SHOWN - 1)}…` : line}”`;
}

// Messages end up in terminals (`galley check`): no control characters from anyone's text.
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
