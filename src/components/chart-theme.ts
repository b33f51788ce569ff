/**
 * What every chart.js chart of the package shares: colours and type from the element's theme
 * tokens, and options for a screen that redraws for months.
 */
import type { ChartOptions } from 'chart.js';

export interface ChartTheme {
  colour(token: string): string;
  font: { size: number; family: string };
  text: string;
}

export function chartTheme(host: Element): ChartTheme {
  const styles = getComputedStyle(host);
  const colour = (token: string) => styles.getPropertyValue(token).trim() || '#000';
  // The host's computed font size: the token may be an expression such as max(24px, 1.25vw).
  return { colour, font: { size: parseFloat(styles.fontSize) || 16, family: styles.fontFamily }, text: colour('--_text') };
}

/** No animation and no hover work: a wall screen redraws for months. */
export const WALL_CHART_OPTIONS = {
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  events: [],
} as const satisfies ChartOptions<'line'>;
