/** The bench's one statistic, shared by the bench and the script that pools its runs. */

/** The `p`th percentile of `values`: the sample below which `p`% of them fall (nearest rank). */
export function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}
