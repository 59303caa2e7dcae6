// Search and page views.
import { api, apiFetch, enc, fileNameOf } from './api.js';
import {
  h, clear, route, pageLink, snippetNodes, markedWords, queryTerms, termRanges, quoteRange, markedNodes, plural,
} from './dom.js';

const LIMITS = [10, 20, 50, 100];
const LIMIT = 20;

const FACETS = [
  ['type', 'Document type', 'type'],
  ['person', 'Person', 'person'],
  ['month', 'Month', 'date'],
  ['date', 'Month', 'date'],
];

const HELP = [
  ['dog sniff', 'pages with the words (stems, K9 = dog = canine)'],
  ['"dog sniff"', 'the exact phrase'],
  ['"dog sniff"~5  or  dog w/5 sniff', 'the words within 5 words'],
  ['a AND b, a OR b, NOT a, -a, ( )', 'Boolean logic'],
  ['seiz*  b?ggie', 'wildcards'],
  ['cocaine~', 'near spellings (scanned pages)'],
  ['type:lab_report', 'one document type'],
  ['person:Keel', 'pages that mention the person, however written'],
  ['bates:ARV-000004  bates:[ARV-000001 TO ARV-000009]', 'Bates numbers'],
  ['date:2025-03-15  date:[2025-03-01 TO 2025-03-31]', 'dates'],
  ['ARV-000004', 'a bare Bates number opens that page'],
];

