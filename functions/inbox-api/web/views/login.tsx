import type { Role } from '../../../../shared/auth/roles.js';
import type { Dictionary, UiLanguage } from '../i18n.js';
import { Document } from './layout.js';

export function LocalLoginPage({
  t,
  lang,
  style,
  agents,
  error,
  next,
}: {
  t: Dictionary;
  lang: UiLanguage;
  style: string;
  agents: Array<{ sub: string; name: string; role: Role }>;
  error?: string;
  next?: string;
}) {
  return (
    <Document title={`${t.appName} — ${t.signIn}`} lang={lang} style={style}>
      <main class="login">
        <h1>{t.appName}</h1>
        <p class="local-only">{t.localOnly}</p>
        {error ? (
          <p class="flash error" role="alert">
            {error}
          </p>
        ) : null}
        <form method="post" action={next ? `/login?next=${encodeURIComponent(next)}` : '/login'}>
          <fieldset>
            <legend>{t.signInAs}</legend>
            {agents.map((a, i) => (
              <button type="submit" name="sub" value={a.sub} autofocus={i === 0}>
                {a.name} <small>({a.role})</small>
              </button>
            ))}
          </fieldset>
        </form>
      </main>
    </Document>
  );
}

export function CognitoLoginPage({ t, lang, style, error, next }: { t: Dictionary; lang: UiLanguage; style: string; error?: string; next?: string }) {
  return (
    <Document title={`${t.appName} — ${t.signIn}`} lang={lang} style={style}>
      <main class="login">
        <h1>{t.appName}</h1>
        {error ? (
          <p class="flash error" role="alert">
            {error}
          </p>
        ) : null}
        <a class="button primary" href={next ? `/auth/start?next=${encodeURIComponent(next)}` : '/auth/start'} autofocus>
          {t.signInCompany}
        </a>
      </main>
    </Document>
  );
}
