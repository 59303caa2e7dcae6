// Leverage's web page: a single-page app over the REST API with hash routes.
//
//   #/signin                       paste the API token
//   #/cases                        the cases granted to the user (administrators can create one)
//   #/c/CASE/search?q=&sort=&offset=
//   #/c/CASE/page?document=&page=&q=&hl=&quote=
//   #/c/CASE/overview              findings, custody chains, timeline, people, documents
//   #/c/CASE/witness?name=&key=
//   #/c/CASE/upload
//
// The token lives in sessionStorage (this tab only). Every answer of the server is untrusted text: the page is
// built with DOM calls and textContent only (see dom.js), never innerHTML.
import { api, token, setToken, whenUnauthorized, enc } from './api.js';
import { h, clear, route } from './dom.js';
import { searchView, pageView } from './views-search.js';
import { overviewView, witnessView, uploadView } from './views-case.js';

const app = document.getElementById('app');
const nav = document.getElementById('nav');
const message = document.getElementById('message');
const account = document.getElementById('account');
const whoami = document.getElementById('whoami');

let me = null;
let generation = 0;
let signinNotice = null;

whenUnauthorized((msg) => {
  setToken(null);
  me = null;
  signinNotice = msg;
  generation++;
  if (!location.hash.startsWith('#/signin')) location.hash = '#/signin';
  else render();
});

document.getElementById('signout').addEventListener('click', () => {
  setToken(null);
  me = null;
  signinNotice = 'You are signed out.';
  location.hash = '#/signin';
});

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch (e) {
      return p;
    }
  });
  if (parts[0] === 'c' && parts.length >= 2) return { caseId: parts[1], view: parts[2] || 'search', params };
  return { caseId: null, view: parts[0] || 'cases', params };
}

export function showMessage(text, kind) {
  clear(message);
  message.className = kind || 'error';
  message.append(text);
  message.hidden = false;
}

function hideMessage() {
  message.hidden = true;
  clear(message);
}

function renderChrome(r) {
  clear(nav);
  account.hidden = !me;
  whoami.textContent = me ? me.user + (me.admin ? ' (administrator)' : '') : '';
  if (!me) return;
  nav.append(h('a', { href: '#/cases', id: 'nav-cases', 'aria-current': r.view === 'cases' && !r.caseId ? 'page' : null }, 'Cases'));
  if (r.caseId) {
    nav.append(h('span', { class: 'case-name', id: 'nav-case', title: 'Case' }, r.caseId));
    for (const [view, label] of [['search', 'Search'], ['overview', 'Overview'], ['upload', 'Upload']]) {
      nav.append(h('a', { href: route(r.caseId, view), id: 'nav-' + view, 'aria-current': r.view === view ? 'page' : null }, label));
    }
  }
}

/** What a view gets: where it is, and ways to put its content on the page while it is still the current view. */
function context(r, gen) {
  return {
    caseId: r.caseId,
    params: r.params,
    me,
    live: () => gen === generation,
    mount(...nodes) {
      if (gen !== generation) return false;
      clear(app);
      for (const n of nodes.flat(Infinity)) if (n !== null && n !== undefined && n !== false) app.append(n);
      window.scrollTo(0, 0);
      return true;
    },
    go(hash) {
      if (location.hash === hash) render();
      else location.hash = hash;
    },
    replace(hash) {
      location.replace(hash);
    },
    title(t) {
      document.title = t + ' · Leverage';
    },
    message: showMessage,
  };
}

async function render() {
  const gen = ++generation;
  hideMessage();
  const r = parseHash();
  if (!token() && r.view !== 'signin') {
    location.replace('#/signin');
    return;
  }
  if (r.view === 'signin') {
    me = null;
    renderChrome(r);
    signinView(gen);
    return;
  }
  if (!me) {
    try {
      me = await api('/me');
    } catch (e) {
      if (e.status !== 401 && gen === generation) {
        clear(app);
        app.append(h('p', { class: 'error', id: 'view-error' }, e.message));
      }
      return;
    }
  }
  if (gen !== generation) return;
  renderChrome(r);
  clear(app);
  app.append(h('p', { class: 'loading', id: 'loading' }, 'Loading…'));
  const ctx = context(r, gen);
  try {
    if (r.caseId) {
      switch (r.view) {
        case 'search': await searchView(ctx); break;
        case 'page': await pageView(ctx); break;
        case 'overview': await overviewView(ctx); break;
        case 'witness': await witnessView(ctx); break;
        case 'upload': await uploadView(ctx); break;
        default: ctx.mount(h('p', { class: 'error', id: 'view-error' }, 'There is no such view; pick one above.'));
      }
    } else if (r.view === 'cases') {
      await casesView(ctx);
    } else {
      ctx.replace('#/cases');
    }
  } catch (e) {
    if (gen !== generation || e.status === 401) return;
    ctx.mount(h('p', { class: 'error', id: 'view-error', 'data-status': e.status || 0 }, e.message || String(e)),
      e.status === 404 && r.caseId ? h('p', {}, h('a', { href: '#/cases' }, 'Back to your cases')) : null);
    if (!(e.status >= 400)) console.error(e);
  }
  // keep the focus a view gave (the search box); otherwise start from the top of the new content
  if (gen === generation && (!document.activeElement || document.activeElement === document.body)) app.focus({ preventScroll: true });
}

