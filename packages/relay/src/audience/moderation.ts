import { BLOCKLIST_MAX_WORDS, VIEWER_ID, type ModerationAction, type ModerationResult, type ModerationView } from '@live-shop/protocol';
import type { ShowRegistry } from '../show-registry.js';
import { Blocklist, normalizeWord } from './blocklist.js';
import { emptyModerationSettings, type BanKind, type ModerationSettings, type ModerationStore } from './moderation-store.js';
import { Refusal } from './refusal.js';

/** Bans name the ids the relay gives viewers (a message's `author.id`); nothing else can be banned. */
function checkAuthorId(authorId: string): void {
  if (!VIEWER_ID.test(authorId)) {
    throw new Refusal(400, 'invalid_intent', 'authorId must be a viewer id as a chat message\'s author.id gives it ("v_…").', 'authorId');
  }
}

/** One show's moderation settings in memory, with the blocklist compiled. */
export class ShowModeration {
  readonly #show: string;
  readonly #store: ModerationStore;
  #settings: ModerationSettings;
  #blocklist: Blocklist;
  #saving: Promise<void> = Promise.resolve();

  constructor(show: string, store: ModerationStore, settings: ModerationSettings) {
    this.#show = show;
    this.#store = store;
    this.#settings = settings;
    this.#blocklist = new Blocklist(settings.blocklist);
  }

  get slowModeSeconds(): number {
    return this.#settings.slowModeSeconds;
  }

  get blocklist(): Blocklist {
    return this.#blocklist;
  }

  /** Whether the author is banned or shadow-banned. */
  banOf(authorId: string): BanKind | undefined {
    return Object.hasOwn(this.#settings.bans, authorId) ? this.#settings.bans[authorId]?.kind : undefined;
  }

  view(): ModerationView {
    const bans = Object.entries(this.#settings.bans);
    return {
      slowModeSeconds: this.#settings.slowModeSeconds,
      blocklist: [...this.#blocklist.words],
      banned: bans.filter(([, ban]) => ban.kind === 'ban').map(([id]) => id).sort(),
      shadowBanned: bans.filter(([, ban]) => ban.kind === 'shadow-ban').map(([id]) => id).sort(),
    };
  }

  /**
   * Changes the settings at once (so the next message obeys them) and saves them. Saves
   * run one after another, each with the settings as they are then, so the store ends
   * with the latest.
   */
  update(change: (settings: ModerationSettings) => void): Promise<void> {
    const next: ModerationSettings = structuredClone(this.#settings);
    change(next);
    next.blocklist = [...new Blocklist(next.blocklist).words];
    this.#settings = next;
    this.#blocklist = new Blocklist(next.blocklist);
    const saved = this.#saving.then(() => this.#store.save(this.#show, structuredClone(this.#settings)));
    this.#saving = saved.catch(() => undefined);
    return saved;
  }
}

/**
 * Moderation of every show: settings loaded once per show from the
 * {@link ModerationStore} and kept in memory, and the actions of moderators and
 * producers (delete and pin append `chat.delete` / `chat.pin` to the log).
 */
export class Moderation {
  readonly #store: ModerationStore;
  readonly #shows: ShowRegistry;
  readonly #now: () => number;
  readonly #loaded = new Map<string, Promise<ShowModeration>>();

  constructor(store: ModerationStore, shows: ShowRegistry, now: () => number) {
    this.#store = store;
    this.#shows = shows;
    this.#now = now;
  }

  /** The show's settings, loaded on first use. */
  forShow(show: string): Promise<ShowModeration> {
    let loading = this.#loaded.get(show);
    if (!loading) {
      loading = this.#store.load(show).then((settings) => new ShowModeration(show, this.#store, { ...emptyModerationSettings(), ...settings }));
      // A failed load is tried again next time rather than remembered.
      loading.catch(() => this.#loaded.delete(show));
      this.#loaded.set(show, loading);
    }
    return loading;
  }

  async view(show: string): Promise<ModerationView> {
    return (await this.forShow(show)).view();
  }

  /** Applies a validated action (see `ModerationAction` in the protocol). */
  async apply(show: string, action: ModerationAction): Promise<ModerationResult> {
    const moderation = await this.forShow(show);
    switch (action.action) {
      case 'delete': {
        const event = await this.#shows.append(show, { type: 'chat.delete', data: { messageId: action.messageId } });
        return { event, moderation: moderation.view() };
      }
      case 'pin': {
        const { state } = await this.#shows.state(show);
        if (!state.chat.messages.some((message) => message.messageId === action.messageId)) {
          throw new Refusal(404, 'message_not_found', `There is no recent chat message "${action.messageId.slice(0, 80)}" to pin; pin one of the last messages of the chat.`, 'messageId');
        }
        const event = await this.#shows.append(show, { type: 'chat.pin', data: { messageId: action.messageId } });
        return { event, moderation: moderation.view() };
      }
      case 'unpin': {
        const event = await this.#shows.append(show, { type: 'chat.pin', data: { messageId: null } });
        return { event, moderation: moderation.view() };
      }
      case 'ban':
      case 'shadow-ban': {
        const kind = action.action;
        checkAuthorId(action.authorId);
        await moderation.update((settings) => {
          settings.bans[action.authorId] = { kind, at: this.#now() };
        });
        return { moderation: moderation.view() };
      }
      case 'unban':
        checkAuthorId(action.authorId);
        await moderation.update((settings) => {
          delete settings.bans[action.authorId];
        });
        return { moderation: moderation.view() };
      case 'slow-mode':
        await moderation.update((settings) => {
          settings.slowModeSeconds = action.seconds;
        });
        return { moderation: moderation.view() };
      case 'blocklist':
        await moderation.update((settings) => {
          let words = new Set(action.set?.map(normalizeWord) ?? settings.blocklist);
          for (const word of action.add ?? []) words.add(normalizeWord(word));
          const removed = new Set((action.remove ?? []).map(normalizeWord));
          words = new Set([...words].filter((word) => !removed.has(word)));
          if (words.size > BLOCKLIST_MAX_WORDS) {
            throw new Refusal(400, 'invalid_intent', `The blocklist would hold ${words.size} words, more than ${BLOCKLIST_MAX_WORDS}; remove some first.`, 'add');
          }
          settings.blocklist = [...words];
        });
        return { moderation: moderation.view() };
    }
  }
}
