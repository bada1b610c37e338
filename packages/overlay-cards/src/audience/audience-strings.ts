import type { CountText } from './audience-format.js';

/**
 * Every piece of text the audience elements show or announce. Set a partial object on an
 * element's `strings` property to translate or reword; anything left out keeps its English
 * default. `{name}`-style placeholders are filled in as text; a {@link CountText} may be
 * one string or one per plural category of the locale.
 */
export interface ReactionsStrings {
  /** Names the group of reaction buttons. */
  reactions: string;
  /** The name of each reaction kind, read by screen readers (kinds missing here are read as their id). */
  kindNames: Readonly<Record<string, string>>;
}

export interface PollStrings {
  /** The poll's label, before the question. */
  poll: string;
  vote: string;
  /** The Vote button while the vote is on its way. */
  voting: string;
  /** Shown when Vote is pressed with no answer chosen. */
  chooseAnswer: string;
  /** Beside the viewer's own answer in the results. */
  yourVote: string;
  /** The badge of a closed poll. */
  closed: string;
  /** The time left to vote, on the relay's clock; `{time}`: "00:42". A timer, read when visited. */
  closesIn: string;
  /** Announced once, near the end of the time to vote; `{count}`: the seconds left. */
  secondsLeftToVote: CountText;
  /** Announced when voting closes (the time ran out, or the producer closed the poll). */
  votingClosed: string;
  /** The number of votes; `{count}`. */
  votes: CountText;
  /** Announced when the viewer's vote was counted; `{option}`: the answer's text. */
  voteCounted: string;
  /** Shown and announced when the vote was refused; `{message}`: why, as the relay said it. */
  voteFailed: string;
}

export interface ViewerCountStrings {
  /** `{count}`: the number of viewers, compact ("1.2K") on screen, exact for screen readers. */
  watching: CountText;
}

export const defaultReactionsStrings: Readonly<ReactionsStrings> = Object.freeze({
  reactions: 'Send a reaction',
  kindNames: Object.freeze({ heart: 'Heart', fire: 'Fire', clap: 'Applause', laugh: 'Laughing', wow: 'Wow' }),
});

export const defaultPollStrings: Readonly<PollStrings> = Object.freeze({
  poll: 'Poll',
  vote: 'Vote',
  voting: 'Voting…',
  chooseAnswer: 'Choose an answer, then vote.',
  yourVote: 'Your vote',
  closed: 'Poll closed',
  closesIn: 'Closes in {time}',
  secondsLeftToVote: Object.freeze({ one: '{count} second left to vote', other: '{count} seconds left to vote' }),
  votingClosed: 'Voting closed',
  votes: Object.freeze({ one: '{count} vote', other: '{count} votes' }),
  voteCounted: 'Your vote for {option} was counted.',
  voteFailed: 'Your vote was not counted: {message}',
});

export const defaultViewerCountStrings: Readonly<ViewerCountStrings> = Object.freeze({
  watching: '{count} watching',
});

export function withReactionsDefaults(strings: Partial<ReactionsStrings> | undefined): ReactionsStrings {
  if (!strings) return defaultReactionsStrings;
  // Kind names merge one by one: naming one new kind keeps the others' names.
  return { ...defaultReactionsStrings, ...strings, kindNames: { ...defaultReactionsStrings.kindNames, ...strings.kindNames } };
}

export function withPollDefaults(strings: Partial<PollStrings> | undefined): PollStrings {
  return strings ? { ...defaultPollStrings, ...strings } : defaultPollStrings;
}

export function withViewerCountDefaults(strings: Partial<ViewerCountStrings> | undefined): ViewerCountStrings {
  return strings ? { ...defaultViewerCountStrings, ...strings } : defaultViewerCountStrings;
}
