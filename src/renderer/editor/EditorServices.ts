import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/client.ts';

/** What the editor's plugins and node views need from the workbench. */
export interface EditorServices {
  api: ApiClient;
  /**
   * Shows a message in the editor's notice area: an error (an upload that failed, a
   * refused URL) stays until dismissed or replaced; info (uploading…) until replaced;
   * null clears it.
   */
  notify(message: string | null, tone?: 'error' | 'info'): void;
}

/**
 * Provided by SectionEditor. Decorator views are portals inside the composer, so they
 * reach it too, even though the node-view registry itself is global.
 */
export const EditorServicesContext = createContext<EditorServices | null>(null);

/** The services of the enclosing SectionEditor; throws outside one (a wiring bug). */
export function useEditorServices(): EditorServices {
  const services = useContext(EditorServicesContext);
  if (!services) throw new Error('useEditorServices: used outside a SectionEditor');
  return services;
}

/**
 * The services when inside a SectionEditor, else null: node views are registered for
 * every editor in the renderer, and another editor (a read-only preview) may show them.
 */
export function useOptionalEditorServices(): EditorServices | null {
  return useContext(EditorServicesContext);
}
