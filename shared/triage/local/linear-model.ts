import type { Features } from './features.js';

/** What `npm run train` writes: a sparse linear model per label set, weights quantized to int16. */
export interface SerializedModel {
  kind: 'softmax-ftrl-v1';
  labels: string[];
  featureBits: number;
  scale: number;
  bias: number[];
  /** base64 of a Uint32Array of bucket indices, sorted */
  buckets: string;
  /** base64 of an Int16Array: labels.length weights per bucket */
  weights: string;
  trainedOn: { examples: number; at: string };
}

/**
 * Multinomial logistic regression over hashed features. Only buckets with a non-zero weight are kept (training
 * uses L1, so the model stays small), and lookups are a binary search over sorted buckets: no Map to build at cold
 * start, well under a millisecond per message.
 */
export class LinearModel {
  private readonly buckets: Uint32Array;
  private readonly weights: Int16Array;

  constructor(readonly model: SerializedModel) {
    this.buckets = new Uint32Array(Buffer.from(model.buckets, 'base64').buffer.slice(0));
    const raw = Buffer.from(model.weights, 'base64');
    this.weights = new Int16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  }

  get labels(): string[] {
    return this.model.labels;
  }

  /** Probability of each label, in `labels` order. */
  predict(features: Features): number[] {
    const k = this.model.labels.length;
    const scores = [...this.model.bias];
    for (const index of features.indices) {
      const at = this.find(index);
      if (at < 0) continue;
      for (let c = 0; c < k; c++) scores[c]! += (this.weights[at * k + c]! / this.model.scale) * features.value;
    }
    return softmax(scores);
  }

  /** How much one feature pushes towards `label` in this text (for reasons). */
  contribution(index: number, label: number, value: number): number {
    const at = this.find(index);
    return at < 0 ? 0 : (this.weights[at * this.model.labels.length + label]! / this.model.scale) * value;
  }

  private find(index: number): number {
    let lo = 0;
    let hi = this.buckets.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.buckets[mid]!;
      if (v === index) return mid;
      if (v < index) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

export function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}
