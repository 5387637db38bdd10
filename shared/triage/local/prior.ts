import { hash, type Features } from './features.js';
import type { LinearModel } from './linear-model.js';

/**
 * How many features the shipped model's answer counts as in a shop's model. Measured with npm run eval:shop's
 * learning curves on the independent set: 12 lifts 10 examples per category from macro-F1 0.33 to 0.66 on the default
 * categories, and 40 industry × category labels from 0.13 to 0.18; more makes the shop's model copy the shipped one.
 */
export const PRIOR_WEIGHT = 12;

/**
 * The message's features plus what a prior model (the shipped category model) says about it: its top label, counted
 * `weight` times, the runner-up once, and how sure it was. A shop with 10 examples per category then starts from
 * everything the shipped model learned, and learns how its own categories map onto it.
 */
export function withPrior(features: Features, prior: LinearModel, weight = PRIOR_WEIGHT): Features {
  const p = prior.predict(features);
  let first = 0;
  let second = 1;
  if (p[1]! > p[0]!) [first, second] = [1, 0];
  for (let c = 2; c < p.length; c++) {
    if (p[c]! > p[first]!) [first, second] = [c, first];
    else if (p[c]! > p[second]!) second = c;
  }
  const top = prior.labels[first]!;
  const band = p[first]! > 0.8 ? 'high' : p[first]! > 0.5 ? 'mid' : 'low';
  const indices = new Set(features.indices);
  for (let k = 0; k < weight; k++) indices.add(hash(`prior:${top}:${k}`));
  indices.add(hash(`prior2:${prior.labels[second]}`));
  indices.add(hash(`prior:${top}:${band}`));
  return { indices: Uint32Array.from(indices), value: 1 / Math.sqrt(indices.size), words: features.words };
}
