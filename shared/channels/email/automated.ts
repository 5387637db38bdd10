import type { AutomatedKind } from '../../domain/index.js';

type HeaderValue = string | string[] | { value?: string; params?: Record<string, string> } | Date | undefined | unknown;

const MACHINE_SENDERS = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon|bounces?|no-?reply|noreply)[@+-]/i;
/**
 * Mail written by a machine: never answered (mail loops), stored and marked. Headers only: a subject such as
 * "Out of office hours delivery?" is a customer's question. Order matters: a bounce is also auto-submitted, and a
 * list mail may also say bulk. `from` is left out by the caller when the mail has a Reply-To for a person
 * (contact forms send from noreply@).
 */
export function detectAutomated(
  headers: Map<string, HeaderValue>,
  headerLines: ReadonlyArray<{ key: string; line: string }>,
  from: string | undefined,
): AutomatedKind | undefined {
  const contentType = headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  const text = (name: string) => headerText(headers.get(name)).trim().toLowerCase();
  // mailparser turns "Return-Path: <>" into an empty address object: read the raw line
  const returnPath = headerLines
    .find((l) => l.key === 'return-path')
    ?.line.replace(/^return-path:\s*/i, '')
    .trim();
  if (
    (contentType?.value === 'multipart/report' && contentType.params?.['report-type'] === 'delivery-status') ||
    (from && /^(?:mailer-daemon|postmaster|mail-daemon)@/i.test(from)) ||
    returnPath === '<>'
  ) {
    return 'bounce';
  }
  const autoSubmitted = text('auto-submitted');
  const precedence = text('precedence');
  if ((autoSubmitted && autoSubmitted !== 'no') || text('x-autoreply') || text('x-autorespond') || precedence === 'auto_reply') {
    return 'auto_reply';
  }
  // mailparser gathers List-Id, List-Unsubscribe and friends under 'list'
  if (headers.has('list') || headers.has('list-id') || headers.has('list-unsubscribe') || precedence === 'list') return 'list';
  if (precedence === 'bulk' || precedence === 'junk' || (from && MACHINE_SENDERS.test(from))) return 'bulk';
  return undefined;
}

/** mailparser gives strings, arrays, `{ value, params }` and address objects `{ text }`; we want the words. */
function headerText(v: HeaderValue): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(headerText).join(' ');
  if (v instanceof Date) return v.toISOString();
  const o = v as { text?: unknown; value?: unknown };
  if (typeof o.text === 'string') return o.text;
  if (typeof o.value === 'string') return o.value;
  return '';
}
