// A scripted host for the demo: follows the transcript, and when the host names a
// product, highlights it (and says so with a `mention`), then clears it before the next
// one. Events go through the relay like a producer's would, stamped with the moment they
// are sent, so every viewer sees each card when their own video reaches that moment.

/**
 * @param {{ relay: { shows: { append: (show: string, input: object) => Promise<unknown> } }, show: string,
 *   products: { id: string, handle: string }[], transcript: { atSeconds: number, text: string, productHandle: string | null }[] }} options
 * @returns {() => void} stops the autopilot
 */
export function startAutopilot({ relay, show, products, transcript }) {
  const byHandle = new Map(products.map((product) => [product.handle, product]));
  const lines = [...transcript].sort((a, b) => a.atSeconds - b.atSeconds);
  const loopSeconds = (lines.at(-1)?.atSeconds ?? 0) + 10;
  const timers = new Set();
  let current;

  const post = (input) =>
    relay.shows.append(show, input).catch((error) => {
      console.error(`autopilot: could not post ${input.type}: ${error instanceof Error ? error.message : String(error)}`);
    });

  const runLoop = () => {
    for (const line of lines) {
      const timer = setTimeout(async () => {
        timers.delete(timer);
        const product = line.productHandle ? byHandle.get(line.productHandle) : undefined;
        if (!product || product.id === current) return;
        const previous = current;
        current = product.id;
        if (previous) await post({ type: 'product.clear', data: { productId: previous } });
        await post({ type: 'mention', data: { productId: product.id, text: line.text.slice(0, 500) } });
        await post({ type: 'product.highlight', data: { productId: product.id } });
      }, line.atSeconds * 1000);
      timers.add(timer);
    }
    const again = setTimeout(() => {
      timers.delete(again);
      runLoop();
    }, loopSeconds * 1000);
    timers.add(again);
  };
  runLoop();

  return () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };
}
