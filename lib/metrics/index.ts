import { metricDefsFor } from './defs';
import { computeMetric } from './engine';
import type { ComputeOptions, DayLog, MetricResult } from './types';

export * from './types';
export * from './defs';
export { computeMetric, clockMs, dayStart, rateMissesLeft, shareMissesLeft, SHANGHAI_UTC_OFFSET_MINUTES, validateMetricDef, windowBounds } from './engine';

/** Every metric of the log's platform for that day. */
export function computeDayMetrics(log: DayLog, options: ComputeOptions = {}): MetricResult[] {
  return metricDefsFor(log.platform).map((def) => computeMetric(def, log, options));
}
