import { useEffect, useState, type RefObject } from 'react';
import { NEAR_VIEW_MARGIN } from '../canvas/cardDetail';

const MARGIN = `${NEAR_VIEW_MARGIN * 100}%`;

interface Watch {
  observer: IntersectionObserver;
  callbacks: Map<Element, (near: boolean) => void>;
}

/** One observer per canvas for all its cards. */
const watches = new WeakMap<Element, Watch>();

function watchOf(root: Element): Watch {
  let watch = watches.get(root);
  if (!watch) {
    const callbacks = new Map<Element, (near: boolean) => void>();
    const observer = new IntersectionObserver((entries) => entries.forEach((e) => callbacks.get(e.target)?.(e.isIntersecting)), { root, rootMargin: MARGIN });
    watch = { observer, callbacks };
    watches.set(root, watch);
  }
  return watch;
}

/**
 * Whether the element is in or near the view of the canvas (`.react-flow`) it is drawn in,
 * from the browser's own intersection tracking, which follows pans and zooms without a render.
 * Until the browser's first answer, `initially` tells (from the view and the layout), so a card
 * in view is drawn whole from its first render. Where the browser cannot tell (no
 * IntersectionObserver), everything is near.
 */
export function useNearView(ref: RefObject<HTMLElement | null>, initially: () => boolean): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined' || initially());
  useEffect(() => {
    const el = ref.current;
    const root = el?.closest('.react-flow');
    if (!el || !root || typeof IntersectionObserver === 'undefined') return;
    const watch = watchOf(root);
    watch.callbacks.set(el, setNear);
    watch.observer.observe(el);
    return () => {
      watch.observer.unobserve(el);
      watch.callbacks.delete(el);
    };
  }, [ref]);
  return near;
}
