import type { AutomatedKind } from '../../domain/index.js';

type HeaderValue = string | string[] | { value?: string; params?: Record<string, string> } | Date | undefined | unknown;

const MACHINE_SENDERS = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon|bounces?|no-?reply|noreply)[@+-]/i;
const AUTO_SUBJECT =
  /^(?:auto(?:matic)?\s*reply|out of (?:the )?office|automatisch antwoord|afwezig(?:heidsmelding)?|abwesenheitsnotiz|automatische antwort|réponse automatique|absence)\b/i;

/**
 * Mail written by a machine: never answered (mail loops), stored and marked. Order matters:
 * a bounce is also auto-submitted, and a list mail may also say bulk.
 */
export function detectAutomated(headers: Map<string, HeaderValue>, from: string | undefined, subject: string | undefined): AutomatedKind | undefined {
  const contentType = headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  const text = (name: string) => headerText(headers.get(name)).trim().toLowerCase();
  const returnPath = text('return-path');
  if (
    (contentType?.value === 'multipart/report' && contentType.params?.['report-type'] === 'delivery-status') ||
    (from && /^(?:mailer-daemon|postmaster|mail-daemon)@/i.test(from)) ||
    returnPath === '<>'
  ) {
    return 'bounce';
  }
  const autoSubmitted = text('auto-submitted');
  const precedence = text('precedence');
  if (
    (autoSubmitted && autoSubmitted !== 'no') ||
    text('x-autoreply') ||
    text('x-autorespond') ||
    precedence === 'auto_reply' ||
    AUTO_SUBJECT.test(subject ?? '')
  ) {
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
