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
 */
const TAG = 'live-shop';
const MUX_PLAYER = 'mux-player';

// A live collection: checking its length after each batch of mutations is cheap.
const found = document.getElementsByTagName(TAG);

function load(): void {
  const first = found[0];
  // Start fetching the video engine alongside the elements rather than after them: the
  // first frame is on the critical path, and the element will import the same module.
  if (
    first &&
    (first.hasAttribute('src') || first.hasAttribute('playback-id')) &&
    first.getAttribute('engine') !== MUX_PLAYER &&
    ('MediaSource' in window || 'ManagedMediaSource' in window)
  ) {
    import('./engines/hls-engine.js').catch(() => undefined);
  }
  import('./define.js').catch((error: unknown) => {
    console.error('[live-shop] The player could not be loaded; check the network, then reload the page.', error);
  });
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
