import type { Draft, MessageTemplate } from '../../../../shared/domain/index.js';
import type { PageContext } from './context.js';
import { when } from './format.js';

/** The draft to act on: an editor with approve, edit, reject and new draft; or what became of it. */
export function DraftPanel({
  ctx,
  base,
  draft,
  templates,
  open,
}: {
  ctx: PageContext;
  base: string;
  draft?: Draft;
  templates?: MessageTemplate[];
  open: boolean;
}) {
  const { t } = ctx;
  if (!draft) return <section class="draft none">{t.noDraft}</section>;
  const draftBase = `${base}/drafts/${encodeURIComponent(draft.id)}`;
  if (draft.state !== 'proposed') {
    return (
      <section class={`draft state-${draft.state}`} aria-label={t.draft}>
        <h3>
          {t.draft}: {t.draftState[draft.state]}
        </h3>
        <div class="msg-text">{draft.finalText ?? draft.text}</div>
        <p class="msg-meta">
          {draft.approvedBy
            ? `${t.approvedBy} ${draft.approvedByName ?? ctx.nameOf(draft.approvedBy)}${draft.approvedAt ? ` · ${when(draft.approvedAt, ctx.lang)}` : ''}`
            : ''}
          {draft.rejectedBy ? `${t.rejectedBy} ${ctx.nameOf(draft.rejectedBy)}: ${draft.rejectReason ?? ''}` : ''}
          {draft.failure ? ` · ${draft.failure.code}: ${draft.failure.message}` : ''}
        </p>
        {open && (draft.state === 'rejected' || draft.state === 'failed') ? <RegenerateForm ctx={ctx} draftBase={draftBase} /> : null}
      </section>
    );
  }
  return (
    <section class="draft" aria-label={t.draft} data-draft-id={draft.id}>
      <h3>{t.draft}</h3>
      <p class="msg-meta">
        {t.engine} {draft.engine}
        {draft.kbRefs.length ? ` · ${t.knowledge}: ${draft.kbRefs.join(', ')}` : ''}
      </p>
      <form id="approve-form" method="post" action={`${draftBase}/approve`} data-enhance>
        <input type="hidden" name="version" value={String(draft.version)} />
        <textarea
          id="draft-text"
          name="text"
          rows={Math.min(14, Math.max(5, Math.ceil(draft.text.length / 70)))}
          aria-label={t.draft}
          data-original={draft.text}
        >
          {draft.text}
        </textarea>
        <div class="actions">
          <button type="submit" class="primary" data-key="a">
            {t.approve} <kbd>a</kbd>
          </button>
          <button type="button" data-key="e" data-focus="draft-text">
            {t.edit} <kbd>e</kbd>
          </button>
          <button type="button" data-key="r" data-toggle="reject-form">
            {t.reject} <kbd>r</kbd>
          </button>
        </div>
      </form>
      <form id="reject-form" class="reject" method="post" action={`${draftBase}/reject`} data-enhance hidden>
        <input type="hidden" name="version" value={String(draft.version)} />
        <input id="reject-reason" name="reason" required maxlength={1000} placeholder={t.rejectReason} aria-label={t.rejectReason} />
        <button type="submit">{t.reject}</button>
      </form>
      {templates?.length ? (
        <form class="template" method="post" action={`${draftBase}/approve`} data-enhance>
          <p>{t.templateNeeded}</p>
          <input type="hidden" name="version" value={String(draft.version)} />
          <select name="template" aria-label={t.sendTemplate}>
            {templates.map((tpl) => (
              <option value={`${tpl.name}|${tpl.language}`}>
                {tpl.name} ({tpl.language}): {tpl.body}
              </option>
            ))}
          </select>
          <textarea
            name="parameters"
            rows={2}
            placeholder="{{1}}&#10;{{2}}"
            aria-label="parameters, one per line"
          />
          <button type="submit">{t.sendTemplate}</button>
        </form>
      ) : null}
      <RegenerateForm ctx={ctx} draftBase={draftBase} />
    </section>
  );
}

function RegenerateForm({ ctx, draftBase }: { ctx: PageContext; draftBase: string }) {
  return (
    <form method="post" action={`${draftBase}/regenerate`} data-enhance class="regenerate">
      <button type="submit">{ctx.t.regenerate}</button>
    </form>
  );
}
