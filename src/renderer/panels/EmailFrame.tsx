import { useEffect, useMemo, useRef, useState } from 'react';

import { estimateEmailHeight } from './estimateEmailHeight.ts';

/** The frame is never shorter than this, in email pixels. */
const MIN_FRAME_HEIGHT = 600;

interface EmailFrameProps {
  html: string;
  /** The width the email is laid out at (600 desktop, 375 phone). */
  width: number;
  /** Spoken name of the frame. */
  title: string;
  /** Paint the frame's own background dark (for the dark-mode preview). */
  dark?: boolean;
}

/**
 * An email in a sandboxed iframe (no scripts, no same-origin: the HTML is the editors'
 * content and a preview must not run anything), laid out at its real width and scaled
 * down to fit a narrower panel. Whatever the estimate misses scrolls inside the frame.
 */
export function EmailFrame({ html, width, title, dark = false }: EmailFrameProps) {
  const box = useRef<HTMLDivElement>(null);
  const [available, setAvailable] = useState(0);

  useEffect(() => {
    const node = box.current;
    if (!node) return;
    const measure = () => setAvailable(node.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    return () => observer.disconnect();
  }, []);

  const scale = available > 0 ? Math.min(1, available / width) : 1;
  // As tall as the email is expected to be, so the panel scrolls around the frame and
  // keeps its place across live updates (a frame that scrolled inside would jump back to
  // the top whenever its srcdoc changes). A sandboxed srcdoc cannot be measured.
  const height = useMemo(
    () => Math.max(MIN_FRAME_HEIGHT, estimateEmailHeight(html, width)),
    [html, width],
  );

  return (
    <div ref={box} className="sp-frame-box">
      <div className="sp-frame-slot" style={{ width: width * scale, height: height * scale }}>
        <iframe
          className={dark ? 'sp-frame sp-frame-dark' : 'sp-frame'}
          title={title}
          sandbox=""
          srcDoc={html}
          referrerPolicy="no-referrer"
          style={{ width, height, transform: scale < 1 ? `scale(${scale})` : undefined }}
        />
      </div>
    </div>
  );
}
