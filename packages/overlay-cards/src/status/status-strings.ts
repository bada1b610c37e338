/**
 * Every piece of text `<live-shop-status-screen>` shows or announces. Set a partial object
 * on its `strings` property to translate; anything left out keeps its English default.
 * Dates and relative times ("in 3 days") come from Intl for the element's `locale`.
 */
export interface StatusStrings {
  /** Above the title of a scheduled show. */
  upcoming: string;
  /** The title of a show that has none (also the calendar entry's). */
  untitled: string;
  /** The countdown under 24 hours; `{time}` is "02:14:09". */
  startsIn: string;
  /** Once the start time has passed and the show is not live yet. */
  startingSoon: string;
  addToCalendar: string;
  remindMe: string;
  /** Shown, and announced, once a reminder was asked for (see `reminderSet`). */
  reminderSet: string;
  /** Announced when the show goes live (nothing is shown over the video then). */
  live: string;
  ended: string;
  /** The message of a show whose replay is ready. */
  replayReady: string;
  watchReplay: string;
  /** The calendar entry's description; the show's URL follows on its own line. */
  calendarDescription: string;
}

export const defaultStatusStrings: Readonly<StatusStrings> = Object.freeze({
  upcoming: 'Upcoming live show',
  untitled: 'Live shopping show',
  startsIn: 'Starts in {time}',
  startingSoon: 'Starting soon',
  addToCalendar: 'Add to calendar',
  remindMe: 'Remind me',
  reminderSet: 'Reminder set: we’ll let you know when the show starts.',
  live: 'The show is live',
  ended: 'This show has ended',
  replayReady: 'The replay is ready',
  watchReplay: 'Watch the replay',
  calendarDescription: 'Watch and shop live.',
});

export function withStatusDefaults(strings: Partial<StatusStrings> | undefined): StatusStrings {
  return strings ? { ...defaultStatusStrings, ...strings } : defaultStatusStrings;
}
