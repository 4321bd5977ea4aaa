import { strToU8, zipSync, type Zippable } from 'fflate';
import { slugify } from './slugify.ts';

/** The three renderings a bundle holds. */
export interface BundleContents {
  email: string;
  markdown: string;
  text: string;
}

/**
 * The files of an edition's bundle, by path inside the zip: everything sits in one
 * folder named after the slug, so unzipping never scatters files into the current folder.
 */
export function bundleEntries(slug: string, contents: BundleContents): Record<string, string> {
  return {
    [`${slug}/email.html`]: contents.email,
    [`${slug}/edition.md`]: contents.markdown,
    [`${slug}/edition.txt`]: contents.text,
  };
}

/** The bundle as zip bytes and the file name to save it under (`<slug>.zip`). */
export function zipBundle(
  title: string,
  contents: BundleContents,
  modified: Date = new Date(),
): { fileName: string; bytes: Uint8Array } {
  const slug = slugify(title);
  const files: Zippable = {};
  for (const [path, content] of Object.entries(bundleEntries(slug, contents))) {
    files[path] = [strToU8(content), { mtime: modified }];
  }
  // Text compresses well; level 6 is fflate's default trade-off and fast at these sizes.
  return { fileName: `${slug}.zip`, bytes: zipSync(files, { level: 6 }) };
}