/** The query with a facet's filter added (once). */
export function withFilter(q, field, value) {
  const v = String(value).replace(/"/g, '');
  const filter = /^[\p{L}\p{N}_.\-]+$/u.test(v) ? field + ':' + v : field + ':"' + v + '"';
  if ((' ' + q + ' ').includes(' ' + filter + ' ')) return q;
  return (q.trim() ? q.trim() + ' ' : '') + filter;
}

function searchForm(ctx, q, sort, limit) {
  const input = h('input', {
    id: 'query', name: 'q', type: 'search', value: q, autocomplete: 'off', spellcheck: 'false',
    placeholder: 'dog sniff, "free air", person:Keel, ARV-000004 …', 'aria-label': 'Search the case', 'data-testid': 'query',
  });
  const sortSel = h('select', { id: 'sort', name: 'sort', 'aria-label': 'Sort', 'data-testid': 'sort' },
    h('option', { value: 'relevance', selected: sort === 'relevance' }, 'Best match first'),
    h('option', { value: 'date', selected: sort === 'date' }, 'Date order'));
  const limitSel = h('select', { id: 'limit', name: 'limit', 'aria-label': 'Hits per page', 'data-testid': 'limit' },
    LIMITS.map((n) => h('option', { value: n, selected: n === limit }, n + ' per page')));
  const form = h('form', { id: 'search-form', role: 'search', class: 'searchbar' },
    input, sortSel, limitSel, h('button', { id: 'search', type: 'submit', 'data-testid': 'search' }, 'Search'));
  const submit = () => {
    const query = input.value.trim();
    const n = parseInt(limitSel.value, 10);
    ctx.go(route(ctx.caseId, 'search', { q: query, sort: sortSel.value === 'date' ? 'date' : null, limit: n === LIMIT ? null : n }));
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  for (const sel of [sortSel, limitSel]) {
    sel.addEventListener('change', () => {
      if (input.value.trim()) submit();
    });
  }
  return { form, input };
}

function help() {
  const rows = HELP.map(([ex, what]) => h('tr', {}, h('td', {}, h('code', {}, ex)), h('td', {}, what)));
  return h('details', { id: 'search-help', class: 'help' }, h('summary', {}, 'How to write a search'),
    h('table', {}, h('tbody', {}, rows)));
}

export async function searchView(ctx) {
  const p = ctx.params;
  const q = (p.get('q') || '').trim();
  const sort = p.get('sort') === 'date' ? 'date' : 'relevance';
  const offset = Math.max(0, parseInt(p.get('offset') || '0', 10) || 0);
  const asked = parseInt(p.get('limit') || '', 10);
  const limit = LIMITS.includes(asked) ? asked : LIMIT;
  ctx.title(q ? q + ' · ' + ctx.caseId : 'Search ' + ctx.caseId);
  const { form, input } = searchForm(ctx, q, sort, limit);
  const heading = h('h1', { class: 'sr-only' }, 'Search case ' + ctx.caseId);
  if (!q) {
    ctx.mount(heading, form, help(), h('div', { id: 'results', class: 'results' },
      h('p', { class: 'hint' }, 'Type words to find the pages of case ' + ctx.caseId + ' that contain them.')));
    input.focus();
    return;
  }
  let res;
  try {
    res = await api('/cases/' + enc(ctx.caseId) + '/search?q=' + enc(q) + '&offset=' + offset + '&limit=' + limit + '&sort=' + sort);
  } catch (e) {
    if (e.status !== 400) throw e;
    ctx.mount(heading, form, h('p', { id: 'search-error', class: 'error', role: 'alert', 'data-testid': 'search-error' }, e.message), help());
    input.focus();
    return;
  }
  if (res.jump) {
    // a bare Bates number: straight to that page
    ctx.replace(pageLink(ctx.caseId, res.jump, { q }));
    return;
  }
  const results = h('div', { id: 'results', class: 'results', 'data-total': res.total });
  const hits = res.hits || [];
  const first = hits.length ? offset + 1 : 0;
  results.append(h('p', { id: 'result-count', class: 'count' },
    res.total === 0 ? 'No page matches this search.' : 'Pages ' + first + '–' + (offset + hits.length) + ' of ' + res.total));
  const list = h('ol', { id: 'hits', class: 'hits', start: first || 1 });
  for (const hit of hits) list.append(hitItem(ctx, hit, q));
  results.append(list, pager(ctx, q, sort, limit, offset, hits.length, res.total));
  ctx.mount(heading, form, h('div', { class: 'with-facets' }, results, facets(ctx, q, sort, limit, res.facets || {})));
}

function hitItem(ctx, hit, q) {
  const link = pageLink(ctx.caseId, hit, { q, hl: markedWords(hit.snippet) });
  return h('li', { class: ['hit', hit.partial ? 'partial' : null], 'data-document': hit.document, 'data-page': hit.page, 'data-testid': 'hit' },
    h('div', { class: 'hit-head' },
      h('a', { class: 'open', href: link }, hit.document),
      h('span', { class: 'page' }, 'p. ' + hit.page),
      hit.bates ? h('span', { class: 'bates' }, hit.bates) : null),
    h('div', { class: 'hit-meta' },
      h('span', { class: 'type' }, hit.type || 'other'),
      h('span', { class: 'date' }, hit.date || 'no date'),
      hit.ocr ? h('span', { class: 'badge ocr', title: 'This page was read from a scan (OCR); words may be misspelt.' + ocrTitle(hit) }, ocrLabel(hit)) : null,
      hit.partial ? h('span', { class: 'badge partial', title: 'Only some of the words are on this page.' }, 'some words') : null),
    h('p', { class: 'snippet' }, snippetNodes(hit.snippet)));
}

/** The route of this search with other settings; defaults are left out of the URL. */
function searchRoute(ctx, q, sort, limit, offset) {
  return route(ctx.caseId, 'search', { q, sort: sort === 'date' ? 'date' : null, limit: limit === LIMIT ? null : limit, offset: offset || null });
}

function pager(ctx, q, sort, limit, offset, shown, total) {
  const to = (o) => searchRoute(ctx, q, sort, limit, o);
  const prev = h('button', { id: 'prev', type: 'button', disabled: offset <= 0, 'data-testid': 'prev' }, '← Previous');
  const next = h('button', { id: 'next', type: 'button', disabled: offset + shown >= total, 'data-testid': 'next' }, 'Next →');
  prev.addEventListener('click', () => ctx.go(to(Math.max(0, offset - limit))));
  next.addEventListener('click', () => ctx.go(to(offset + limit)));
  return h('nav', { class: 'pager', 'aria-label': 'Result pages' }, prev, next);
}

function facets(ctx, q, sort, limit, f) {
  const aside = h('aside', { id: 'facets', class: 'facets', 'aria-label': 'Narrow the search' });
  const seen = new Set();
  for (const [key, label, field] of FACETS) {
    const values = f[key];
    if (!values || typeof values !== 'object' || seen.has(label)) continue;
    const entries = Object.entries(values);
    if (!entries.length) continue;
    seen.add(label);
    const ul = h('ul', {});
    for (const [value, count] of entries) {
      const b = h('button', { type: 'button', class: 'facet-value', 'data-facet': field, 'data-value': value, title: 'Add ' + field + ':' + value + ' to the search' },
        h('span', { class: 'facet-label' }, value), h('span', { class: 'facet-count' }, String(count)));
      b.addEventListener('click', () => ctx.go(searchRoute(ctx, withFilter(q, field, value), sort, limit, 0)));
      ul.append(h('li', {}, b));
    }
    aside.append(h('section', { class: 'facet', 'data-facet': field }, h('h2', {}, label), ul));
  }
  return aside;
}

export async function pageView(ctx) {
  const p = ctx.params;
  const doc = p.get('document') || '';
  const n = Math.max(1, parseInt(p.get('page') || '1', 10) || 1);
  const q = p.get('q') || '';
  const hl = p.getAll('hl');
  const quote = p.get('quote') || '';
  const page = await api('/cases/' + enc(ctx.caseId) + '/page?document=' + enc(doc) + '&page=' + n);
  ctx.title(doc + ' p. ' + n);
  const text = page.text || '';
  const pages = page.pages || null;

  const sources = [...hl.map((w) => wordSource(w)), ...queryTerms(q)];
  const ranges = termRanges(text, sources).map((r) => [r[0], r[1], 'term']);
  let quoteNote = null;
  if (quote) {
    const qr = quoteRange(text, quote);
    if (qr) ranges.push([qr[0], qr[1], 'quote']);
    quoteNote = h('figure', { id: 'cited', class: ['cited', qr ? null : 'not-found'] },
      h('figcaption', {}, qr ? 'Cited passage (marked below):' : 'Cited passage (not found verbatim on this page; compare by eye):'),
      h('blockquote', {}, '“' + quote + '”'));
  }
  const keep = { q: q || null, hl: hl.length ? hl : null };
  const navLinks = h('nav', { class: 'page-nav', 'aria-label': 'Pages of the document' },
    n > 1 ? h('a', { id: 'prev-page', class: 'button', href: route(ctx.caseId, 'page', { document: doc, page: n - 1, ...keep }) }, '← Page ' + (n - 1)) : null,
    pages === null || n < pages ? h('a', { id: 'next-page', class: 'button', href: route(ctx.caseId, 'page', { document: doc, page: n + 1, ...keep }) }, 'Page ' + (n + 1) + ' →') : null,
    q ? h('a', { id: 'back-to-results', href: route(ctx.caseId, 'search', { q }) }, 'Back to the results') : null);
  const openBtn = h('button', { id: 'open-original', type: 'button', 'data-testid': 'open-original' }, 'Open the original file');
  const openNote = h('span', { id: 'original-status', class: 'note', role: 'status' });
  openBtn.addEventListener('click', () => openOriginal(ctx.caseId, doc, openBtn, openNote));
  const body = h('pre', { id: 'page-text', class: ['page-text', page.ocr ? 'ocr' : null], 'data-document': doc, 'data-page': n, tabindex: 0 },
    markedNodes(text, ranges));
  const marks = ranges.length;
  ctx.mount(
    h('header', { class: 'page-head' },
      h('h1', { id: 'page-document', 'data-testid': 'page-document' }, doc),
      h('p', { class: 'meta' },
        h('span', { id: 'page-number', 'data-page': n }, 'Page ' + n + (pages ? ' of ' + pages : '')),
        page.bates ? h('span', { id: 'page-bates', class: 'bates' }, page.bates) : h('span', { class: 'bates none' }, 'no Bates number'),
        page.type ? h('span', { class: 'type' }, page.type) : null,
        page.ocr ? h('span', { class: 'badge ocr', title: 'Read from a scan; check the original.' + ocrTitle(page) }, ocrLabel(page)) : null,
        marks ? h('span', { class: 'note' }, plural(marks, 'passage') + ' marked') : null)),
    navLinks, h('p', { class: 'actions' }, openBtn, openNote), quoteNote, body);
  const first = body.querySelector('mark.quote') || body.querySelector('mark');
  if (first) first.scrollIntoView({ block: 'center' });
}

function wordSource(w) {
  return w.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** Fetches the original with the token; a PDF opens in a new tab, anything else downloads. */
async function openOriginal(caseId, doc, button, note) {
  button.disabled = true;
  note.textContent = 'Fetching the original…';
  try {
    const res = await apiFetch('/cases/' + enc(caseId) + '/original?document=' + enc(doc));
    const type = (res.headers.get('Content-Type') || '').toLowerCase();
    const pdf = type.startsWith('application/pdf');
    const name = fileNameOf(res, doc.split(/[\/!]/).pop() || 'original');
    // never text/html: a blob URL runs as this site, so only PDF (the browser's viewer) or a download
    const blob = new Blob([await res.arrayBuffer()], { type: pdf ? 'application/pdf' : 'application/octet-stream' });
    const url = URL.createObjectURL(blob);
    clear(note);
    const link = h('a', { id: 'original-link', href: url, download: pdf ? null : name, target: pdf ? '_blank' : null, rel: 'noopener' }, pdf ? 'Open ' + name : 'Save ' + name);
    note.append(link);
    if (pdf) {
      const w = window.open(url, '_blank');
      if (w) w.opener = null;
      else note.append(' (the browser blocked the new tab; use the link)');
    } else {
      link.click();
    }
    setTimeout(() => URL.revokeObjectURL(url), 10 * 60 * 1000);
  } catch (e) {
    if (e.status !== 401) note.textContent = e.message;
  } finally {
    button.disabled = false;
  }
}

/** "OCR 91%": Tesseract's mean word confidence for the page, when it gave one. */
function ocrLabel(p) {
  return typeof p.ocr_confidence === 'number' ? `OCR ${Math.round(p.ocr_confidence * 100)}%` : 'OCR';
}

function ocrTitle(p) {
  if (typeof p.ocr_confidence !== 'number') return '';
  const pct = Math.round(p.ocr_confidence * 100);
  return ` Tesseract's mean word confidence on this page is ${pct}%` + (pct < 80 ? ': expect misread words and numbers.' : '.');
}
