// Figures and data helpers for the triage evaluation (triage.eval.ts).

/** Macro-averaged F1 over every class present in the gold labels or the predictions (scikit-learn's definition). */
export function macroF1(gold: readonly string[], predicted: readonly string[]): number {
  const classes = new Set([...gold, ...predicted]);
  let sum = 0;
  for (const label of classes) {
    let truePositive = 0;
    let falsePositive = 0;
    let falseNegative = 0;
    gold.forEach((actual, i) => {
      const guess = predicted[i];
      if (guess === label && actual === label) truePositive++;
      else if (guess === label) falsePositive++;
      else if (actual === label) falseNegative++;
    });
    const denominator = 2 * truePositive + falsePositive + falseNegative;
    sum += denominator === 0 ? 0 : (2 * truePositive) / denominator;
  }
  return sum / Math.max(classes.size, 1);
}

/** The q-quantile (0..1) of values by the nearest-rank method. */
export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

const fillers = ['fyi', 'pls look', 'urgent?', 'again', 'cc @oncall', 'any update', '+1', 'seen twice today'];

/**
 * `count` issues resampled from `rows` with light perturbation, for timing retraining at scale: each copy may lose a
 * word, swap two neighbours, change its numbers, be lowercased or gain a filler, so the vocabulary grows as real
 * history does. Deterministic for a given random source.
 */
export function synthesizeHistory<T extends { text: string }>(
  rows: readonly T[],
  count: number,
  random: () => number,
): T[] {
  const pick = <U>(items: readonly U[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, () => {
    const row = pick(rows);
    const words = row.text.split(/\s+/);
    if (words.length > 3 && random() < 0.3) words.splice(Math.floor(random() * words.length), 1);
    if (words.length > 2 && random() < 0.2) {
      const i = Math.floor(random() * (words.length - 1));
      [words[i], words[i + 1]] = [words[i + 1]!, words[i]!];
    }
    let text = words.join(' ').replace(/\d+/g, () => String(Math.floor(random() * 1000)));
    if (random() < 0.2) text = text.toLowerCase();
    if (random() < 0.3) text = `${text} ${pick(fillers)} #${Math.floor(random() * 100_000)}`;
    return { ...row, text };
  });
}
