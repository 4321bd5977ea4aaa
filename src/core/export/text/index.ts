// The plain-text exporter's public surface.
export { renderText, renderTextWithWarnings } from './renderText.ts';
