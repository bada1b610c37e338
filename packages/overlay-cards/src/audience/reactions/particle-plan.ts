/**
 * How many floating reactions one tick shows: every reaction while there are few, then
 * more slowly (logarithmically) as they pile up, so 5 hearts show 5, 50 show about 17 and
 * 5,000 show about 37, always within `slots` (what the element's cap leaves free). A
 * burst looks bigger without one element per heart.
 */
export function particleCount(reactions: number, slots: number): number {
  if (reactions <= 0 || slots <= 0) return 0;
  const scaled = reactions <= 10 ? reactions : Math.ceil(10 + 3 * Math.log2(reactions / 10));
  return Math.min(scaled, Math.floor(slots));
}

/**
 * The kinds of the particles for one tick's `counts`, shared out in proportion to the
 * counts (largest remainder), each kind that came in getting at least one while there is
 * room, and interleaved so that kinds are mixed on screen rather than in blocks.
 */
export function particlePlan(counts: Readonly<Record<string, number>>, slots: number): string[] {
  // Most reactions first: with less room than kinds, those are the ones shown.
  const kinds = Object.entries(counts)
    .filter(([, count]) => Number.isFinite(count) && count > 0)
    .sort((a, b) => b[1] - a[1]);
  const reactions = kinds.reduce((sum, [, count]) => sum + count, 0);
  const total = particleCount(reactions, slots);
  if (total === 0) return [];
  const shown = kinds.slice(0, total);
  const shownReactions = shown.reduce((sum, [, count]) => sum + count, 0);
  // In proportion to the counts, by largest remainder…
  const shares = shown.map(([kind, count]) => {
    const exact = (count / shownReactions) * total;
    return { kind, take: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = total - shares.reduce((sum, share) => sum + share.take, 0);
  for (const share of [...shares].sort((a, b) => b.remainder - a.remainder)) {
    if (left <= 0) break;
    share.take++;
    left--;
  }
  // …then one for every kind left without, taken from the kind with the most.
  for (const share of shares) {
    if (share.take > 0) continue;
    const largest = shares.reduce((a, b) => (b.take > a.take ? b : a));
    largest.take--;
    share.take = 1;
  }
  const plan: string[] = [];
  for (let round = 0; plan.length < total; round++) {
    for (const share of shares) if (round < share.take) plan.push(share.kind);
  }
  return plan;
}
