export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Runs `task(i)` for i in [0, n) with at most `concurrency` at once. */
export async function pool(n: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

export function row(label: string, balie: number, floor: number, unit: string, higherIsBetter = false): string {
  const ratio = higherIsBetter ? floor / balie : balie / floor;
  return `${label.padEnd(28)}${fmt(balie).padStart(10)}${fmt(floor).padStart(10)}  ${unit.padEnd(6)}${ratio.toFixed(2).padStart(7)}×`;
}

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n.toFixed(1);
}
