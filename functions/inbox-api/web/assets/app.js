// @ts-check
// Balie's page script: keys, in-place actions and live updates on top of server-rendered HTML.
// Everything it inserts is HTML the server rendered (and escaped); it never builds markup from data.
(() => {
  'use strict';
  const FRAGMENT = { 'x-balie-fragment': '1' };
  const LIST_EVERY_MS = 5000;
  const COUNTS_EVERY_MS = 15000;
  const SEARCH_EVERY_MS = 30000;
  const $ = (/** @type {string} */ sel, /** @type {ParentNode} */ root = document) => /** @type {HTMLElement | null} */ (root.querySelector(sel));
  const app = $('.app');
  modelPage();
  const panel = $('#thread-panel');
  const list = $('#worklist-items');
  const worklist = $('#worklist');
  if (!app || !panel || !list || !worklist) return;
  const listQuery = worklist.dataset.query || '';
  const nl = app.dataset.lang === 'nl';
  let listTag = '';
  let busy = false;
  let signedOut = false;
  let approveBlockedUntil = 0;

  const items = () => /** @type {HTMLElement[]} */ ([...document.querySelectorAll('#worklist-items .item')]);
  const selected = () => $('#worklist-items .item.selected');
  const shownThread = () => /** @type {HTMLElement | null} */ (panel.querySelector('article.thread'));
  const draftText = () => /** @type {HTMLTextAreaElement | null} */ ($('#draft-text'));
  // what the browser does to a textarea (CRLF, a dropped first newline, trailing space) is no edit
  const normal = (/** @type {string | undefined} */ text) => (text || '').replace(/\r\n/g, '\n').trim();
  const dirty = () => {
    const t = draftText();
    const note = /** @type {HTMLTextAreaElement | null} */ ($('#note-text'));
    return (
      (!!t && normal(t.value) !== normal(t.dataset.original)) ||
      !!note?.value.trim() ||
      !!(/** @type {HTMLInputElement | null} */ ($('#reject-reason'))?.value.trim())
    );
  };
  const typing = (/** @type {EventTarget | null} */ el) => el instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);

  async function request(/** @type {string} */ url, /** @type {RequestInit} */ init = {}) {
    const send = () => fetch(url, { ...init, headers: { ...FRAGMENT, ...(init.headers || {}) }, credentials: 'same-origin' });
    let res = await send();
    if (res.status === 401 && !signedOut) {
      // the session ended: /login renews it quietly where it can (Cognito's refresh token), then try once more
      await fetch('/login', { credentials: 'same-origin', redirect: 'manual' }).catch(() => undefined);
      res = await send();
    }
    if (res.status === 401) {
      signedOut = true;
      // never lose what the agent is typing: say so, and let them sign in again in another tab
      if (dirty())
        showBanner(
          nl
            ? 'Je sessie is verlopen. Log in een ander tabblad opnieuw in; je tekst blijft hier staan.'
            : 'Your session ended. Sign in again in another tab; your text stays here.',
        );
      else location.reload();
      throw new Error('signed out');
    }
    signedOut = false;
    return res;
  }

  function select(/** @type {HTMLElement | null} */ item) {
    for (const el of items()) {
      el.classList.toggle('selected', el === item);
      if (el === item) el.setAttribute('aria-current', 'true');
      else el.removeAttribute('aria-current');
    }
    item?.scrollIntoView({ block: 'nearest' });
  }

  async function openThread(/** @type {HTMLElement} */ item) {
    const link = /** @type {HTMLAnchorElement | null} */ (item.querySelector('a.item-link'));
    if (!link || !item.dataset.id) return;
    select(item);
    const res = await request(`/ui/threads/${encodeURIComponent(item.dataset.id)}`);
    showPanel(await fragment(res));
    history.replaceState(null, '', link.href);
  }

  function showPanel(/** @type {string} */ html) {
    if (!panel) return;
    panel.innerHTML = html;
    app?.classList.add('has-thread');
    $('.banner')?.remove();
  }

  /** The server answers HTML for every outcome it knows; anything else becomes a plain message. */
  async function fragment(/** @type {Response} */ res) {
    if ((res.headers.get('content-type') || '').startsWith('text/html')) return res.text();
    const p = document.createElement('p');
    p.className = 'flash error';
    p.textContent = `${res.status}: ${nl ? 'dat lukte niet, probeer het opnieuw' : 'that did not work, try again'}`;
    return p.outerHTML;
  }

  async function reloadPanel() {
    const thread = shownThread();
    if (!thread?.dataset.id) return;
    const draftBefore = $('section.draft')?.dataset.draftId;
    const res = await request(`/ui/threads/${encodeURIComponent(thread.dataset.id)}`);
    if (!res.ok) return;
    showPanel(await res.text());
    const draftAfter = $('section.draft')?.dataset.draftId;
    if (draftBefore && draftAfter && draftBefore !== draftAfter) {
      // a new draft replaced the one on screen: no approving it by a key pressed for the old one
      approveBlockedUntil = Date.now() + 2000;
      showBanner(nl ? 'Nieuw concept: lees het voordat je goedkeurt.' : 'New draft: read it before you approve.');
    }
  }

  async function refreshList() {
    const sep = listQuery ? '&' : '?';
    const current = shownThread()?.dataset.id;
    const res = await request(`/ui/worklist${listQuery}${current ? `${sep}selected=${encodeURIComponent(current)}` : ''}`, {
      headers: listTag ? { 'if-none-match': listTag } : {},
    });
    if (res.status !== 200 || !list) return;
    listTag = res.headers.get('etag') || '';
    list.innerHTML = await res.text();
    const thread = shownThread();
    const row = thread && items().find((el) => el.dataset.id === thread.dataset.id);
    if (thread && row && row.dataset.version !== thread.dataset.version) {
      // a new message or a colleague's action: reload, unless the agent is in the middle of an edit
      if (dirty() || typing(document.activeElement))
        showBanner(nl ? 'Dit gesprek is gewijzigd. Druk op . om het te verversen.' : 'This thread changed. Press . to reload it.');
      else await reloadPanel();
    }
  }

  async function refreshCounts() {
    const tabs = $('#view-tabs');
    if (!tabs) return;
    const res = await request(`/ui/counts${listQuery}`);
    if (res.ok) tabs.innerHTML = await res.text();
  }

  function showBanner(/** @type {string} */ text) {
    if (!panel) return;
    $('.banner')?.remove();
    const banner = document.createElement('p');
    banner.className = 'banner';
    banner.setAttribute('role', 'status');
    banner.textContent = text;
    panel.prepend(banner);
  }

  async function submit(/** @type {HTMLFormElement} */ form, /** @type {HTMLElement | null} */ submitter) {
    if (busy) return; // one action at a time: a double press never approves twice from here
    busy = true;
    form.classList.add('busy');
    try {
      const body = new URLSearchParams(/** @type {any} */ (new FormData(form, /** @type {any} */ (submitter))));
      const res = await request(form.action, { method: 'POST', body });
      showPanel(await fragment(res));
      await refreshList();
    } finally {
      busy = false;
      form.classList.remove('busy');
    }
  }

  function move(/** @type {number} */ step) {
    const all = items();
    if (!all.length) return;
    const at = all.indexOf(/** @type {HTMLElement} */ (selected()));
    const next = all[Math.min(all.length - 1, Math.max(0, at === -1 ? 0 : at + step))];
    if (next) void openThread(next);
  }

  document.addEventListener('submit', (event) => {
    const form = /** @type {HTMLFormElement} */ (event.target);
    if (!form.matches('form[data-enhance]')) return;
    event.preventDefault();
    void submit(form, /** @type {HTMLElement | null} */ (/** @type {SubmitEvent} */ (event).submitter));
  });

  document.addEventListener('change', (event) => {
    const el = /** @type {HTMLElement} */ (event.target);
    if (el.matches('select[data-autosubmit]')) /** @type {HTMLFormElement} */ (el.closest('form'))?.requestSubmit();
  });

  document.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const mouse = /** @type {MouseEvent} */ (event);
    const link = target.closest('a.item-link');
    if (link && !mouse.ctrlKey && !mouse.metaKey && !mouse.shiftKey) {
      event.preventDefault();
      void openThread(/** @type {HTMLElement} */ (link.closest('.item')));
      return;
    }
    const original = /** @type {HTMLAnchorElement | null} */ (target.closest('.attachments a'));
    if (original && !mouse.ctrlKey && !mouse.metaKey && !mouse.shiftKey) {
      event.preventDefault();
      void openOriginal(original);
      return;
    }
    if (target.closest('a.back') && matchMedia('(max-width: 800px)').matches) {
      event.preventDefault();
      app.classList.remove('has-thread');
      return;
    }
    const button = /** @type {HTMLElement | null} */ (target.closest('button'));
    if (button?.dataset.focus) focusEnd(/** @type {HTMLTextAreaElement} */ ($(`#${button.dataset.focus}`)));
    if (button?.dataset.toggle) toggleReject();
    if (button?.hasAttribute('data-help')) /** @type {HTMLDialogElement} */ ($('#help'))?.showModal();
  });

  /** An attachment or media: downloaded when it is there; when it expired, the server's sentence beside the link. */
  async function openOriginal(/** @type {HTMLAnchorElement} */ link) {
    // not following the redirect: the file comes from the second, real navigation
    const res = await request(link.href, { redirect: 'manual' }).catch(() => undefined);
    if (res?.status === 404 && (res.headers.get('content-type') || '').startsWith('text/html')) {
      // the sentence is read first, so the old one is swapped for it at once and never missing in between
      const sentence = await res.text();
      link.parentElement?.querySelector('.gone')?.remove();
      link.insertAdjacentHTML('afterend', sentence);
      return;
    }
    location.assign(link.href);
  }

  function focusEnd(/** @type {HTMLTextAreaElement | HTMLInputElement | null} */ field) {
    if (!field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }

  function toggleReject(show = true) {
    const form = $('#reject-form');
    if (!form) return;
    form.hidden = !show;
    if (show) $('#reject-reason')?.focus();
  }

  document.addEventListener('keydown', (event) => {
    const el = event.target;
    if (event.key === 'Escape') {
      if (el instanceof HTMLElement) el.blur();
      toggleReject(false);
      return;
    }
    if (typing(el)) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && el === draftText()) {
        event.preventDefault();
        /** @type {HTMLFormElement | null} */ ($('#approve-form'))?.requestSubmit();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const keys = {
      j: () => move(1),
      k: () => move(-1),
      a: () => {
        if (Date.now() < approveBlockedUntil) return;
        /** @type {HTMLFormElement | null} */ ($('#approve-form'))?.requestSubmit();
      },
      e: () => focusEnd(draftText()),
      r: () => toggleReject(true),
      t: () => $('button[data-key="t"]')?.click(),
      n: () => $('#note-text')?.focus(),
      '/': () => focusEnd(/** @type {HTMLInputElement | null} */ ($('#search'))),
      '.': () => void reloadPanel(),
      '?': () => /** @type {HTMLDialogElement} */ ($('#help'))?.showModal(),
    };
    const action = /** @type {Record<string, () => void>} */ (keys)[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });

  const poll = (/** @type {() => Promise<void>} */ task, /** @type {number} */ every) =>
    setInterval(() => {
      if (document.visibilityState === 'visible' && !busy && !signedOut) task().catch(() => undefined);
    }, every);
  // a search reads the whole queue: refresh its results less often
  poll(refreshList, /[?&]q=/.test(listQuery) ? SEARCH_EVERY_MS : LIST_EVERY_MS);
  poll(refreshCounts, COUNTS_EVERY_MS);
  void refreshCounts().catch(() => undefined);
  document.documentElement.dataset.ready = 'true';

  /** The Categories and model page: the upload gzipped (a history shrinks about five times), the runs kept current. */
  function modelPage() {
    const page = $('#model-page');
    if (!page) return;
    // the worklist's part of the script returns early on this page: say here that the script is ready
    document.documentElement.dataset.ready = 'true';
    const form = /** @type {HTMLFormElement | null} */ ($('#upload-form'));
    if (form && typeof CompressionStream === 'function')
      form.addEventListener('submit', async (event) => {
        const input = /** @type {HTMLInputElement} */ (form.querySelector('input[type=file]'));
        const file = input.files && input.files[0];
        if (!file) return;
        event.preventDefault();
        const button = /** @type {HTMLButtonElement} */ (form.querySelector('button[type=submit]'));
        button.disabled = true;
        /** @type {Response} */
        let res;
        const say = (/** @type {string} */ message) => {
          const flash = document.createElement('p');
          flash.className = 'flash error';
          flash.setAttribute('role', 'alert');
          flash.textContent = message;
          form.querySelector('.flash')?.remove();
          form.prepend(flash);
          button.disabled = false;
        };
        try {
          const gzipped = await new Response(file.stream().pipeThrough(new CompressionStream('gzip'))).blob();
          const max = Number(form.dataset.maxBytes || Infinity);
          if (gzipped.size > max) {
            const mb = (gzipped.size / 1024 / 1024).toFixed(1);
            const limit = Math.floor(max / 1024 / 1024);
            say(
              document.documentElement.lang === 'nl'
                ? `Dit bestand is ook gecomprimeerd ${mb} MB; de pagina neemt tot ${limit} MB. Splits het, houd de nieuwste regels, of train het met npm run retrain -- --from BESTAND --bucket <MailBucketName>.`
                : `This file is ${mb} MB even compressed; the page takes up to ${limit} MB. Split it, keep the newest rows, or train it with npm run retrain -- --from FILE --bucket <MailBucketName>.`,
            );
            return;
          }
          const query = new URLSearchParams({ filename: file.name });
          for (const name of ['textColumn', 'labelColumn']) {
            const value = /** @type {HTMLInputElement} */ (form.elements.namedItem(name)).value.trim();
            if (value) query.set(name, value);
          }
          res = await fetch(`${form.action}?${query}`, {
            method: 'POST',
            body: gzipped,
            headers: { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip' },
            credentials: 'same-origin',
          });
        } catch {
          // the script could not send it (no network answer at all): the plain form can
          button.disabled = false;
          form.submit();
          return;
        }
        // 303 to the page on success
        if (res.redirected) {
          location.href = res.url;
          return;
        }
        const text = await res.text();
        // a refusal the page explains (a file that is not a history…): that page in place of this one
        const fresh = new DOMParser().parseFromString(text, 'text/html').querySelector('#model-page');
        if (fresh) {
          page.replaceWith(fresh);
          modelPage();
          return;
        }
        // anything else is the API's JSON error (413 too large, 401 signed out, 503 queue): said here, nothing sent twice
        let message = `${res.status}`;
        try {
          message = JSON.parse(text).message || message;
        } catch {
          // not JSON: the status it is
        }
        say(message);
      });
    const runs = $('#training-jobs');
    if (!runs) return;
    const refresh = async () => {
      if (!runs.isConnected || !runs.querySelector('#training-jobs-body[data-active]')) return;
      try {
        const res = await fetch('/ui/model/jobs', { headers: FRAGMENT, credentials: 'same-origin' });
        // an open report stays open
        const open = [...runs.querySelectorAll('details[open]')].map((d) => d.closest('li')?.id);
        if (res.ok) runs.innerHTML = await res.text();
        for (const id of open) if (id) document.querySelector(`#${CSS.escape(id)} details`)?.setAttribute('open', '');
      } finally {
        setTimeout(refresh, 2000);
      }
    };
    setTimeout(refresh, 2000);
  }
})();