function signinView(gen) {
  const input = h('input', {
    id: 'token', name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true,
    placeholder: 'lev_…', 'aria-describedby': 'token-help', 'data-testid': 'token',
  });
  const error = h('p', { id: 'signin-error', class: 'error', role: 'alert', 'data-testid': 'signin-error' });
  if (signinNotice) error.textContent = signinNotice;
  signinNotice = null;
  const button = h('button', { id: 'signin', type: 'submit', 'data-testid': 'signin' }, 'Sign in');
  const form = h('form', { id: 'signin-form', class: 'card narrow' },
    h('h1', {}, 'Sign in'),
    h('p', { id: 'token-help' }, 'Paste the API token an administrator gave you. It is kept in this browser tab only, until you sign out or close the tab.'),
    h('label', { for: 'token' }, 'API token'), input, button, error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const t = input.value.trim();
    if (!t) {
      error.textContent = 'Paste your API token first.';
      return;
    }
    button.disabled = true;
    error.textContent = '';
    setToken(t);
    try {
      me = await api('/me');
      location.hash = '#/cases';
    } catch (err) {
      setToken(null);
      me = null;
      if (gen === generation || location.hash.startsWith('#/signin')) {
        error.textContent = err.message;
      }
    } finally {
      button.disabled = false;
    }
  });
  clear(app);
  app.append(form);
  document.title = 'Sign in · Leverage';
  input.focus();
}

async function casesView(ctx) {
  const cases = await api('/cases');
  ctx.title('Cases');
  const list = h('ul', { id: 'cases', class: 'cases' });
  for (const c of cases) {
    const st = (c.ingest && c.ingest.state) || 'idle';
    list.append(h('li', { class: 'case', 'data-case': c.id },
      h('a', { class: 'open-case', href: route(c.id, 'search') }, h('strong', {}, c.id)),
      h('span', { class: 'case-links' },
        h('a', { href: route(c.id, 'search') }, 'Search'), ' · ',
        h('a', { href: route(c.id, 'overview') }, 'Overview'), ' · ',
        h('a', { href: route(c.id, 'upload') }, 'Upload')),
      st !== 'idle' ? h('span', { class: 'state state-' + st }, 'ingest: ' + st) : null));
  }
  const nodes = [h('h1', {}, 'Your cases')];
  if (cases.length) nodes.push(list);
  else nodes.push(h('p', { id: 'no-cases' }, 'No case is granted to you yet. An administrator grants one with `leverage case grant CASE ' + me.user + '`.'));
  if (me.admin) nodes.push(newCaseForm(ctx));
  ctx.mount(nodes);
}

function newCaseForm(ctx) {
  const input = h('input', { id: 'new-case-id', name: 'id', required: true, pattern: '[A-Za-z0-9._-]+', placeholder: '25-003117', maxlength: 64 });
  const error = h('p', { id: 'new-case-error', class: 'error', role: 'alert' });
  const form = h('form', { id: 'new-case', class: 'card' },
    h('h2', {}, 'New case'),
    h('p', {}, 'Create an empty case, then upload its discovery files.'),
    h('label', { for: 'new-case-id' }, 'Case id'), input,
    h('button', { id: 'create-case', type: 'submit' }, 'Create case'), error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    const id = input.value.trim();
    try {
      await api('/cases?id=' + enc(id), { method: 'POST' });
      ctx.go(route(id, 'upload'));
    } catch (err) {
      error.textContent = err.message;
    }
  });
  return form;
}

window.addEventListener('hashchange', render);
render();
