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
    const fragments = fragmentsOf(hls);
    if (!fragments) return undefined;
    if (fragments !== this.#fragments) {
      // A live playlist reload gives new fragment objects; start the search over.
      this.#fragments = fragments;
      this.#index = 0;
    }
    const fragment = this.#find(fragments, mediaTime);
    if (fragment.programDateTime === null) return undefined;
    return fragment.programDateTime + (mediaTime - videoStart(fragment)) * 1000;
  }

  /**
   * The inverse of {@link pdtAt}: the media time (seconds) of the frame dated `pdt`, from
   * the fragment whose dates contain it (so exact across discontinuities too). A pdt in a
   * gap between two fragments' dates maps to the start of the later one (the next moment
   * the stream shows). Undefined outside the playlist's dates (before its first fragment,
   * after the end of its last) or while they are unknown. Not on the per-frame path.
   */
  mediaTimeAt(hls: HlsTimeline, pdt: number): number | undefined {
    const fragments = fragmentsOf(hls);
    if (!fragments || !Number.isFinite(pdt)) return undefined;
    let dated = false;
    for (const [index, fragment] of fragments.entries()) {
      const date = fragment.programDateTime;
      if (date === null) continue;
      if (pdt < date) return dated ? videoStart(fragment) : undefined;
      // A fragment's end date is the next one's first frame; only the last fragment keeps it.
      const end = date + fragment.duration * 1000;
      if (pdt < end || (pdt === end && index === fragments.length - 1)) return videoStart(fragment) + (pdt - date) / 1000;
      dated = true;
    }
    return undefined;
  }

  /** The dates the playlist covers: from its first fragment's date to the end of its last. */
  pdtRange(hls: HlsTimeline): { startPdt: number; endPdt: number } | undefined {
    const fragments = fragmentsOf(hls);
    const first = fragments?.find((fragment) => fragment.programDateTime !== null);
    const last = fragments?.findLast((fragment) => fragment.programDateTime !== null);
    if (!first || !last) return undefined;
    return { startPdt: first.programDateTime as number, endPdt: (last.programDateTime as number) + last.duration * 1000 };
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
function fragmentsOf(hls: HlsTimeline): readonly TimedFragment[] | undefined {
  const fragments = (hls.levels[hls.currentLevel]?.details ?? hls.latestLevelDetails)?.fragments;
  return fragments && fragments.length > 0 ? fragments : undefined;
}

function videoStart(fragment: TimedFragment): number {
  return fragment.elementaryStreams?.video?.startPTS ?? fragment.start;
}

function contains(fragment: TimedFragment, time: number, isLast: boolean): boolean {
  return fragment.start <= time && (isLast || time < fragment.start + fragment.duration);
}
