import { describe, expect, it } from 'vitest';
import { onScreen } from '@/lib/content/on-screen';

/** Rows 40 px high stacked from `top`, some hidden (no box); counts how many were measured. */
function list(count: number, top: number, hidden: Set<number> = new Set()) {
  let measured = 0;
  let y = top;
  const rows = Array.from({ length: count }, (_, i) => {
    const box = hidden.has(i) ? { top: 0, bottom: 0, height: 0 } : { top: y, bottom: y + 40, height: 40 };
    if (!hidden.has(i)) y += 40;
    return { i, getBoundingClientRect: () => (measured++, box) };
  });
  return { rows, measured: () => measured };
}

describe('onScreen', () => {
  it('returns exactly the rows on screen of a 10,000-row list scrolled to the middle, measuring a few dozen', () => {
    const { rows, measured } = list(10_000, -200_000);
    const seen = onScreen(rows, 800).map((r) => r.el.i);
    expect(seen).toEqual(Array.from({ length: 22 }, (_, k) => 4999 + k)); // 4999 (bottom at 0) … 5020 (top at 800)
    expect(measured()).toBeLessThan(60);
  });

  it('agrees with measuring every row, with hidden rows anywhere', () => {
    for (const top of [-1000, -35, 0, 300, 5000]) {
      const hidden = new Set([0, 3, 4, 25, 26, 27, 60]);
      const { rows } = list(100, top, hidden);
      const everyRow = rows.filter((r) => {
        const b = r.getBoundingClientRect();
        return b.height > 0 && b.bottom >= 0 && b.top <= 600;
      });
      expect(onScreen(rows, 600).map((r) => r.el.i), `top ${top}`).toEqual(everyRow.map((r) => r.i));
    }
  });

  it('an empty list has nothing on screen', () => {
    expect(onScreen([], 800)).toEqual([]);
  });
});
