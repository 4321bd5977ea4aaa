import { isEmailAddress } from '../../core/index.ts';

/**
 * The addresses in a list typed by hand (commas, semicolons, spaces or new lines between
 * them), each once, and the words that are not addresses, to name them back to the editor.
 */
export function parseRecipients(value: string): { addresses: string[]; invalid: string[] } {
  const words = value
    .split(/[\s,;]+/)
    .map((word) => word.trim())
    .filter((word) => word !== '');
  return {
    addresses: [...new Set(words.filter((word) => isEmailAddress(word)))],
    invalid: words.filter((word) => !isEmailAddress(word)),
  };
}
