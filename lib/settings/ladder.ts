/** Warning ladders as agents write them: "24h, 4h, 1h, 15m" (also 天/小时/分钟/秒). */
const UNITS: [RegExp, number][] = [
  [/^(\d+(?:\.\d+)?)\s*(d|天)$/i, 86_400_000],
  [/^(\d+(?:\.\d+)?)\s*(h|小时|时)$/i, 3_600_000],
  [/^(\d+(?:\.\d+)?)\s*(m|min|分钟|分)$/i, 60_000],
  [/^(\d+(?:\.\d+)?)\s*(s|秒)$/i, 1_000],
];

export function parseLadder(text: string): { ok: true; ms: number[] } | { ok: false; error: string } {
  const parts = text.split(/[,，、\s]+/).filter(Boolean);
  const ms: number[] = [];
  for (const part of parts) {
    const unit = UNITS.find(([re]) => re.test(part));
    if (!unit) return { ok: false, error: `“${part}”无法识别：请写成 24h、4h、1h、15m 这样` };
    const value = Math.round(Number(unit[0].exec(part)![1]) * unit[1]);
    if (value <= 0) return { ok: false, error: `“${part}”必须大于 0` };
    ms.push(value);
  }
  // Largest first, no repeats: each rung fires once, earliest first.
  return { ok: true, ms: [...new Set(ms)].sort((a, b) => b - a) };
}

export function formatLadder(ms: readonly number[]): string {
  return ms
    .map((v) => (v % 86_400_000 === 0 && v > 3 * 86_400_000 ? `${v / 86_400_000}d` : v % 3_600_000 === 0 ? `${v / 3_600_000}h` : v % 60_000 === 0 ? `${v / 60_000}m` : `${v / 1000}s`))
    .join(', ');
}
