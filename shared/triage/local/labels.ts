import { DEFAULT_CATEGORIES, sentimentLabelSchema } from '../../domain/index.js';

/** Label order of the trained models; the model files store probabilities in this order (the domain's order). */
export const CATEGORY_LABELS = DEFAULT_CATEGORIES;
export const SENTIMENT_LABELS = sentimentLabelSchema.options;
