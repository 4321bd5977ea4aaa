/**
 * Size limits from EMAIL_RULES.md, shared by the email exporter and preflight.
 * Gmail clips a message at about 102 KB; we count 1 KB as 1,000 bytes so a message that
 * passes here passes under either reading, with room for the sending service's tracking.
 */
export const EMAIL_SIZE_LIMIT_BYTES = 102_000;
/** From here on the editor is warned: the sending service still adds bytes. */
export const EMAIL_SIZE_WARNING_BYTES = 90_000;
/** Gmail drops every <style> past this many bytes in total. */
export const STYLE_SIZE_LIMIT_BYTES = 16_000;
/** RFC 5322: a line of a message may not exceed 998 bytes. */
export const MAX_LINE_BYTES = 998;
/** Inbox previews show up to about this many characters of the preheader. */
export const PREHEADER_MAX_CHARS = 140;
