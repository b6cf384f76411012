/**
 * "Did you mean …?": the known name nearest to a misspelled one, by edit distance (insertions, deletions,
 * substitutions and swaps of neighbours count one each). Used by the region check and the unknown-field check.
 */

/** Edit distance of `a` and `b` (optimal string alignment), stopping early once it exceeds `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The candidate nearest to `word` (case-insensitive), when it is near enough to be a likely typo: at most a third
 * of the word's length away (at least 1, at most 4 edits; a word under 3 characters only matches by case). The
 * first of equally near candidates wins. `undefined` when nothing is that close.
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const limit = w.length < 3 ? 0 : Math.min(4, Math.max(1, Math.floor(w.length / 3)));
  let found: string | undefined;
  let foundDistance = limit + 1;
  for (const candidate of candidates) {
    const d = distance(w, candidate.toLowerCase(), Math.min(limit, foundDistance));
    if (d < foundDistance) {
      found = candidate;
      foundDistance = d;
    }
  }
  return found;
}

/** `; did you mean <nearest>?` or `''`. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const near = nearest(word, candidates);
  return near === undefined ? '' : `; did you mean ${near}?`;
}
