import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { localMidnight } from '@/lib/metrics/history';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
  /** Draw as bars (counts) rather than a line (rates); -1 / 1 puts two bar series side by side. */
  bars?: { align: -1 | 0 | 1 };
  /** Dashed line (pass lines). */
  dash?: number[];
}

const HEIGHT = 240;

/**
 * One uPlot chart over local (Asia/Shanghai) days. Rebuilt when its data changes (30 points per
 * series, so cheap) and resized with its box. uPlot writes titles, labels and values as text,
 * never as markup.
 */
export function DayChart({ title, days, series, percent, testId }: { title: string; days: string[]; series: ChartSeries[]; percent?: boolean; testId: string }) {
  const host = useRef<HTMLDivElement>(null);
  const signature = JSON.stringify([title, days, series, percent]);
  useEffect(() => {
    const box = host.current;
    if (!box) return;
    const width = () => Math.max(320, box.clientWidth || 640);
    const format = (v: number | null) => (v === null ? '–' : percent ? `${(v * 100).toFixed(1)}%` : String(v));
    const plot = new uPlot(
      {
        title,
        width: width(),
        height: HEIGHT,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Asia/Shanghai'),
        scales: { x: { time: true }, y: percent ? { range: [0, 1] } : { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] } },
        axes: [{}, { values: (_u, ticks) => ticks.map((v) => (percent ? `${Math.round(v * 100)}%` : Number.isInteger(v) ? String(v) : '')) }],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: s.dash ? 1 : 2,
            dash: s.dash,
            fill: s.bars ? `${s.color}99` : undefined,
            paths: s.bars ? uPlot.paths.bars!({ size: [0.4, 24], align: s.bars.align }) : undefined,
            points: { show: !s.bars && !s.dash },
            spanGaps: false,
            value: (_u: uPlot, v: number | null) => format(v),
          })),
        ],
      },
      [days.map((d) => localMidnight(d) / 1000), ...series.map((s) => s.values)] as uPlot.AlignedData,
      box,
    );
    const resize = new ResizeObserver(() => width() !== plot.width && plot.setSize({ width: width(), height: HEIGHT }));
    resize.observe(box);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [signature]);
  return <div class="chart" data-testid={testId} ref={host} />;
}
