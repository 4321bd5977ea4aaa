import type { PublicationProfile } from '../shared/profile.ts';
import { CODE_WEB_CSS } from './codeBlockWeb.ts';

/**
 * The archive's one style sheet, inline in every page (a page loads nothing else): a
 * single readable column that fits a phone, system fonts, and a dark palette chosen by
 * `prefers-color-scheme`. The accent is the publication's; in dark mode it is lifted
 * towards white so links stay readable on the dark background.
 */
export function webCss(profile: PublicationProfile): string {
  const accent = profile.accentColor;
  return `:root{color-scheme:light dark;--bg:#ffffff;--fg:#1f2328;--muted:#59636e;--rule:#d1d9e0;--box:#f6f8fa;--accent:${accent};--on-accent:${onAccent(accent)};--link:${accent}}
@media (prefers-color-scheme:dark){:root{--bg:#111418;--fg:#e6e8eb;--muted:#9aa4af;--rule:#30363d;--box:#1b2027;--link:${lighten(accent)}}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:17px/1.6 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;-webkit-text-size-adjust:100%;text-size-adjust:100%}
.page{max-width:42rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
a{color:var(--link)}
img{max-width:100%;height:auto}
.site{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem;border-bottom:1px solid var(--rule);padding-bottom:1rem;margin-bottom:1.5rem}
.site a{color:inherit;text-decoration:none;font-weight:700}
.meta,.muted,figcaption,.disclosure,.label{color:var(--muted);font-size:.9rem}
h1{font-size:2rem;line-height:1.2;margin:.25rem 0 .5rem}
h2{font-size:1.4rem;line-height:1.3;margin:2rem 0 .75rem}
h3{font-size:1.15rem;margin:1.5rem 0 .5rem}
h4{font-size:1rem;margin:1.25rem 0 .5rem}
section h1,aside h1{font-size:1.6rem;line-height:1.25;margin:2rem 0 .75rem}
h5{font-size:.95rem;margin:1.25rem 0 .5rem}
h6{font-size:.85rem;text-transform:uppercase;letter-spacing:.04em;margin:1.25rem 0 .5rem}
.lede{font-size:1.1rem;color:var(--muted);margin:0 0 1rem}
blockquote{margin:0 0 1rem;padding-inline-start:1rem;border-inline-start:4px solid var(--accent)}
hr{border:0;border-top:1px solid var(--rule);margin:1.5rem 0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;background:var(--box);padding:1px 4px;border-radius:3px}
figure{margin:0 0 1.25rem}
figure img{display:block;margin:0 auto}
.table-wrap{overflow-x:auto;margin:0 0 1.25rem}
.table-wrap table{border-collapse:collapse;min-width:100%}
.table-wrap th,.table-wrap td{border:1px solid var(--rule);padding:.4rem .6rem;text-align:start;vertical-align:top}
.table-wrap th{background:var(--box)}
.button{display:inline-block;background:var(--accent);color:var(--on-accent);padding:.6rem 1.2rem;border-radius:6px;font-weight:700;text-decoration:none}
.sponsor{background:var(--box);border:1px solid var(--rule);border-radius:8px;padding:1rem 1.25rem;margin:2rem 0}
.sponsor h2{margin-top:.25rem}
.label{font-weight:700;letter-spacing:.05em;text-transform:uppercase;margin:0}
.roundup-item{position:relative;border-bottom:1px solid var(--rule);padding-block:.75rem;padding-inline-start:2rem}
.roundup-item p{margin:0}
.roundup-item .mark{position:absolute;inset-inline-start:0}
.choices{list-style:none;padding:0}
.choices li{margin:0 0 .5rem}
.editions{list-style:none;padding:0;margin:0}
.editions li{padding:1rem 0;border-bottom:1px solid var(--rule)}
.editions h2{margin:.25rem 0;font-size:1.25rem}
.editions p{margin:.25rem 0}
footer{border-top:1px solid var(--rule);margin-top:2.5rem;padding-top:1rem}
${CODE_WEB_CSS}`;
}

// Black or white text on the accent, whichever contrasts more (WCAG relative luminance).
function onAccent(hex: string): string {
  return luminance(hex) > 0.179 ? '#000000' : '#ffffff';
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function channels(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) || 0);
}

// Mixes the accent halfway to white until it reads on the dark background.
function lighten(hex: string): string {
  let rgb = channels(hex);
  for (let i = 0; i < 3 && luminance(toHex(rgb)) < 0.3; i++)
    rgb = rgb.map((c) => Math.round(c + (255 - c) / 2));
  return toHex(rgb);
}

function toHex(rgb: number[]): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
