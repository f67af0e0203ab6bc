import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Series {
  label: string;
  values: (number | null)[];
  color: string;
  /** Draw as bars (counts) rather than a line (rates). */
  bars?: boolean;
}

const SHANGHAI = 8 * 3_600_000;

/** One uPlot chart over local days; rebuilt when its data changes (a handful of points, so cheap). */
export function DayChart({ title, days, series, percent, testId }: { title: string; days: string[]; series: Series[]; percent?: boolean; testId: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const x = days.map((d) => (Date.parse(`${d}T00:00:00Z`) - SHANGHAI) / 1000);
    const plot = new uPlot(
      {
        title,
        width: Math.max(320, host.current.clientWidth || 640),
        height: 220,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Asia/Shanghai'),
        scales: percent ? { y: { range: [0, 1] } } : {},
        axes: [{}, { values: (_u, ticks) => ticks.map((v) => (percent ? `${Math.round(v * 100)}%` : String(v))) }],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            fill: s.bars ? `${s.color}55` : undefined,
            paths: s.bars ? uPlot.paths.bars!({ size: [0.6, 40] }) : undefined,
            spanGaps: false,
            value: (_u: uPlot, v: number | null) => (v === null ? '–' : percent ? `${(v * 100).toFixed(1)}%` : String(v)),
          })),
        ],
      },
      [x, ...series.map((s) => s.values)] as uPlot.AlignedData,
      host.current,
    );
    return () => plot.destroy();
  }, [title, days.join(), JSON.stringify(series), percent]);
  return <div class="chart" data-testid={testId} ref={host} />;
}
