import { stopLexicalPropagation } from 'lexical';
import { useCallback } from 'react';

// Every event Lexical listens for on its root element (lexical's getRootElementEvents).
const ROOT_EVENTS = [
  'keydown',
  'keyup',
  'pointerdown',
  'compositionstart',
  'compositionend',
  'beforeinput',
  'input',
  'click',
  'cut',
  'copy',
  'paste',
  'dragstart',
  'dragover',
  'dragend',
  'drop',
] as const;

const mark = (event: Event) => stopLexicalPropagation(event);

/**
 * A ref for a form rendered inside a decorator node (image alt text, button label): events
 * from it are marked as handled for Lexical, so Backspace in an input edits the input
 * instead of deleting the selected node, and paste pastes into the input. The events still
 * bubble, so React's own handlers keep working (stopPropagation would silence them).
 */
export function useIsolateFromLexical(): (element: HTMLElement | null) => (() => void) | void {
  return useCallback((element: HTMLElement | null) => {
    if (!element) return;
    for (const type of ROOT_EVENTS) element.addEventListener(type, mark);
    return () => {
      for (const type of ROOT_EVENTS) element.removeEventListener(type, mark);
    };
  }, []);
}
