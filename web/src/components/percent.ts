/** A share of 1 as a whole percentage: 0.823 → "82%". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
