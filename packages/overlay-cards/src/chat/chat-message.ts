import type { ChatMessage } from '@live-shop/protocol';
import { html, nothing, type TemplateResult } from 'lit';
import { formatTime } from './chat-format.js';
import type { ChatStrings } from './chat-strings.js';

// new Date(x).toISOString() throws beyond ±8.64e15 ms.
const MAX_DATE_MS = 8.64e15;

function badge(message: ChatMessage, strings: ChatStrings): TemplateResult | typeof nothing {
  switch (message.author.role) {
    case 'producer':
      return html`<span part="badge badge-host" class="badge host">${strings.host}</span>`;
    case 'moderator':
      return html`<span part="badge badge-moderator" class="badge moderator">${strings.moderator}</span>`;
    default:
      return nothing;
  }
}

function ownTag(own: boolean, strings: ChatStrings): TemplateResult | typeof nothing {
  return own ? html`<span part="own-tag" class="own-tag">${strings.you}</span>` : nothing;
}

function time(at: number, locale: string | undefined): TemplateResult | typeof nothing {
  if (!Number.isFinite(at) || Math.abs(at) > MAX_DATE_MS) return nothing;
  return html`<time part="time" class="time" dir="auto" datetime=${new Date(at).toISOString()}>${formatTime(at, locale)}</time>`;
}

/**
 * What a message shows, in the list and pinned: author, "You" on the viewer's own, role
 * badge, time, text. Every value is bound as text (Lit never parses a bound string as
 * markup), so a name or text full of tags shows the tags. Links are not turned into
 * links: a chat is where phishing links get posted, and a viewer who means to follow one
 * can still copy it.
 * `<bdi>` and `dir="auto"`: an Arabic name in an English chat (or the reverse) must not
 * reorder what is around it.
 */
export function messageContent(message: ChatMessage, strings: ChatStrings, locale: string | undefined, own: boolean): TemplateResult {
  return html`<div class="meta">
      <bdi part="author" class="author">${message.author.name}</bdi>${ownTag(own, strings)}${badge(message, strings)}${time(message.at, locale)}
    </div>
    <p part="text" class="text" dir="auto">${message.text}</p>`;
}
