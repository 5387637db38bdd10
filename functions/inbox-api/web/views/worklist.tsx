import { isOpen, type QueueCounts, type Thread } from '../../../../shared/domain/index.js';
import { CHANNELS, PRIORITIES, WORKLIST_VIEWS, type WorklistParams } from '../params.js';
import type { PageContext } from './context.js';
import { CHANNEL_ICON, CHANNEL_LABEL, slaText } from './format.js';

/** The tabs with their counts; a view's count is what its list holds for this viewer. */
export function ViewTabs({ ctx, params, counts }: { ctx: PageContext; params: WorklistParams; counts?: QueueCounts }) {
  const countOf = (view: (typeof WORKLIST_VIEWS)[number]): number | undefined => {
    if (!counts) return undefined;
    return {
      open: counts.open,
      mine: counts.mine,
      unassigned: counts.unassigned,
      awaiting: counts.awaitingApproval,
      overdue: counts.overdue,
      closed: undefined,
    }[view];
  };
  return (
    <nav class="views" aria-label={ctx.t.worklist}>
      {WORKLIST_VIEWS.map((view) => {
        const count = countOf(view);
        return (
          <a
            href={`/?view=${view}`}
            class={view === params.view ? 'view current' : 'view'}
            aria-current={view === params.view ? 'page' : undefined}
            data-view={view}
          >
            {ctx.t.views[view]}
            {count !== undefined ? (
              <span class={view === 'overdue' && count > 0 ? 'count alert' : 'count'}>
                {count}
                {counts?.capped ? '+' : ''}
              </span>
            ) : null}
          </a>
        );
      })}
    </nav>
  );
}

export function FilterForm({ ctx, params }: { ctx: PageContext; params: WorklistParams }) {
  const { t } = ctx;
  const select = (name: 'priority' | 'category' | 'channel', label: string, options: readonly string[], labels: (v: string) => string = (v) => v) => (
    <label>
      <span>{label}</span>
      <select name={name} data-autosubmit>
        <option value="">{t.any}</option>
        {options.map((o) => (
          <option value={o} selected={params[name] === o}>
            {labels(o)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form class="filters" method="get" action="/" role="search">
      <input type="hidden" name="view" value={params.view} />
      <input id="search" type="search" name="q" value={params.q ?? ''} placeholder={t.search} aria-label={t.search} autocomplete="off" maxlength={200} />
      <details open={!!(params.priority || params.category || params.channel || params.language || params.assignee)}>
        <summary>{t.filters}</summary>
        <div class="filter-fields">
          {select('priority', t.priority, PRIORITIES)}
          {select('category', t.category, ctx.categories)}
          {select('channel', t.channel, CHANNELS, (c) => CHANNEL_LABEL[c as keyof typeof CHANNEL_LABEL])}
          <label>
            <span>{t.language}</span>
            <select name="language" data-autosubmit>
              <option value="">{t.any}</option>
              {['nl', 'en', 'de', 'fr'].map((l) => (
                <option value={l} selected={params.language === l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t.assignee}</span>
            <select name="assignee" data-autosubmit>
              <option value="">{t.any}</option>
              <option value="me" selected={params.assignee === 'me'}>
                {t.me}
              </option>
              <option value="none" selected={params.assignee === 'none'}>
                {t.unassigned}
              </option>
              {ctx.agent.role === 'supervisor'
                ? ctx.directory
                    .filter((a) => a.sub !== ctx.agent.sub)
                    .map((a) => (
                      <option value={a.sub} selected={params.assignee === a.sub}>
                        {a.name}
                      </option>
                    ))
                : null}
            </select>
          </label>
          <button type="submit">{t.apply}</button>
          <a href={`/?view=${params.view}`}>{t.clear}</a>
        </div>
      </details>
    </form>
  );
}

/** The list itself: most urgent first, as the store gives it. The client script replaces it on every poll. */
export function WorklistItems({ ctx, threads, selectedId, nextHref }: { ctx: PageContext; threads: Thread[]; selectedId?: string; nextHref?: string }) {
  const { t } = ctx;
  if (!threads.length) return <p class="empty">{t.noThreads}</p>;
  return (
    <>
      <ol class="items">
        {threads.map((thread) => {
          const sla = slaText(thread.slaDueAt, ctx.now, t);
          const open = isOpen(thread.status);
          return (
            <li
              class={`item${thread.id === selectedId ? ' selected' : ''}`}
              data-id={thread.id}
              data-version={String(thread.version)}
              aria-current={thread.id === selectedId ? 'true' : undefined}
            >
              <a href={`/threads/${encodeURIComponent(thread.id)}${ctx.listQuery}`} class="item-link">
                <span class={`prio prio-${thread.priority}`}>{thread.priority}</span>
                <span class="who">
                  <span class="channel" title={CHANNEL_LABEL[thread.channel]}>
                    {CHANNEL_ICON[thread.channel]}
                  </span>
                  <strong>{thread.contact.name ?? thread.contact.handle}</strong>
                  {thread.unanswered > 1 ? <span class="badge">{thread.unanswered}</span> : null}
                </span>
                {open ? <span class={`sla${sla.overdue ? ' overdue' : sla.soon ? ' soon' : ''}`}>{sla.text}</span> : <span class="sla">{thread.status}</span>}
                <span class="preview">
                  {thread.subject ? <em>{thread.subject} — </em> : null}
                  {thread.lastMessagePreview}
                </span>
                <span class="meta">
                  <span class={`cat cat-${thread.category}`}>{thread.category}</span>
                  <span>{thread.language}</span>
                  <span>{thread.status.replace('_', ' ')}</span>
                  {thread.assignee ? <span class="assignee">→ {ctx.nameOf(thread.assignee)}</span> : null}
                  {thread.flags.map((f) => (
                    <span class="flag">{(ctx.t.flags as Record<string, string>)[f] ?? f}</span>
                  ))}
                </span>
              </a>
            </li>
          );
        })}
      </ol>
      {nextHref ? (
        <a class="more" href={nextHref}>
          {t.more} →
        </a>
      ) : null}
    </>
  );
}
