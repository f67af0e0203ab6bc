/** What `onScreen` needs of an element: its box on screen. */
interface Boxed {
  getBoundingClientRect(): { top: number; bottom: number; height: number };
}

/**
 * The elements of a list, in document order, whose box is on screen (0 ≤ bottom, top ≤ height),
 * without measuring every one: rows of a list are stacked top to bottom, so a binary search finds
 * the first row reaching the screen, and the walk stops at the first row below it. A hidden row
 * (no box: a collapsed group) measures 0 and is walked over, never returned. Placing chips for
 * 3,000 waiting buyers on a 10,000-row list measures a few dozen rows instead of 3,000.
 */
export function onScreen<T extends Boxed>(ordered: readonly T[], viewportHeight: number): { el: T; rect: ReturnType<T['getBoundingClientRect']> }[] {
  let lo = 0;
  let hi = ordered.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ordered[mid]!.getBoundingClientRect().bottom < 0) lo = mid + 1;
    else hi = mid;
  }
  const found: { el: T; rect: ReturnType<T['getBoundingClientRect']> }[] = [];
  for (let i = lo; i < ordered.length; i++) {
    const rect = ordered[i]!.getBoundingClientRect() as ReturnType<T['getBoundingClientRect']>;
    if (rect.height === 0) continue;
    if (rect.top > viewportHeight) break;
    if (rect.bottom >= 0) found.push({ el: ordered[i]!, rect });
  }
  return found;
}
