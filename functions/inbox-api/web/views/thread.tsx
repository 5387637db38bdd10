import { isOpen, type MessageTemplate } from '../../../../shared/domain/index.js';
import type { ThreadDetail } from '../../../../shared/use-cases/read-threads.js';
import { PRIORITIES } from '../params.js';
import type { PageContext } from './context.js';
import { DraftPanel } from './draft.js';
import { bytes, CHANNEL_LABEL, slaText, when } from './format.js';

export interface Flash {
  kind: 'ok' | 'error';
  text: string;
}

export interface ThreadViewProps {
  ctx: PageContext;
  thread: ThreadDetail;
  flash?: Flash;
  /** Offered after a 422: WhatsApp outside its window only takes an approved template. */
  templates?: MessageTemplate[];
}

/** One thread: who, why, what they wrote, the draft to act on, and what the team did. */
export function ThreadView({ ctx, thread, flash, templates }: ThreadViewProps) {
  const { t } = ctx;
  const base = `/ui/threads/${encodeURIComponent(thread.id)}`;
  const sla = slaText(thread.slaDueAt, ctx.now, t);
  const draft = thread.drafts.find((d) => d.id === thread.latestDraftId) ?? thread.drafts[0];
  const flags = [...thread.flags, ...(thread.triage?.injectionSuspected ? ['injection'] : [])];
  return (
    <article class="thread" data-id={thread.id} data-version={String(thread.version)} aria-labelledby="thread-title">
      <a class="back" href={`/${ctx.listQuery}`}>
        ← {t.back}
      </a>
      {flash ? (
        <p class={`flash ${flash.kind}`} role={flash.kind === 'error' ? 'alert' : 'status'}>
          {flash.text}
        </p>
      ) : null}
      <header class="thread-head">
        <h2 id="thread-title">
          <span class={`prio prio-${thread.priority}`}>{thread.priority}</span> {thread.contact.name ?? thread.contact.handle}
          {thread.subject ? <small> — {thread.subject}</small> : null}
        </h2>
        <p class="facts">
          <span>{CHANNEL_LABEL[thread.channel]}</span>
          <span class="handle">{thread.contact.handle}</span>
          <span>{thread.status.replace('_', ' ')}</span>
          {isOpen(thread.status) ? (
            <span class={`sla${sla.overdue ? ' overdue' : sla.soon ? ' soon' : ''}`} title={`${t.sla} ${t.due} ${when(thread.slaDueAt, ctx.lang)}`}>
              {t.sla} {sla.text}
            </span>
          ) : null}
          <span>
            {t.assignedTo}: {thread.assignee ? ctx.nameOf(thread.assignee) : t.unassigned}
          </span>
        </p>
        {flags.length ? (
          <ul class="flags" aria-label="flags">
            {flags.map((f) => (
              <li class="flag">{(t.flags as Record<string, string>)[f] ?? f}</li>
            ))}
          </ul>
        ) : null}
      </header>

      <div class="thread-body">
        <section class="conversation" aria-label={t.conversation}>
          {thread.messages.map((m) => (
            <div class={`msg ${m.direction}`} id={`m-${m.id}`}>
              <p class="msg-meta">
                {m.direction === 'inbound' ? (m.email?.from?.name ?? thread.contact.name ?? t.inbound) : t.outbound} · {CHANNEL_LABEL[m.channel]} ·{' '}
                {when(m.sentAt, ctx.lang)}
                {m.direction === 'outbound' && Object.keys(m.statuses).length ? <span class="receipts"> · {Object.keys(m.statuses).join(', ')}</span> : null}
              </p>
              {m.subject && m.channel === 'email' ? <p class="msg-subject">{m.subject}</p> : null}
              <div class="msg-text">{m.text || (m.kind !== 'text' ? `[${m.kind}]` : '')}</div>
              {m.email?.html || m.email?.htmlKey ? (
                <details class="email-html">
                  <summary>{t.showHtml}</summary>
                  {/* sandbox without allow-scripts or allow-same-origin: the mail can run nothing and reach nothing, and its
                      own response carries a CSP with `sandbox` too; loaded only when the agent opens it */}
                  <iframe sandbox="" src={`${base}/messages/${encodeURIComponent(m.id)}/html`} title={t.showHtml} referrerpolicy="no-referrer" loading="lazy" />
                </details>
              ) : null}
              {m.attachments?.length ? (
                <ul class="attachments" aria-label={t.attachments}>
                  {m.attachments.map((a, i) => (
                    <li>
                      {/* no `download` attribute: the file comes as an attachment anyway (Content-Disposition), and a
                          link to an original that is gone then opens a page that says so, not a failed download */}
                      <a href={`${base}/messages/${encodeURIComponent(m.id)}/attachments/${i}`}>📎 {a.filename}</a>{' '}
                      <small>
                        {a.contentType}, {bytes(a.size)}
                      </small>
                    </li>
                  ))}
                </ul>
              ) : null}
              {m.media ? (
                <p class="attachments">
                  {m.media.key ? (
                    <a href={`${base}/messages/${encodeURIComponent(m.id)}/media`}>
                      📎 {t.media} ({m.media.mimeType ?? m.kind})
                    </a>
                  ) : (
                    <span>
                      {t.media}: {m.media.fetchError ?? m.kind}
                    </span>
                  )}
                </p>
              ) : null}
            </div>
          ))}
          <DraftPanel ctx={ctx} base={base} draft={draft} templates={templates} open={isOpen(thread.status)} />
        </section>

        <aside class="side">
          {thread.triage ? (
            <section class="triage" aria-label={t.triage}>
              <h3>{t.triage}</h3>
              <p>
                <strong>{thread.category}</strong> · {thread.priority} · {t.sentiment} {thread.triage.sentiment.label} · {thread.triage.language}
              </p>
              <p class="engine">
                {t.engine} {thread.triage.engine} · {t.confidence} {Math.round(thread.triage.confidence * 100)}%
              </p>
              <h4>{t.reasons}</h4>
              <ul class="reasons">
                {thread.triage.reasons.map((r) => (
                  <li>{r}</li>
                ))}
              </ul>
            </section>
          ) : null}
          <form class="retriage" method="post" action={`${base}/triage`} data-enhance>
            <h3>{t.correct}</h3>
            <label>
              {t.category}
              <select name="category">
                {(ctx.categories.includes(thread.category) ? ctx.categories : [...ctx.categories, thread.category]).map((c) => (
                  <option value={c} selected={c === thread.category}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t.priority}
              <select name="priority">
                {PRIORITIES.map((p) => (
                  <option value={p} selected={p === thread.priority}>
                    {p}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit">{t.save}</button>
          </form>

          <section class="work">
            {thread.assignee !== ctx.agent.sub ? (
              <form method="post" action={`${base}/assign`} data-enhance>
                <button type="submit" data-key="t">
                  {t.take}
                </button>
              </form>
            ) : null}
            {ctx.agent.role === 'supervisor' ? (
              <form method="post" action={`${base}/assign`} data-enhance class="assign-other">
                <label>
                  {t.assignTo}
                  <select name="assignee">
                    {ctx.directory.map((a) => (
                      <option value={a.sub} selected={a.sub === thread.assignee}>
                        {a.name}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit">{t.assign}</button>
              </form>
            ) : null}
            {thread.status === 'resolved' ? (
              <form method="post" action={`${base}/reopen`} data-enhance>
                <button type="submit">{t.reopen}</button>
              </form>
            ) : (
              <form method="post" action={`${base}/resolve`} data-enhance>
                <button type="submit">{t.resolve}</button>
              </form>
            )}
          </section>

          <section class="notes" aria-label={t.notes}>
            <h3>{t.notes}</h3>
            <ul>
              {thread.notes.map((n) => (
                <li>
                  <p class="msg-meta">
                    {n.authorName} · {when(n.at, ctx.lang)}
                  </p>
                  <p class="msg-text">{n.text}</p>
                </li>
              ))}
            </ul>
            <form method="post" action={`${base}/notes`} data-enhance>
              <textarea id="note-text" name="text" rows={2} maxlength={5000} required placeholder={t.notePlaceholder} aria-label={t.addNote} />
              <button type="submit">{t.addNote}</button>
            </form>
          </section>

          <section class="earlier" aria-label={t.earlierThreads}>
            <h3>{t.earlierThreads}</h3>
            {thread.earlierThreads.length ? (
              <ul>
                {thread.earlierThreads.map((e) => (
                  <li>
                    <a href={`/threads/${encodeURIComponent(e.id)}${ctx.listQuery}`}>
                      {when(e.createdAt, ctx.lang)} · {e.category} · {e.status.replace('_', ' ')}
                    </a>
                    <br />
                    <small>{e.subject ?? e.lastMessagePreview}</small>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="empty">{t.noEarlier}</p>
            )}
          </section>

          {thread.audit ? (
            <section class="audit" aria-label={t.audit}>
              <h3>{t.audit}</h3>
              <ol>
                {thread.audit.map((a) => (
                  <li>
                    {when(a.at, ctx.lang)} · {ctx.nameOf(a.actor)} · <strong>{a.action}</strong>
                    {a.detail ? ` · ${a.detail}` : ''}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
