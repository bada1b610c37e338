/**
 * The script a brand pastes:
 *
 * ```html
 * <script type="module" src="https://cdn.example.com/live-shop/live-shop.js"></script>
 * <live-shop show="spring-drop" src="https://example.com/live.m3u8"></live-shop>
 * ```
 *
 * It must stay tiny (≤ 5 KB gzip, checked by the size gate): it imports nothing
 * statically and loads the elements only once a <live-shop> is on the page, found at
 * once or, for pages that add it later (CMS blocks, single-page apps), by watching the
 * document. Elements inside other components' shadow roots are not seen: such apps
 * import `@live-shop/player-element/define` instead.
 *
 * Video first: the first frame is what a viewer waits for (bench/first-frame.mjs). When
 * the first <live-shop> has a stream hls.js plays, the loader fetches hls.js alone, puts
 * a <video> in the element and plays the stream into it (engines/stream-preload.ts),
 * and loads the elements once that video shows its first frame; the element then takes
 * the same video and stream over, without a restart. Loaded together, the elements'
 * code and first render shared the network and the main thread with the stream's start:
 * the first frame came at 1.6 × a bare hls.js <video>'s, now at about 1.05 ×.
 */
const TAG = 'live-shop';
const MUX_PLAYER = 'mux-player';
/** The property the element takes its video from (loader-video.ts). */
const LOADER_VIDEO = Symbol.for('live-shop.loader-video');

/**
 * The chunks each lazy import needs (names in chunks/ beside this script, without ".js"),
 * written in by the script-tag build (scripts/build-browser.mjs); absent when this module
 * runs unbundled.
 */
declare const __LIVE_SHOP_CHUNKS__: { engine: string[]; elements: string[] } | undefined;
const CHUNKS = typeof __LIVE_SHOP_CHUNKS__ === 'undefined' ? undefined : __LIVE_SHOP_CHUNKS__;

// A live collection: checking its length after each batch of mutations is cheap.
const found = document.getElementsByTagName(TAG);

/** Asks for all of a lazy import's chunks at once: import() alone finds a chunk's imports one level per round trip. */
function preloadChunks(names: string[] | undefined): void {
  for (const name of names ?? []) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = new URL(`./chunks/${name}.js`, import.meta.url).href;
    (document.head ?? document.documentElement).append(link);
  }
}

function loadElements(): void {
  preloadChunks(CHUNKS?.elements);
  import('./define.js').catch((error: unknown) => {
    console.error('[live-shop] The player could not be loaded; check the network, then reload the page.', error);
  });
}

/** An attribute as <live-shop> reads a boolean: absent is undefined, "false" and "off" are false. */
function flag(element: Element, name: string): boolean | undefined {
  const value = element.getAttribute(name);
  return value === null ? undefined : value !== 'false' && value !== 'off';
}

/** The element's own <video>, as it will set it up (live autoplays muted unless told otherwise), shown at once. */
function videoFor(element: Element, mode: string): HTMLVideoElement {
  const video = document.createElement('video');
  const autoplay = flag(element, 'autoplay') ?? mode !== 'replay';
  video.autoplay = autoplay;
  video.muted = flag(element, 'muted') ?? autoplay;
  video.playsInline = true;
  video.controls = true;
  // The player's video box until the element draws its own (as live-shop.styles.ts does, with its defaults).
  video.style.cssText =
    'display:block;width:100%;aspect-ratio:var(--live-shop-player-aspect-ratio,16/9);object-fit:var(--live-shop-player-object-fit,contain);background:var(--live-shop-player-background,#000)';
  (element as unknown as Record<symbol, HTMLVideoElement>)[LOADER_VIDEO] = video;
  // An element not yet defined is inline, where the page's width for <live-shop> does not
  // apply: a block until the element's own style (display: block) takes over; a display
  // the page chose (none on some screens, say) is kept.
  const host = element as HTMLElement;
  if (host.style.display === '' && getComputedStyle(host).display === 'inline') {
    host.style.display = 'block';
    host.dataset['liveShopBlock'] = '';
  }
  element.append(video);
  return video;
}

function load(): void {
  const first = found[0];
  if (
    !first ||
    !(first.hasAttribute('src') || first.hasAttribute('playback-id')) ||
    first.getAttribute('engine') === MUX_PLAYER ||
    !('MediaSource' in window || 'ManagedMediaSource' in window)
  ) {
    loadElements();
    return;
  }
  const mode = first.getAttribute('mode') === 'replay' ? 'replay' : 'live';
  const video = videoFor(first, mode);
  preloadChunks(CHUNKS?.engine);
  import('./engines/hls-engine.js')
    .then(({ preloadStream }) =>
      preloadStream(
        { src: first.getAttribute('src') ?? undefined, playbackId: first.getAttribute('playback-id') ?? undefined, engine: first.getAttribute('engine') ?? undefined },
        mode,
        video,
      ),
    )
    // The element loads the engine again, and says what went wrong.
    .catch(() => undefined)
    .finally(loadElements);
}

if (found.length > 0) {
  load();
} else {
  const observer = new MutationObserver(() => {
    if (found.length === 0) return;
    observer.disconnect();
    load();
  });
  observer.observe(document, { childList: true, subtree: true });
}
