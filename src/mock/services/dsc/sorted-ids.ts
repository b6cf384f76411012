/** Ascending lists of record ids: the per-project indexes of templates kept in order for paged listing. */

/** The first index of `arr` whose id is not below `v`. */
function lowerBound(arr: number[], v: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function insertSorted(arr: number[], v: number): void {
  if (arr.length === 0 || arr[arr.length - 1]! < v) arr.push(v);
  else arr.splice(lowerBound(arr, v), 0, v);
}

export function removeSorted(arr: number[], v: number): void {
  const i = lowerBound(arr, v);
  if (arr[i] === v) arr.splice(i, 1);
}

/** The ids of several ascending lists, merged in ascending order. */
export function* mergeSorted(lists: number[][]): Generator<number> {
  if (lists.length === 1) {
    yield* lists[0]!;
    return;
  }
  const pos = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const v = lists[i]![pos[i]!];
      if (v !== undefined && (best < 0 || v < lists[best]![pos[best]!]!)) best = i;
    }
    if (best < 0) return;
    yield lists[best]![pos[best]!]!;
    pos[best]!++;
  }
}
