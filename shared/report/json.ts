import type { ExposureReport } from './model';

/** The JSON report: the documented schema, pretty-printed, ending with a newline. */
export function renderJson(report: ExposureReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
