import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Dictionary, UiLanguage } from '../i18n.js';
import type { PageContext } from './context.js';

/** The page around everything: no inline script or style anywhere, so the CSP can forbid both. */
export function Document({ title, lang, style, script, children }: { title: string; lang: UiLanguage; style: string; script?: string; children: Child }) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="referrer" content="no-referrer" />
          <title>{title}</title>
          <link rel="stylesheet" href={style} />
          {script ? <script src={script} defer /> : null}
        </head>
        <body>{children}</body>
      </html>
    </>
  );
}

/** A message's original that is gone, said in the mail's frame or as the page a download link opened (no stylesheet: the frame's CSP allows none). */
export function GoneDocument({ lang, message }: { lang: UiLanguage; message: string }) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <title>{message}</title>
        </head>
        <body>
          <p class="gone" style="font: 15px/1.4 system-ui, sans-serif; margin: 1em; color: #5c2b29">
            {message}
          </p>
        </body>
      </html>
    </>
  );
}

export function AppShell({ ctx, children, hasThread, title }: { ctx: PageContext; children: Child; hasThread: boolean; title?: string }) {
  const { t } = ctx;
  return (
    <Document title={`${t.appName} — ${title ?? t.worklist}`} lang={ctx.lang} style={ctx.assets.style} script={ctx.assets.script}>
      <div class={`app${hasThread ? ' has-thread' : ''}`} data-lang={ctx.lang}>
        <header class="top">
          <a class="brand" href="/">
            {t.appName}
          </a>
          {ctx.agent.role === 'supervisor' ? (
            <a href="/model" class="nav">
              {t.model.nav}
            </a>
          ) : null}
          <span class="me">
            {ctx.agent.name} <small>({ctx.agent.role})</small>
          </span>
          <LanguageSwitch lang={ctx.lang} />
          <form method="post" action="/logout">
            <button type="submit" class="link">
              {t.signOut}
            </button>
          </form>
        </header>
        {children}
        <footer class="hint">
          <button type="button" class="link" data-help>
            {t.shortcuts}
          </button>
        </footer>
        <HelpDialog t={t} />
      </div>
    </Document>
  );
}

function LanguageSwitch({ lang }: { lang: UiLanguage }) {
  return (
    <span class="lang">
      {(['nl', 'en'] as const).map((l) =>
        l === lang ? (
          <strong>{l.toUpperCase()}</strong>
        ) : (
          <a href={`?lang=${l}`} hreflang={l} data-lang-switch>
            {l.toUpperCase()}
          </a>
        ),
      )}
    </span>
  );
}

function HelpDialog({ t }: { t: Dictionary }) {
  return (
    <dialog id="help">
      <h2>{t.shortcuts.split(':')[0]}</h2>
      <dl>
        {t.help.map(([key, what]) => (
          <>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit">OK</button>
      </form>
    </dialog>
  );
}
