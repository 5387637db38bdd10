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
  /**
   * A shop's model learns on top of what the shipped category model says about each message (withPrior): that
   * model, as it was at training, is the folder's `file`, and its answer counts as `weight` features.
   */
  prior?: { file: string; weight: number };
}

/**
 * Multinomial logistic regression over hashed features. Only buckets with a non-zero weight are stored (training
 * uses L1, so the file stays small); at load they go into an open-addressing table at most half full, so scoring a
 * message is one or two probes per feature in a table small enough to stay in the CPU's cache (384 KB for the
 * shipped category model's 32,565 buckets: 65,536 slots of a 4-byte key and a 2-byte row; a flat 2^20 lookup was 4 MB per model, a cache miss per feature, and the
 * largest share of classify's time).
 */
export class LinearModel {
  /** Open addressing: the bucket in each slot (−1: empty; buckets are hashes, so they index directly) and 1 + its row of `weights`. */
  private readonly keys: Int32Array;
  private readonly rows: Uint16Array | Int32Array;
  private readonly mask: number;
  private readonly weights: Float32Array;

  constructor(readonly model: SerializedModel) {
    const bucketBytes = Buffer.from(model.buckets, 'base64');
    const buckets = new Uint32Array(bucketBytes.buffer.slice(bucketBytes.byteOffset, bucketBytes.byteOffset + bucketBytes.byteLength));
    const raw = Buffer.from(model.weights, 'base64');
    const quantized = new Int16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    this.weights = Float32Array.from(quantized, (w) => w / model.scale);
    let size = 16;
    while (size < buckets.length * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size).fill(-1);
    this.rows = buckets.length < 0xffff ? new Uint16Array(size) : new Int32Array(size);
    buckets.forEach((bucket, row) => {
      let slot = bucket & this.mask;
      while (this.keys[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = bucket;
      this.rows[slot] = row + 1;
    });
  }

  /** 1 + the bucket's row of `weights`, or 0 when the bucket has no weight. */
  private rowOf(bucket: number): number {
    const keys = this.keys;
    let slot = bucket & this.mask;
    for (;;) {
      const key = keys[slot]!;
      if (key === bucket) return this.rows[slot]!;
      if (key === -1) return 0;
      slot = (slot + 1) & this.mask;
    }
  }

  get labels(): string[] {
    return this.model.labels;
  }

  /** Probability of each label, in `labels` order. */
  predict(features: Features): number[] {
    const k = this.model.labels.length;
    const sums = new Float64Array(k);
    const { indices } = features;
    for (let i = 0; i < indices.length; i++) {
      const row = this.rowOf(indices[i]!);
      if (row === 0) continue;
      const base = (row - 1) * k;
      for (let c = 0; c < k; c++) sums[c]! += this.weights[base + c]!;
    }
    return softmax(this.model.bias.map((b, c) => b + sums[c]! * features.value));
  }

  /** How much one feature pushes towards `label` in this text (for reasons). */
  contribution(index: number, label: number, value: number): number {
    const row = this.rowOf(index);
    return row === 0 ? 0 : this.weights[(row - 1) * this.model.labels.length + label]! * value;
  }
}

export function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}
