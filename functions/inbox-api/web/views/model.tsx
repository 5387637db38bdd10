import type { CategoryDefinitions } from '../../../../shared/use-cases/category-definitions.js';
import type { PublishedModel } from '../../../../shared/triage/local/published-model.js';
import type { TrainingJob } from '../../../../shared/triage/local/training-jobs.js';
import { UPLOAD_BODY_MAX_BYTES } from '../../model-routes.js';
import type { PageContext } from './context.js';
import { when } from './format.js';

/** A job still "training" this long after it started was cut off (a worker that stopped): start it again. */
export const INTERRUPTED_AFTER_MS = 20 * 60_000;
/** Empty rows under the categories, to add new ones without a script. */
const NEW_ROWS = 3;

export interface ModelOverview {
  current: PublishedModel | { id: 'shipped'; categories: string[] };
  jobs: TrainingJob[];
}

export type ModelFlash = { kind: 'ok' | 'error'; text: string };

/** The supervisors' page for the shop's categories and its triage model. */
export function ModelPage({
  ctx,
  definitions,
  overview,
  flash,
}: {
  ctx: PageContext;
  definitions: CategoryDefinitions;
  overview?: ModelOverview;
  flash?: ModelFlash;
}) {
  const { t } = ctx;
  const inModel = new Set((overview?.current.categories ?? ctx.categories).map((c) => c.toLowerCase()));
  // the shipped descriptions in the page's language until the shop saves its own
  const described = definitions.saved
    ? definitions.categories
    : definitions.categories.map((d) => ({ ...d, description: t.model.defaultDescriptions[d.name] ?? d.description }));
  // the model's categories nobody described yet, as rows to describe (saved with the rest)
  const named = new Set(described.map((d) => d.name.toLowerCase()));
  const undescribed = (overview?.current.categories ?? []).filter((c) => !named.has(c.toLowerCase())).map((name) => ({ name, description: '', examples: [] }));
  const shown = [...described, ...undescribed];
  return (
    <main class="model-page" id="model-page">
      <h1>{t.model.title}</h1>
      {flash ? (
        <p class={`flash ${flash.kind}`} role={flash.kind === 'error' ? 'alert' : 'status'}>
          {flash.text}
        </p>
      ) : null}
      {overview ? <CurrentModel ctx={ctx} current={overview.current} /> : null}

      <section aria-labelledby="categories-title" class="panel">
        <h2 id="categories-title">{t.model.categories}</h2>
        <p class="help">{t.model.categoriesHelp}</p>
        <p class="help">
          {definitions.saved ? `${t.model.savedBy} ${ctx.nameOf(definitions.updatedBy ?? '')}, ${when(definitions.updatedAt!, ctx.lang)}` : t.model.defaults}
        </p>
        <form method="post" action="/ui/model/categories" class="categories">
          <input type="hidden" name="version" value={String(definitions.version)} />
          <table>
            <thead>
              <tr>
                <th scope="col">{t.model.name}</th>
                <th scope="col">{t.model.description}</th>
                <th scope="col">{t.model.examples}</th>
              </tr>
            </thead>
            <tbody>
              {[...shown, ...Array.from({ length: NEW_ROWS }, () => undefined)].map((d, i) => (
                <tr>
                  <td>
                    <input name="name" value={d?.name ?? ''} maxlength={80} aria-label={`${t.model.name} ${i + 1}`} />
                    {d ? (
                      <small class={inModel.has(d.name.toLowerCase()) ? 'in-model' : 'not-in-model'}>
                        {inModel.has(d.name.toLowerCase()) ? t.model.inModel : t.model.notInModel}
                      </small>
                    ) : null}
                  </td>
                  <td>
                    <textarea name="description" rows={2} maxlength={500} aria-label={`${t.model.description} ${i + 1}`}>
                      {d?.description ?? ''}
                    </textarea>
                  </td>
                  <td>
                    <textarea name="examples" rows={3} aria-label={`${t.model.examples} ${i + 1}`}>
                      {(d?.examples ?? []).join('\n')}
                    </textarea>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" class="primary">
            {t.model.saveCategories}
          </button>
        </form>
      </section>

      {overview ? (
        <>
          <section aria-labelledby="upload-title" class="panel">
            <h2 id="upload-title">{t.model.upload}</h2>
            <p class="help">{t.model.uploadHelp}</p>
            <form
              method="post"
              action="/ui/model/upload"
              enctype="multipart/form-data"
              class="upload"
              id="upload-form"
              data-max-bytes={String(UPLOAD_BODY_MAX_BYTES)}
            >
              <label>
                {t.model.file}
                <input type="file" name="file" required accept=".csv,.tsv,.txt,.jsonl,.ndjson,.json" />
              </label>
              <label>
                {t.model.textColumn}
                <input name="textColumn" maxlength={100} placeholder="text" />
              </label>
              <label>
                {t.model.labelColumn}
                <input name="labelColumn" maxlength={100} placeholder="category" />
              </label>
              <button type="submit" class="primary">
                {t.model.train}
              </button>
            </form>
          </section>
          <section aria-labelledby="jobs-title" class="panel" id="training-jobs">
            <TrainingJobs ctx={ctx} overview={overview} />
          </section>
        </>
      ) : null}
    </main>
  );
}

function CurrentModel({ ctx, current }: { ctx: PageContext; current: ModelOverview['current'] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="current-title" class="panel current-model">
      <h2 id="current-title">{t.model.inUse}</h2>
      <p>
        {current.id === 'shipped' ? (
          t.model.shipped
        ) : (
          <>
            <code>{current.id}</code>, {t.model.published} {when((current as PublishedModel).publishedAt, ctx.lang)}
            {(current as PublishedModel).crossValidation ? ` · macro-F1 ${(current as PublishedModel).crossValidation!.macroF1.toFixed(2)}` : ''}
          </>
        )}
      </p>
      <p class="chips">
        {current.categories.map((c) => (
          <span class="badge">{c}</span>
        ))}
      </p>
      <form method="post" action="/ui/model/retrain" class="inline">
        <button type="submit">{t.model.retrain}</button>
        <small class="help">{t.model.retrainHelp}</small>
      </form>
    </section>
  );
}

/** The training runs, newest first; re-rendered alone while one is under way (the script asks every few seconds). */
export function TrainingJobs({ ctx, overview }: { ctx: PageContext; overview: ModelOverview }) {
  const { t } = ctx;
  const status = (job: TrainingJob) =>
    job.status === 'training' && job.startedAt && ctx.now.getTime() - new Date(job.startedAt).getTime() > INTERRUPTED_AFTER_MS ? 'interrupted' : job.status;
  const active = overview.jobs.some((j) => status(j) === 'queued' || status(j) === 'training');
  return (
    <div data-active={active ? '1' : undefined} id="training-jobs-body">
      <h2 id="jobs-title">{t.model.jobs}</h2>
      {overview.jobs.length === 0 ? <p class="empty">{t.model.noJobs}</p> : null}
      <ol class="jobs">
        {overview.jobs.map((job) => {
          const report = job.report;
          const inUse = !!report && report.candidateId === overview.current.id;
          return (
            <li class={`job status-${status(job)}`} id={`job-${job.id}`}>
              <div class="job-head">
                <strong>{t.model.statuses[status(job)]}</strong>
                {inUse ? <span class="badge in-use">{t.model.inUseNow}</span> : null}
                <span>
                  {when(job.createdAt, ctx.lang)} · {job.requestedBy === 'schedule' ? t.model.schedule : ctx.nameOf(job.requestedBy)}
                  {job.file ? ` · ${job.file.name}` : ''}
                </span>
              </div>
              {job.error ? (
                <p class="flash error" role="alert">
                  {job.error}
                </p>
              ) : null}
              {job.outcome ? <p class="help">{job.outcome}</p> : null}
              {report ? (
                <>
                  <p class="figures">
                    {`${report.rows} ${t.model.rows} (${t.model.sources(report.sources.history, report.sources.examples, report.sources.corrections)}) · ${t.model.quality} macro-F1 ${report.crossValidation.macroF1.toFixed(2)} · ${t.model.versus}: ${report.heldOut.candidate.macroF1.toFixed(2)} vs ${report.heldOut.current.macroF1.toFixed(2)} (${report.heldOut.rows}) · ${report.beatsCurrent ? t.model.better : t.model.notBetter}`}
                  </p>
                  {!inUse ? (
                    <form method="post" action={`/ui/model/jobs/${job.id}/promote`} class="inline">
                      <button type="submit" class={report.beatsCurrent ? 'primary' : undefined}>
                        {t.model.promote}
                      </button>
                    </form>
                  ) : null}
                  <details>
                    <summary>{t.model.report}</summary>
                    <p class="help">{t.model.split(report.crossValidation.rows, report.heldOut.rows)}</p>
                    <table class="report">
                      <thead>
                        <tr>
                          <th scope="col">{t.model.name}</th>
                          <th scope="col">{t.model.f1}</th>
                          <th scope="col">{t.model.precision}</th>
                          <th scope="col">{t.model.recall}</th>
                          <th scope="col">{t.model.rows}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {[...report.crossValidation.perCategory]
                          .sort((a, b) => a.f1 - b.f1)
                          .map((c) => (
                            <tr class={c.f1 < 0.5 ? 'weak' : undefined}>
                              <th scope="row">{c.label}</th>
                              <td>{c.f1.toFixed(2)}</td>
                              <td>{c.precision.toFixed(2)}</td>
                              <td>{c.recall.toFixed(2)}</td>
                              <td>{c.support}</td>
                            </tr>
                          ))}
                      </tbody>
                    </table>
                    {report.crossValidation.confusions.length ? (
                      <p class="help">
                        {t.model.confusions}:{' '}
                        {report.crossValidation.confusions
                          .slice(0, 5)
                          .map((c) => `${c.truth} → ${c.predicted} (${c.count}×)`)
                          .join(', ')}
                      </p>
                    ) : null}
                    {report.crossValidation.fewRows.length ? (
                      <p class="help">
                        {t.model.fewRows}: {report.crossValidation.fewRows.join(', ')}
                      </p>
                    ) : null}
                    {report.leftOut.length ? (
                      <p class="help">
                        {t.model.leftOut}: {report.leftOut.map((l) => `${l.why} (${l.rows})`).join('; ')}
                      </p>
                    ) : null}
                  </details>
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
