import { Icon } from '../editor/icons.tsx';

/** A speech bubble: add a comment, comment counts. */
export const CommentIcon = () => (
  <Icon>
    <path d="M3 3.5h10a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H7l-3 2.5v-2.5H3a1 1 0 0 1-1-1v-6a1 1 0 0 1 1-1Z" />
  </Icon>
);
