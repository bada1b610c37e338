/**
 * The <video> the script-tag loader puts in a <live-shop> and plays the stream into
 * before the element is defined (loader.ts, which cannot import this module and repeats
 * the key), for the element to take over.
 */
const LOADER_VIDEO = Symbol.for('live-shop.loader-video');

/** The loader's video for `element`, once: without the loader's stand-in styles, the element's own apply. */
export function takeLoaderVideo(element: HTMLElement): HTMLVideoElement | undefined {
  const holder = element as unknown as Record<symbol, HTMLVideoElement | undefined>;
  const video = holder[LOADER_VIDEO];
  if (!video) return undefined;
  delete holder[LOADER_VIDEO];
  video.removeAttribute('style');
  // The loader made the undefined element a block; its own :host style does that now.
  if (element.dataset['liveShopBlock'] !== undefined) {
    element.style.removeProperty('display');
    if (element.getAttribute('style') === '') element.removeAttribute('style');
    delete element.dataset['liveShopBlock'];
  }
  return video;
}
