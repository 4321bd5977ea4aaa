import type { ReactNode } from 'react';

/** A 16px line icon in the text colour; the button around it carries the accessible name. */
export function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="ge-icon"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const LinkIcon = () => (
  <Icon>
    <path d="M6.5 9.5a3 3 0 0 0 4.2 0l2-2a3 3 0 0 0-4.2-4.2l-.8.8" />
    <path d="M9.5 6.5a3 3 0 0 0-4.2 0l-2 2a3 3 0 0 0 4.2 4.2l.8-.8" />
  </Icon>
);

export const BulletListIcon = () => (
  <Icon>
    <circle cx="3" cy="4" r="0.8" fill="currentColor" />
    <circle cx="3" cy="8" r="0.8" fill="currentColor" />
    <circle cx="3" cy="12" r="0.8" fill="currentColor" />
    <path d="M6 4h8M6 8h8M6 12h8" />
  </Icon>
);

export const NumberListIcon = () => (
  <Icon>
    <path d="M2.5 2.8 3.5 2.3v3.4M2.5 5.7h2" strokeWidth="1.1" />
    <path d="M2.4 9.4c.3-.6 1.9-.7 1.9.3 0 .8-1.9 1.6-1.9 2.4h2" strokeWidth="1.1" />
    <path d="M7 4h7M7 8h7M7 12h7" />
  </Icon>
);

export const OutdentIcon = () => (
  <Icon>
    <path d="M7 4h7M7 8h7M7 12h7M4.5 6 2 8l2.5 2" />
  </Icon>
);

export const IndentIcon = () => (
  <Icon>
    <path d="M7 4h7M7 8h7M7 12h7M2 6l2.5 2L2 10" />
  </Icon>
);

export const ImageIcon = () => (
  <Icon>
    <rect x="2" y="3" width="12" height="10" rx="1.5" />
    <circle cx="6" cy="6.5" r="1.2" />
    <path d="m2.5 12 3.8-3.6 2.4 2.2 1.8-1.6 3 3" />
  </Icon>
);

export const DividerIcon = () => (
  <Icon>
    <path d="M2 8h12" />
    <path d="M4 4.5h8M4 11.5h8" strokeOpacity="0.35" />
  </Icon>
);

export const ButtonIcon = () => (
  <Icon>
    <rect x="1.5" y="4.5" width="13" height="7" rx="3.5" />
    <path d="M5.5 8h5" />
  </Icon>
);

export const CodeIcon = () => (
  <Icon>
    <path d="m5.5 4.5-3.5 3.5 3.5 3.5M10.5 4.5l3.5 3.5-3.5 3.5" />
  </Icon>
);
