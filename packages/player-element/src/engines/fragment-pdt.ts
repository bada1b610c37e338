/** The fields of an hls.js Fragment this lookup reads. */
interface TimedFragment {
  readonly start: number;
  readonly duration: number;
  readonly programDateTime: number | null;
  /** Once parsed: where each stream's samples start on the media timeline. */
  readonly elementaryStreams?: { readonly video?: { readonly startPTS: number } | null } | undefined;
}

interface TimedDetails {
  readonly fragments: readonly TimedFragment[];
}

/**
 * The part of an Hls instance the lookup reads. Structural on purpose: mux-player brings
 * hls.js typings of its own, which TypeScript treats as a different class.
 */
export interface HlsTimeline {
  readonly levels: readonly { readonly details?: TimedDetails | undefined }[];
  readonly currentLevel: number;
  readonly latestLevelDetails: TimedDetails | null;
}

/**
 * Program date time of a media time from hls.js' playlist model: find the fragment that
 * contains the time in the playing level and add the offset into it to the fragment's
 * EXT-X-PROGRAM-DATE-TIME. hls.js moves `frag.start` to the parsed PTS, so this stays exact
 * across discontinuities (where media time and dates jump independently), unlike
 * `hls.playingDate`, which follows `currentTime` and the last loaded fragment only.
 *
 * Remembers the last fragment: frame after frame the answer is the same fragment or the
 * next one, so the per-frame cost is a couple of comparisons and no allocation.
 */
export class FragmentPdtLookup {
  #fragments: readonly TimedFragment[] | undefined;
  #index = 0;

  pdtAt(hls: HlsTimeline, mediaTime: number): number | undefined {
    const details = hls.levels[hls.currentLevel]?.details ?? hls.latestLevelDetails;
    const fragments = details?.fragments;
    if (!fragments || fragments.length === 0) return undefined;
    if (fragments !== this.#fragments) {
      // A live playlist reload gives new fragment objects; start the search over.
      this.#fragments = fragments;
      this.#index = 0;
    }
    const fragment = this.#find(fragments, mediaTime);
    if (fragment.programDateTime === null) return undefined;
    return fragment.programDateTime + (mediaTime - videoStart(fragment)) * 1000;
  }

  #find(fragments: readonly TimedFragment[], time: number): TimedFragment {
    const last = fragments.length - 1;
    const current = fragments[this.#index];
    if (current && contains(current, time, this.#index === last)) return current;
    const next = fragments[this.#index + 1];
    if (next && contains(next, time, this.#index + 1 === last)) {
      this.#index++;
      return next;
    }
    // Binary search for the last fragment starting at or before `time`; before the first
    // or after the last, the edge fragment extrapolates.
    let low = 0;
    let high = last;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((fragments[middle] as TimedFragment).start <= time) low = middle;
      else high = middle - 1;
    }
    this.#index = low;
    return fragments[low] as TimedFragment;
  }
}

/**
 * Where the fragment's first video frame is on the media timeline: the frame its
 * EXT-X-PROGRAM-DATE-TIME dates. hls.js sets `frag.start` to the earlier of the first audio
 * and first video sample, so a segment whose audio starts a few ms before its video (AAC
 * priming, B-frame interleaving) would date every frame that much late; the video's own
 * start PTS is exact. Before the fragment is parsed, `start` is all there is.
 */
function videoStart(fragment: TimedFragment): number {
  return fragment.elementaryStreams?.video?.startPTS ?? fragment.start;
}

function contains(fragment: TimedFragment, time: number, isLast: boolean): boolean {
  return fragment.start <= time && (isLast || time < fragment.start + fragment.duration);
}
