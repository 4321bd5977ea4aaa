// The plain-text exporter's public surface.
export { renderText, renderTextWithWarnings, type RenderTextOptions } from './renderText.ts';
