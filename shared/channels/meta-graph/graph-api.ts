import { ProviderError } from '../../domain/index.js';
import { obj, str } from '../json.js';
import { networkOutcome } from '../network-outcome.js';

/**
 * Graph API error codes that say "try again later" whatever the HTTP status: 1/2 unknown/temporary, 4/17/32/613
 * rate limits, 80007 Messenger rate limit, 130429 WhatsApp throughput, 131048 spam rate limit, 131056 pair rate.
 * Everything else (190 expired token, 131047 outside the 24-hour window, 100 bad parameter, 10 permission…) is
 * final: retrying would only repeat the refusal.
 */
const RETRYABLE_CODES = new Set([1, 2, 4, 17, 32, 613, 80007, 130429, 131048, 131056]);

export interface GraphApiOptions {
  /** e.g. https://graph.facebook.com/v21.0 (or a local server that speaks the Graph API, in tests) */
  baseUrl: string;
  accessToken: string;
  timeoutMs?: number;
}

/** One POST to the Graph API; refusals become ProviderError with Meta's code and text, never the token. */
export function graphPost(options: GraphApiOptions, path: string, body: unknown): Promise<Record<string, unknown>> {
  return graphCall(options, path, { method: 'POST', body: JSON.stringify(body) });
}

export function graphGet(options: GraphApiOptions, path: string): Promise<Record<string, unknown>> {
  return graphCall(options, path, { method: 'GET' });
}

async function graphCall(options: GraphApiOptions, path: string, init: { method: string; body?: string }): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(`${options.baseUrl.replace(/\/$/, '')}/${path}`, {
      ...init,
      headers: { authorization: `Bearer ${options.accessToken}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (err) {
    if (networkOutcome(err) === 'not_sent') throw new ProviderError(`Graph API unreachable: ${(err as Error).name}`, 'network', true, { cause: err });
    // a POST that timed out may have been delivered: never send it again blindly
    if (init.method === 'POST')
      throw new ProviderError(`no answer from the Graph API (${(err as Error).name}); it may have been delivered`, 'outcome_unknown', false, { cause: err });
    throw new ProviderError(`Graph API did not answer: ${(err as Error).name}`, 'network', true, { cause: err });
  }
  const json = obj(await res.json().catch(() => undefined)) ?? {};
  if (res.ok && !json.error) return json;
  const error = obj(json.error) ?? {};
  const code = typeof error.code === 'number' ? error.code : undefined;
  const retryable = res.status === 429 || res.status >= 500 || error.is_transient === true || (code !== undefined && RETRYABLE_CODES.has(code));
  const details = str(obj(error.error_data)?.details);
  const message = [str(error.message) ?? `HTTP ${res.status}`, details].filter(Boolean).join(': ');
  throw new ProviderError(message, code !== undefined ? String(code) : `http_${res.status}`, retryable);
}
