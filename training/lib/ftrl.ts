import { FEATURE_BITS, type Features } from '../../shared/triage/local/features.js';
import { softmax, type SerializedModel } from '../../shared/triage/local/linear-model.js';

export interface FtrlOptions {
  alpha: number;
  beta: number;
  l1: number;
  l2: number;
  epochs: number;
  seed: number;
}

export const DEFAULT_FTRL: FtrlOptions = { alpha: 0.5, beta: 1, l1: 1, l2: 1, epochs: 12, seed: 7 };

/**
 * Softmax regression trained with FTRL-Proximal (per-coordinate learning rates, L1 for a sparse model), classes
 * weighted by inverse frequency so a rare label is not drowned out.
 */
export function trainSoftmax(rows: Array<{ features: Features; label: number }>, labels: string[], options = DEFAULT_FTRL): SerializedModel {
  const k = labels.length;
  const size = (1 << FEATURE_BITS) * k;
  const z = new Float32Array(size);
  const n = new Float32Array(size);
  const bias = new Array<number>(k).fill(0);
  const counts = labels.map((_, c) => rows.filter((r) => r.label === c).length || 1);
  const classWeight = counts.map((count) => rows.length / (k * count));
  const weight = (at: number): number => {
    const zi = z[at]!;
    if (Math.abs(zi) <= options.l1) return 0;
    return -(zi - Math.sign(zi) * options.l1) / ((options.beta + Math.sqrt(n[at]!)) / options.alpha + options.l2);
  };
  const random = mulberry32(options.seed);
  const order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const { features, label } = rows[i]!;
      const scores = [...bias];
      for (const index of features.indices) for (let c = 0; c < k; c++) scores[c]! += weight(index * k + c) * features.value;
      const p = softmax(scores);
      for (let c = 0; c < k; c++) {
        const g0 = (p[c]! - (c === label ? 1 : 0)) * classWeight[label]!;
        bias[c]! -= 0.05 * g0;
        const g = g0 * features.value;
        for (const index of features.indices) {
          const at = index * k + c;
          const w = weight(at);
          const sigma = (Math.sqrt(n[at]! + g * g) - Math.sqrt(n[at]!)) / options.alpha;
          z[at]! += g - sigma * w;
          n[at]! += g * g;
        }
      }
    }
  }
  return serialize(labels, bias, k, weight, rows.length);
}

function serialize(labels: string[], bias: number[], k: number, weight: (at: number) => number, examples: number): SerializedModel {
  const buckets: number[] = [];
  const values: number[] = [];
  let max = 0;
  for (let index = 0; index < 1 << FEATURE_BITS; index++) {
    const ws = Array.from({ length: k }, (_, c) => weight(index * k + c));
    if (ws.every((w) => w === 0)) continue;
    buckets.push(index);
    values.push(...ws);
    for (const w of ws) max = Math.max(max, Math.abs(w));
  }
  const scale = 32_767 / (max || 1);
  return {
    kind: 'softmax-ftrl-v1',
    labels,
    featureBits: FEATURE_BITS,
    scale,
    bias: bias.map((b) => Math.round(b * 1e4) / 1e4),
    buckets: Buffer.from(Uint32Array.from(buckets).buffer).toString('base64'),
    weights: Buffer.from(Int16Array.from(values.map((w) => Math.round(w * scale))).buffer).toString('base64'),
    trainedOn: { examples, at: new Date().toISOString().slice(0, 10) },
  };
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
