// The email exporter's public surface.
export { renderEmail, type RenderEmailOptions, type RenderedEmail } from './renderEmail.ts';
