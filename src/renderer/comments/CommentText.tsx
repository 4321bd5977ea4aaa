import { commentSegments } from './commentLinks.ts';

/**
 * Comment text as React text (never HTML): markup in it shows as typed, and only web and
 * mail links that pass the model's URL check become links, opened outside the app.
 */
export function CommentText({ text }: { text: string }) {
  return (
    <p className="cm-text">
      {commentSegments(text).map((segment, index) =>
        segment.href === undefined ? (
          <span key={index}>{segment.text}</span>
        ) : (
          <a key={index} href={segment.href} target="_blank" rel="noopener noreferrer nofollow">
            {segment.text}
          </a>
        ),
      )}
    </p>
  );
}
