import type { Context, Hono } from 'hono';
import type { AuthEnv } from '../../../shared/auth/middleware.js';
import type { Agent } from '../../../shared/auth/roles.js';
import { NotFoundError, OriginalGoneError } from '../../../shared/domain/index.js';
import type { ThreadDetail } from '../../../shared/use-cases/read-threads.js';
import type { Dictionary, UiLanguage } from './i18n.js';
import { isFragmentRequest } from './session.js';
import { GoneDocument } from './views/layout.js';
import type { WebDeps } from './web-app.js';

export interface OriginalHelpers {
  language(c: Context): { lang: UiLanguage; t: Dictionary };
  loadThread(threadId: string, agent: Agent): Promise<ThreadDetail>;
}

const DOWNLOAD_URL_SECONDS = 60;
/** The mail's own frame: inline styles and data: images only, never a script, never a request, framed by us alone. */
const EMAIL_FRAME_HEADERS = {
  'content-security-policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox",
  'x-frame-options': 'SAMEORIGIN',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'private, no-store',
};

/**
 * A message's stored originals: its mail's HTML (into the sandboxed frame), attachments and media (downloads). Each
 * is looked up through the message that lists it, after the visibility check, never by a key from the request. One
 * that is no longer in the bucket (expired after the retention days) is a sentence the agent can read, not a 500.
 */
export function registerOriginalRoutes(app: Hono<AuthEnv>, deps: WebDeps, helpers: OriginalHelpers): void {
  const { language, loadThread } = helpers;

  app.get('/ui/threads/:id/messages/:messageId/attachments/:index', (c) =>
    answeringGone(c, async () => {
      const thread = await loadThread(c.req.param('id'), c.get('agent'));
      const attachment = thread.messages.find((m) => m.id === c.req.param('messageId'))?.attachments?.[Number(c.req.param('index'))];
      if (!attachment) throw new NotFoundError('no such attachment');
      return download(c, attachment.key, attachment.filename);
    }),
  );
  app.get('/ui/threads/:id/messages/:messageId/html', (c) =>
    answeringGone(c, async () => {
      const thread = await loadThread(c.req.param('id'), c.get('agent'));
      const email = thread.messages.find((m) => m.id === c.req.param('messageId'))?.email;
      const { blobs } = deps;
      // sanitized at ingest; bodies too big for the table were kept in the object store
      const html = email?.html ?? (email?.htmlKey && blobs ? Buffer.from(await original(c, () => blobs.get(email.htmlKey!))).toString('utf8') : undefined);
      if (html === undefined) throw new NotFoundError('this message has no HTML body');
      return c.html(html, 200, EMAIL_FRAME_HEADERS);
    }),
  );
  app.get('/ui/threads/:id/messages/:messageId/media', (c) =>
    answeringGone(c, async () => {
      const thread = await loadThread(c.req.param('id'), c.get('agent'));
      const media = thread.messages.find((m) => m.id === c.req.param('messageId'))?.media;
      if (!media?.key) throw new NotFoundError('no stored media for this message');
      return download(
        c,
        media.key,
        `${c.req.param('messageId')}.${(media.mimeType ?? 'application/octet-stream').split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'bin'}`,
      );
    }),
  );

  /** Reads a stored original; one that is not in the store (expired) becomes an OriginalGoneError that says so. */
  async function original<T>(c: Context, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      throw new OriginalGoneError(language(c).t.originalGone(deps.mailRetentionDays), { retentionDays: deps.mailRetentionDays });
    }
  }

  /**
   * A gone original in the form the request can show: a flash the page's script puts under the link, a small page
   * for a browser (the mail's frame, a link opened without the script), a JSON 404 `original_gone` for the rest.
   */
  async function answeringGone(c: Context<AuthEnv>, serve: () => Promise<Response>): Promise<Response> {
    try {
      return await serve();
    } catch (err) {
      if (!(err instanceof OriginalGoneError)) throw err;
      if (isFragmentRequest(c))
        return c.html(
          <p class="flash error gone" role="alert">
            {err.message}
          </p>,
          404,
        );
      if (c.req.header('accept')?.includes('text/html'))
        return c.html(<GoneDocument lang={language(c).lang} message={err.message} />, 404, EMAIL_FRAME_HEADERS);
      throw err;
    }
  }

  async function download(c: Context, key: string, filename: string) {
    const { blobs } = deps;
    if (!blobs) throw new NotFoundError('attachments are not available here');
    if ((deps.presignDownloads ?? true) && blobs.downloadUrl) {
      const url = await original(c, () => blobs.downloadUrl!(key, { filename, expiresInSeconds: DOWNLOAD_URL_SECONDS }));
      return c.redirect(url, 302);
    }
    const body = await original(c, () => blobs.get(key));
    return c.body(new Uint8Array(body), 200, {
      // opaque bytes whatever the mail claimed: the browser saves the file and never interprets it
      'content-type': 'application/octet-stream',
      // always a download, never rendered in our origin; and even if it were, it could run nothing
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'content-security-policy': "default-src 'none'; sandbox",
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
  }
}
