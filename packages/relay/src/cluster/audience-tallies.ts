import { RedisScript, type RedisClient } from '../redis-client.js';

/** Counts by reaction kind or poll option. */
export type Counts = Record<string, number>;

/** One opening of a poll: a poll opened again (same `pollId`) is a new one, with its own votes. */
export interface PollRef {
  pollId: string;
  /** The seq of its `poll.open`: the same on every relay, so the key of its tally. */
  openSeq: number;
}

/** What a relay brings to a show's round, and what it wants to know. */
export interface TallyRound {
  /** The reactions of this relay's sockets since its last round. */
  add: Counts;
  /** The totals the show's log holds from earlier rounds: where the shared totals start when Redis has none (a new show, expired keys). */
  seed: Counts;
  /** The polls whose counts to read. */
  polls: readonly PollRef[];
}

export interface TallyRoundResult {
  /** Every relay's reactions so far. */
  totals: Counts;
  /** The counts of `polls`, in order (empty when nobody voted yet). */
  polls: Counts[];
}

export type VoteOutcome =
  | { outcome: 'counted'; counts: Counts }
  /** The same option again: a harmless retry. */
  | { outcome: 'same' }
  /** Another option than the viewer's first. */
  | { outcome: 'other'; earlier: string }
  | { outcome: 'closed' };

/** What a relay took on itself to write to the log. */
export interface RollupClaim {
  /** The reactions since the last write to the log, by kind (empty: none). */
  reactions: Counts;
  /** The polls whose counts changed since their last write, with their counts. */
  polls: { poll: PollRef; counts: Counts }[];
}

/**
 * A show's reactions and poll votes shared by every relay process (cluster mode): the
 * audience (audience/cluster-tally.ts) adds its sockets' reactions and votes here and
 * reads everyone's.
 */
export interface AudienceTallies {
  /** Adds this relay's reactions, and reads the totals and the polls' counts. */
  round(show: string, round: TallyRound): Promise<TallyRoundResult>;
  /**
   * Records a viewer's vote, once per viewer and poll across relays. `seed`: the poll's
   * latest counts in the log, where its counts start when Redis has none of its votes.
   */
  vote(show: string, poll: PollRef, viewerId: string, optionId: string, seed: Counts): Promise<VoteOutcome>;
  /** Closes the poll to votes; its counts if they changed since their last write to the log (then written by the caller). */
  closePoll(show: string, poll: PollRef): Promise<Counts | undefined>;
  /** Makes `counts` the poll's counts (a `poll.results` a producer posted: in the log already). */
  setPollCounts(show: string, poll: PollRef, counts: Counts): Promise<void>;
  /**
   * Takes on the writing to the log of what it lacks: the reactions and the changed
   * polls among `polls`. With a `period` (the number of the log interval, on the relay's
   * clock), only the first relay to ask in that period gets it (undefined for the others),
   * so that the log gets one write per period, not one per relay; without one, always.
   */
  claimRollup(show: string, period: number | undefined, polls: readonly PollRef[]): Promise<RollupClaim | undefined>;
  /** Gives back a claim whose write to the log failed, for the next claim to take. */
  releaseRollup(show: string, claim: RollupClaim): Promise<void>;
}

export interface RedisAudienceTalliesOptions {
  /** A connected client (the relay shares one with its viewer counts). */
  client: RedisClient;
  /** The first part of every key. Default `live-shop`. */
  prefix?: string;
  /** How long a show's keys stay after their last change, in ms. Default 24 h. */
  keepMs?: number;
}

