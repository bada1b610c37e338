// Bundlers replace `process.env.NODE_ENV` (esbuild `define`, Vite, webpack), so a production
// build keeps none of the dev checks' effects. Loaded unbundled, `process` does not exist and
// the beacon behaves as in production: analytics must never break a brand's page.
declare const process: { env: { NODE_ENV?: string } };

/** Whether the code runs in a development build (evaluated on each call, so tests can switch it). */
export function isDev(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
}

/** The error of a misuse, prefixed so that the page's console says where it comes from. */
export const beaconError = (message: string): Error => new Error(`[live-shop] beacon ${message}`);

/** A misuse of `track`: throws in development so it is fixed; ignored in production. */
export function fail(message: string): void {
  if (isDev()) throw beaconError(message);
}

/** Something the developer should know about, shown in development only. */
export function warn(message: string): void {
  if (isDev()) console.warn(beaconError(message).message);
}
