/** Label order of the trained models; the model files store probabilities in this order. */
export const CATEGORY_LABELS = ['complaint', 'order', 'technical', 'billing', 'other'] as const;
export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