export const DEFAULT_KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * KEYS: the show's reaction totals, the totals written to the log, then the counts hash
 * of each poll to read.
 * ARGV: keep ms; the number of reactions to add, then kind, count pairs; then the seed's
 * kind, total pairs (used only when the totals are missing: written to both hashes, as
 * they are in the log).
 * Returns {totals as a flat HGETALL, then each poll's counts}.
 */
const ROUND = new RedisScript(`
local adds = tonumber(ARGV[2])
local seedFrom = 3 + 2 * adds
local wrote = adds > 0
if seedFrom <= #ARGV and redis.call('EXISTS', KEYS[1]) == 0 then
  for j = seedFrom, #ARGV, 2 do
    redis.call('HSET', KEYS[1], ARGV[j], ARGV[j + 1])
    redis.call('HSET', KEYS[2], ARGV[j], ARGV[j + 1])
  end
  wrote = true
end
for j = 3, seedFrom - 1, 2 do redis.call('HINCRBY', KEYS[1], ARGV[j], ARGV[j + 1]) end
if wrote then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  redis.call('PEXPIRE', KEYS[2], ARGV[1])
end
local reply = { redis.call('HGETALL', KEYS[1]) }
for k = 3, #KEYS do reply[#reply + 1] = redis.call('HGETALL', KEYS[k]) end
return reply
`);

/**
 * KEYS: the poll's voters (viewer id → option), counts (option → votes), state
 * (changes, logged, closed).
 * ARGV: viewer id, option id, keep ms, then the seed's option, count pairs (used when the
 * poll has no state yet).
 * The first vote of a viewer counts; `changes` counts the changes, so that a write to the
 * log can say which it includes (`logged`).
 */
const VOTE = new RedisScript(`
if redis.call('HGET', KEYS[3], 'closed') == '1' then return {'closed'} end
local earlier = redis.call('HGET', KEYS[1], ARGV[1])
if earlier then
  if earlier == ARGV[2] then return {'same'} end
  return {'other', earlier}
end
if #ARGV > 3 and redis.call('EXISTS', KEYS[3]) == 0 then
  for j = 4, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[j], ARGV[j + 1]) end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
redis.call('HINCRBY', KEYS[3], 'changes', 1)
for k = 1, 3 do redis.call('PEXPIRE', KEYS[k], ARGV[3]) end
return {'counted', redis.call('HGETALL', KEYS[2])}
`);

/**
 * KEYS: the poll's counts, state. ARGV: keep ms.
 * Closes the poll; returns its counts when they changed since the last write to the log
 * (now the caller's to write), else nil. Votes after it are refused, so those counts are final.
 */
const CLOSE = new RedisScript(`
redis.call('HSET', KEYS[2], 'closed', '1')
redis.call('PEXPIRE', KEYS[2], ARGV[1])
local changes = tonumber(redis.call('HGET', KEYS[2], 'changes') or '0')
if changes <= tonumber(redis.call('HGET', KEYS[2], 'logged') or '0') then return false end
redis.call('HSET', KEYS[2], 'logged', changes)
return redis.call('HGETALL', KEYS[1])
`);

/** KEYS: the poll's counts, state. ARGV: keep ms, then option, count pairs. */
const SET_COUNTS = new RedisScript(`
redis.call('DEL', KEYS[1])
for j = 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[j], ARGV[j + 1]) end
local changes = redis.call('HINCRBY', KEYS[2], 'changes', 1)
redis.call('HSET', KEYS[2], 'logged', changes)
for k = 1, 2 do redis.call('PEXPIRE', KEYS[k], ARGV[1]) end
return 1
`);

/**
 * KEYS: the show's last claimed log period, its reaction totals, the totals written to
 * the log, then each poll's counts and state.
 * ARGV: the period ('' for a claim whatever the period), keep ms.
 * Returns nil when the period was claimed already, else {reactions as kind, count pairs,
 * {poll index (1-based), its counts as a flat HGETALL, …}}.
 */
const CLAIM = new RedisScript(`
if ARGV[1] ~= '' then
  local last = redis.call('GET', KEYS[1])
  if last and tonumber(last) >= tonumber(ARGV[1]) then return false end
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
end
local reactions = {}
local totals = redis.call('HGETALL', KEYS[2])
for j = 1, #totals, 2 do
  local total = tonumber(totals[j + 1])
  local logged = tonumber(redis.call('HGET', KEYS[3], totals[j]) or '0')
  if total > logged then
    reactions[#reactions + 1] = totals[j]
    reactions[#reactions + 1] = total - logged
    redis.call('HSET', KEYS[3], totals[j], total)
  end
end
if #reactions > 0 then redis.call('PEXPIRE', KEYS[3], ARGV[2]) end
local polls = {}
for k = 4, #KEYS, 2 do
  local changes = tonumber(redis.call('HGET', KEYS[k + 1], 'changes') or '0')
  if changes > tonumber(redis.call('HGET', KEYS[k + 1], 'logged') or '0') then
    redis.call('HSET', KEYS[k + 1], 'logged', changes)
    polls[#polls + 1] = (k - 2) / 2
    polls[#polls + 1] = redis.call('HGETALL', KEYS[k])
  end
end
return {reactions, polls}
`);

/**
 * KEYS: the show's reaction totals written to the log, then each poll's state.
 * ARGV: keep ms, the number of kinds, then kind, -count pairs.
 * Undoes a claim whose write to the log failed: the reactions count as not written, and
 * the polls as changed since their last write (the next claim writes their counts again).
 */
const RELEASE = new RedisScript(`
local kinds = tonumber(ARGV[2])
for j = 3, 2 + 2 * kinds, 2 do redis.call('HINCRBY', KEYS[1], ARGV[j], ARGV[j + 1]) end
if kinds > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
for k = 2, #KEYS do
  redis.call('HSET', KEYS[k], 'logged', '0')
  redis.call('PEXPIRE', KEYS[k], ARGV[1])
end
return 1
`);

/** A flat `[field, value, …]` reply as counts (an own property whatever the field, even "__proto__"). */
function readCounts(flat: readonly unknown[]): Counts {
  const entries: [string, number][] = [];
  for (let index = 0; index + 1 < flat.length; index += 2) entries.push([String(flat[index]), Number(flat[index + 1])]);
  return Object.fromEntries(entries);
}

function pairs(counts: Counts): string[] {
  return Object.entries(counts).flatMap(([field, count]) => [field, String(count)]);
}

/**
 * {@link AudienceTallies} in Redis (the relay's `redisUrl`), one Lua script per operation,
 * so atomic across relays. Keys (prefix `live-shop`), each kept `keepMs` (24 h) after its
 * last change:
 *
 * - `<prefix>:show:<id>:reactions` (hash kind → every relay's reactions so far) and
 *   `<prefix>:show:<id>:reactions:logged` (hash kind → the part of them the log has);
 * - `<prefix>:show:<id>:rollup` (the last log period a relay claimed);
 * - per opening of a poll (its `poll.open`'s seq): `<prefix>:show:<id>:poll:<seq>:voters`
 *   (hash viewer id → option), `…:counts` (hash option → votes), `…:state` (hash
 *   `changes`, `logged`, `closed`).
 */
export class RedisAudienceTallies implements AudienceTallies {
  readonly #client: RedisClient;
  readonly #prefix: string;
  readonly #keep: string;

  constructor(options: RedisAudienceTalliesOptions) {
    this.#client = options.client;
    this.#prefix = options.prefix ?? 'live-shop';
    this.#keep = String(options.keepMs ?? DEFAULT_KEEP_MS);
  }

  async round(show: string, round: TallyRound): Promise<TallyRoundResult> {
    const keys = [this.#key(show, 'reactions'), this.#key(show, 'reactions:logged'), ...round.polls.map((poll) => this.#pollKey(show, poll, 'counts'))];
    const add = pairs(round.add);
    const args = [this.#keep, String(add.length / 2), ...add, ...pairs(round.seed)];
    const [totals = [], ...polls] = await ROUND.run<unknown[][]>(this.#client, keys, args);
    return { totals: readCounts(totals), polls: polls.map(readCounts) };
  }

  async vote(show: string, poll: PollRef, viewerId: string, optionId: string, seed: Counts): Promise<VoteOutcome> {
    const keys = (['voters', 'counts', 'state'] as const).map((part) => this.#pollKey(show, poll, part));
    const [outcome, value] = await VOTE.run<[string, unknown?]>(this.#client, keys, [viewerId, optionId, this.#keep, ...pairs(seed)]);
    switch (outcome) {
      case 'counted':
        return { outcome, counts: readCounts(value as unknown[]) };
      case 'other':
        return { outcome, earlier: String(value) };
      case 'same':
      case 'closed':
        return { outcome };
      default:
        throw new Error(`Unexpected reply to a vote from Redis: ${String(outcome)}`);
    }
  }

  async closePoll(show: string, poll: PollRef): Promise<Counts | undefined> {
    const reply = await CLOSE.run<unknown[] | null>(this.#client, [this.#pollKey(show, poll, 'counts'), this.#pollKey(show, poll, 'state')], [this.#keep]);
    return reply ? readCounts(reply) : undefined;
  }

  async setPollCounts(show: string, poll: PollRef, counts: Counts): Promise<void> {
    await SET_COUNTS.run(this.#client, [this.#pollKey(show, poll, 'counts'), this.#pollKey(show, poll, 'state')], [this.#keep, ...pairs(counts)]);
  }

  async claimRollup(show: string, period: number | undefined, polls: readonly PollRef[]): Promise<RollupClaim | undefined> {
    const keys = [
      this.#key(show, 'rollup'),
      this.#key(show, 'reactions'),
      this.#key(show, 'reactions:logged'),
      ...polls.flatMap((poll) => [this.#pollKey(show, poll, 'counts'), this.#pollKey(show, poll, 'state')]),
    ];
    const reply = await CLAIM.run<[unknown[], unknown[]] | null>(this.#client, keys, [period === undefined ? '' : String(period), this.#keep]);
    if (!reply) return undefined;
    const [reactions, changed] = reply;
    const claimed: RollupClaim['polls'] = [];
    for (let index = 0; index + 1 < changed.length; index += 2) {
      const poll = polls[Number(changed[index]) - 1];
      if (poll) claimed.push({ poll, counts: readCounts(changed[index + 1] as unknown[]) });
    }
    return { reactions: readCounts(reactions), polls: claimed };
  }

  async releaseRollup(show: string, claim: RollupClaim): Promise<void> {
    const logged = this.#key(show, 'reactions:logged');
    const kinds = Object.keys(claim.reactions);
    await RELEASE.run(
      this.#client,
      [logged, ...claim.polls.map(({ poll }) => this.#pollKey(show, poll, 'state'))],
      [this.#keep, String(kinds.length), ...kinds.flatMap((kind) => [kind, String(-(claim.reactions[kind] ?? 0))])],
    );
  }

  #key(show: string, part: string): string {
    return `${this.#prefix}:show:${show}:${part}`;
  }

  #pollKey(show: string, poll: PollRef, part: 'voters' | 'counts' | 'state'): string {
    return `${this.#prefix}:show:${show}:poll:${poll.openSeq}:${part}`;
  }
}
