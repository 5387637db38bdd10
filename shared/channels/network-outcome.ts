/** Connection errors that happen before a request leaves: the provider cannot have received anything. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'CredentialsProviderError']);

/**
 * Whether a failed call may have reached the provider. A timeout or a connection dropped mid-call can follow a
 * delivered message: sending again could reach the customer twice, so such sends are settled as outcome unknown.
 */
export function networkOutcome(err: unknown): 'not_sent' | 'unknown' {
  const e = err as { code?: string; name?: string; cause?: { code?: string } };
  return NOT_SENT.has(e?.cause?.code ?? '') || NOT_SENT.has(e?.code ?? '') || NOT_SENT.has(e?.name ?? '') ? 'not_sent' : 'unknown';
}
