/**
 * The console page's entry (bundled to dist/console/main.js): reads the show, the preview
 * stream and an optional token from the address, then starts <live-shop-console>.
 *
 *   /console/?show=demo&src=/hls/live.m3u8#token=eyJ…
 */
import './define.js';
import { DEFAULT_PREVIEW_SRC, TAGS } from './constants.js';
import { readClaims, saveToken, tokenFromFragment } from './relay/token.js';

const params = new URLSearchParams(location.search);
const { token, rest } = tokenFromFragment(location.hash);
const claimedShow = token ? readClaims(token)?.show : undefined;
const show = params.get('show')?.trim() || (typeof claimedShow === 'string' ? claimedShow : '');

if (token !== undefined) {
  if (show) saveToken(show, token);
  // Out of the address bar (and so out of the history, bookmarks and screen shares) at once.
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest}`);
}

const app = document.querySelector(TAGS.app) ?? document.body.appendChild(document.createElement(TAGS.app));
app.show = show;
app.src = params.get('src')?.trim() || DEFAULT_PREVIEW_SRC;
if (show) document.title = `${show} · live-shop producer console`;
