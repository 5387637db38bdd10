import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Agent } from '../../../shared/auth/roles.js';
import type { Dictionary } from './i18n.js';
import {
  clearSession,
  cognitoLogoutUrl,
  finishCognitoLogin,
  keepRefreshToken,
  refreshCognitoSession,
  revokeRefreshToken,
  safeNext,
  setSession,
  startCognitoLogin,
  type LoginProvider,
} from './session.js';
import { CognitoLoginPage, LocalLoginPage } from './views/login.js';

const LOCAL_SESSION_SECONDS = 12 * 3600;

/** /login, /logout and the Cognito callback. None of them needs a session. */
export function loginRoutes(deps: {
  login: LoginProvider;
  verify: (token: string) => Promise<Agent>;
  style: string;
  language: (c: Context) => { lang: 'nl' | 'en'; t: Dictionary };
}): Hono {
  const app = new Hono();
  const { login } = deps;

  const loginPage = (c: Context, error?: string, status: 200 | 400 | 401 | 403 | 502 = 200) => {
    const { lang, t } = deps.language(c);
    return c.html(
      login.kind === 'local' ? (
        <LocalLoginPage t={t} lang={lang} style={deps.style} agents={login.agents} error={error} next={c.req.query('next')} />
      ) : (
        <CognitoLoginPage t={t} lang={lang} style={deps.style} error={error} next={c.req.query('next')} />
      ),
      status,
    );
  };

  /** A refused or failed sign-in shows the sign-in page with the reason, never a JSON error. */
  const refused = (c: Context, err: unknown) => {
    if (err instanceof HTTPException && err.status !== 500) return loginPage(c, err.message, err.status as 400 | 401 | 403 | 502);
    throw err;
  };

  app.get('/login', async (c) => {
    if (login.kind === 'cognito') {
      // an expired session comes back here; the refresh token makes that invisible to the agent
      try {
        const tokens = await refreshCognitoSession(c, login);
        if (tokens) {
          await deps.verify(tokens.idToken);
          setSession(c, tokens.idToken, tokens.expiresIn);
          return c.redirect(safeNext(c.req.query('next')), 303);
        }
      } catch (err) {
        return refused(c, err);
      }
    }
    return loginPage(c);
  });

  if (login.kind === 'local') {
    app.post('/login', async (c) => {
      const sub = (await c.req.parseBody()).sub;
      const agent = login.agents.find((a) => a.sub === sub);
      if (!agent) return loginPage(c, `unknown demo agent "${String(sub)}"`, 400);
      setSession(c, await login.sign(agent), LOCAL_SESSION_SECONDS);
      return c.redirect(safeNext(c.req.query('next')), 303);
    });
  } else {
    app.get('/auth/start', (c) => c.redirect(startCognitoLogin(c, login, c.req.query('next') ?? '/'), 302));
    app.get('/auth/callback', async (c) => {
      try {
        const { tokens, next } = await finishCognitoLogin(c, login);
        await deps.verify(tokens.idToken);
        setSession(c, tokens.idToken, tokens.expiresIn);
        keepRefreshToken(c, tokens.refreshToken);
        return c.redirect(next, 303);
      } catch (err) {
        return refused(c, err);
      }
    });
  }

  app.post('/logout', async (c) => {
    if (login.kind === 'cognito') await revokeRefreshToken(c, login);
    clearSession(c);
    return c.redirect(login.kind === 'cognito' ? cognitoLogoutUrl(c, login) : '/login', 303);
  });
  return app;
}
