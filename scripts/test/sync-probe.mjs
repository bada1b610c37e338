// Measures card-to-video sync in a real browser, independently of the player's own
// report: a requestVideoFrameCallback loop records when each video frame is displayed and
// its program date time, an animation-frame loop records when a product card is first
// on screen, and the page posts the highlight itself so the arrival time is known too.
// Used by the end-to-end test and by bench/sync.

/**
 * Installs the probe in a page whose <live-shop> is playing.
 * @param {import('playwright-core').Page} page
 */
export async function installProbe(page) {
  await page.evaluate(() => {
    const player = document.querySelector('live-shop');
    if (!player) throw new Error('No <live-shop> on the page.');
    /**
     * @type {[number, number, number][]} expected display time (ms, performance clock),
     * frame pdt, and the time of the rendering step that composites the frame (the same
     * clock as requestAnimationFrame's timestamp)
     */
    const frames = [];
    const onFrame = (now, metadata) => {
      const pdt = player.pdtAtMediaTime(metadata.mediaTime);
      if (pdt !== undefined) frames.push([metadata.expectedDisplayTime, pdt, now]);
      if (frames.length > 20_000) frames.splice(0, 10_000);
      player.video.requestVideoFrameCallback(onFrame);
    };
    player.video.requestVideoFrameCallback(onFrame);

    /** Product ids of the cards on screen, read through the open shadow roots. */
    const visibleCards = () => {
      const stack = player.shadowRoot?.querySelector('live-shop-highlights');
      const cards = stack?.shadowRoot?.querySelectorAll('live-shop-product-card') ?? [];
      return [...cards].filter((card) => card.getBoundingClientRect().height > 0).map((card) => card.product?.id);
    };
    const probe = { frames, visibleCards, firstSeen: new Map() };
    const onAnimationFrame = (time) => {
      for (const id of visibleCards()) if (!probe.firstSeen.has(id)) probe.firstSeen.set(id, time);
      for (const id of [...probe.firstSeen.keys()]) if (!visibleCards().includes(id)) probe.firstSeen.delete(id);
      requestAnimationFrame(onAnimationFrame);
    };
    requestAnimationFrame(onAnimationFrame);
    window.__liveShopProbe = probe;
  });
}

/**
 * Posts one highlight from the page and measures it. Resolves when the card has been on
 * screen, or rejects after `timeoutMs`.
 * @param {import('playwright-core').Page} page
 * @param {{ token: string, productId: string, show?: string, timeoutMs?: number }} options
 * `error` is against the frame's expected display time; `stepError` against the rendering
 * step that composites that frame (negative would mean the card was drawn in an earlier
 * step than the video frame: shown early). A busy machine lengthens the time between a
 * step and the display, which moves `error`, not `stepError`.
 * @returns {Promise<{ pdt: number, postedAt: number, reachedAt: number, shownAt: number, error: number, stepError: number, naiveError: number, latencyMs: number }>}
 */
export async function measureHighlight(page, { token, productId, show = 'demo', timeoutMs = 30_000 }) {
  return page.evaluate(
    async ({ token, productId, show, timeoutMs }) => {
      const probe = window.__liveShopProbe;
      const player = document.querySelector('live-shop');
      const response = await fetch(`/v1/shows/${show}/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'product.highlight', data: { productId } }),
      });
      const postedAt = performance.now();
      if (response.status !== 201) throw new Error(`POST event answered ${response.status}: ${await response.text()}`);
      const envelope = await response.json();
      const latencyMs = Date.now() - (player.currentPdt ?? Number.NaN);
      const deadline = postedAt + timeoutMs;
      while (!probe.firstSeen.has(productId)) {
        if (performance.now() > deadline) throw new Error(`The card for ${productId} was not shown within ${timeoutMs} ms.`);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      const shownAt = probe.firstSeen.get(productId);
      const reached = probe.frames.find(([, pdt]) => pdt >= envelope.pdt);
      if (!reached) throw new Error('No frame at or after the event pdt was recorded.');
      const reachedAt = reached[0];
      return { pdt: envelope.pdt, postedAt, reachedAt, shownAt, error: shownAt - reachedAt, stepError: shownAt - reached[2], naiveError: postedAt - reachedAt, latencyMs };
    },
    { token, productId, show, timeoutMs },
  );
}

/**
 * Clears every highlight and waits until no card is on screen.
 * @param {import('playwright-core').Page} page
 */
export async function clearHighlights(page, { token, show = 'demo', timeoutMs = 30_000 }) {
  await page.evaluate(
    async ({ token, show }) => {
      const response = await fetch(`/v1/shows/${show}/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'product.clear', data: {} }),
      });
      if (response.status !== 201) throw new Error(`POST product.clear answered ${response.status}: ${await response.text()}`);
    },
    { token, show },
  );
  await page.waitForFunction(() => window.__liveShopProbe.visibleCards().length === 0, undefined, { timeout: timeoutMs });
}

/** p-th percentile (0–100) of numbers, nearest rank. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Measures a highlight posted in advance (a DVR rewind or a replay plays through it):
 * resolves when its card has been on screen, with the error against the first recorded
 * frame at or after `pdt`. Clear `__liveShopProbe.frames` after a seek so that frames from
 * before it do not count.
 * @param {import('playwright-core').Page} page
 * @param {{ productId: string, pdt: number, timeoutMs?: number }} options
 * @returns {Promise<{ pdt: number, reachedAt: number, shownAt: number, error: number }>}
 */
export async function measureScheduled(page, { productId, pdt, timeoutMs = 30_000 }) {
  return page.evaluate(
    async ({ productId, pdt, timeoutMs }) => {
      const probe = window.__liveShopProbe;
      const deadline = performance.now() + timeoutMs;
      while (!probe.firstSeen.has(productId)) {
        if (performance.now() > deadline) throw new Error(`The card for ${productId} (pdt ${pdt}) was not shown within ${timeoutMs} ms.`);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      const shownAt = probe.firstSeen.get(productId);
      // The card is drawn in the animation frame before its video frame is displayed; that
      // frame's callback may come a rendering step later.
      let reached = probe.frames.find(([, framePdt]) => framePdt >= pdt);
      while (!reached && performance.now() < deadline) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        reached = probe.frames.find(([, framePdt]) => framePdt >= pdt);
      }
      if (!reached) throw new Error(`No frame at or after pdt ${pdt} was recorded.`);
      return { pdt, reachedAt: reached[0], shownAt, error: shownAt - reached[0] };
    },
    { productId, pdt, timeoutMs },
  );
}

/**
 * Seeks the page's <live-shop> to the frame of `pdt` (live DVR or replay), waits for it,
 * and forgets the frames recorded before.
 * @param {import('playwright-core').Page} page
 */
export async function seekProbeTo(page, pdt) {
  await page.evaluate(async (pdt) => {
    const player = document.querySelector('live-shop');
    const video = player.video;
    const seeked = new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
    video.currentTime += (pdt - player.currentPdt) / 1000;
    await seeked;
    window.__liveShopProbe.frames.length = 0;
  }, pdt);
  await page.waitForFunction((pdt) => Math.abs(document.querySelector('live-shop').currentPdt - pdt) < 1_000, pdt, { timeout: 10_000 });
}
