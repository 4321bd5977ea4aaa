import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Renders `children` once the placeholder comes within `margin` of the viewport, and
 * keeps them after: an edition opens with only the sections on screen connected and
 * laid out, and the rest follow as the editor scrolls (or jumps) to them.
 */
export function WhenNear(props: {
  children: ReactNode;
  placeholder: ReactNode;
  margin?: string;
  force?: boolean;
}) {
  const [near, setNear] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  // Once forced, stay: unmounting an editor someone is in would lose their place.
  if (props.force && !near) setNear(true);
  useEffect(() => {
    if (near || props.force) return;
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: props.margin ?? '800px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, props.force, props.margin]);
  if (near || props.force) return <>{props.children}</>;
  return <div ref={ref}>{props.placeholder}</div>;
}
