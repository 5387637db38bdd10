/** Accuracy, macro-F1 and a confusion matrix (rows: truth, columns: predicted). */
export function evaluate(labels: string[], pairs: Array<{ truth: string; predicted: string }>) {
  const index = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  for (const { truth, predicted } of pairs) matrix[index.get(truth)!]![index.get(predicted)!]! += 1;
  const perLabel = labels.map((label, i) => {
    const tp = matrix[i]![i]!;
    const fp = matrix.reduce((s, row, r) => (r === i ? s : s + row[i]!), 0);
    const fn = matrix[i]!.reduce((s, v, c) => (c === i ? s : s + v), 0);
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    return { label, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support: tp + fn };
  });
  const present = perLabel.filter((l) => l.support > 0);
  return {
    n: pairs.length,
    accuracy: pairs.length ? pairs.filter((p) => p.truth === p.predicted).length / pairs.length : 0,
    macroF1: present.length ? present.reduce((s, l) => s + l.f1, 0) / present.length : 0,
    perLabel,
    matrix,
  };
}

export function formatReport(title: string, labels: string[], report: ReturnType<typeof evaluate>): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const width = Math.max(...labels.map((l) => l.length), 9) + 2;
  const lines = [`${title}: n=${report.n}  accuracy ${pct(report.accuracy)}  macro-F1 ${report.macroF1.toFixed(3)}`];
  lines.push(`  ${'truth \\ predicted'.padEnd(width + 8)}${labels.map((l) => l.slice(0, 9).padStart(10)).join('')}`);
  report.matrix.forEach((row, i) =>
    lines.push(`  ${labels[i]!.padEnd(width + 8)}${row.map((v) => String(v).padStart(10)).join('')}   F1 ${report.perLabel[i]!.f1.toFixed(2)}`),
  );
  return lines.join('\n');
}
