// Building the page from data. Everything the server sends (document text, names, quotes, file names) is
// untrusted: it only ever becomes text nodes or attribute values set through the DOM, never markup.

/** Creates an element; attrs: class, text, on<event> listeners, anything else as an attribute. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  add(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The same for SVG elements. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  add(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
    else if (k === 'text') el.textContent = String(v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'href' && !isSafeHref(String(v))) throw new Error('refusing link ' + v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

/** Links are routes of this page or blob: URLs the page made itself; nothing else (no javascript:, no data:). */
function isSafeHref(v) {
  return v.startsWith('#') || v.startsWith('blob:') || v.startsWith('/ui/') || v === '/';
}

/** Appends children: nodes as they are, anything else as text. */
export function add(el, children) {
  for (const c of [children].flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** A snippet with its «marked» words as <mark> elements. */
export function snippetNodes(snippet) {
  const out = [];
  const text = snippet || '';
  const re = /«([^«»]*)»/g;
  let last = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m.index > last) out.push(document.createTextNode(text.slice(last, m.index)));
    out.push(h('mark', { class: 'term' }, m[1]));
    last = re.lastIndex;
  }
  if (last < text.length) out.push(document.createTextNode(text.slice(last)));
  return out;
}

/** The words a snippet marks. */
export function markedWords(snippet) {
  const words = new Set();
  const re = /«([^«»]*)»/g;
  let m;
  while ((m = re.exec(snippet || '')) !== null) {
    const w = m[1].trim();
    if (w) words.add(w.toLowerCase());
  }
  return [...words];
}

const ESC = /[.*+?^${}()|[\]\\\/]/g;
export function escapeRegex(s) {
  return s.replace(ESC, '\\$&');
}

const FILTER = /(?:^|\s)-?[A-Za-z_]+:(?:\[[^\]]*\]|"[^"]*"|\([^)]*\)|\S+)/g;
const OPERATOR = /^(?:AND|OR|NOT|(?:w|near|pre)\/\d+)$/i;

/**
 * Regular-expression sources for the words a query looks for, to mark them on a page: words and the words of
 * phrases, wildcards as patterns, fuzzy and proximity suffixes dropped; filters (type:, person:...), operators and
 * negated words left out. Words of four letters or more also match with an ending (sniff: sniffed, sniffing).
 */
export function queryTerms(q) {
  const out = [];
  const rest = (q || '').replace(FILTER, ' ');
  const tokens = rest.match(/-?"[^"]*"(?:~\d+)?|[^\s()]+/g) || [];
  let negate = false;
  for (let tok of tokens) {
    if (/^NOT$/.test(tok)) {
      negate = true;
      continue;
    }
    if (OPERATOR.test(tok)) continue;
    const negated = negate || tok.startsWith('-');
    negate = false;
    if (negated) continue;
    tok = tok.replace(/~\d*$/, '');
    const words = tok.startsWith('"') ? tok.replace(/"/g, ' ').split(/\s+/) : [tok];
    for (let w of words) {
      w = w.replace(/^[^\p{L}\p{N}*?]+|[^\p{L}\p{N}*?]+$/gu, '');
      if (!w || /^[*?]+$/.test(w)) continue;
      const wild = /[*?]/.test(w);
      let src = Array.from(w).map((c) => (c === '*' ? '[\\p{L}\\p{N}]*' : c === '?' ? '[\\p{L}\\p{N}]' : escapeRegex(c))).join('');
      if (!wild && w.length >= 4 && /^\p{L}+$/u.test(w)) src += '\\p{L}{0,4}';
      else if (!wild && /^\p{L}+$/u.test(w)) src += "(?:s|'s)?";
      out.push(src);
    }
  }
  return out;
}

/** [start, end) ranges of every whole-word match of the given sources in text. */
export function termRanges(text, sources) {
  if (!sources.length) return [];
  let re;
  try {
    re = new RegExp('(?<![\\p{L}\\p{N}])(?:' + sources.join('|') + ')(?![\\p{L}\\p{N}])', 'giu');
  } catch (e) {
    return [];
  }
  const out = [];
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/**
 * Where a cited quote is on the page: its words in order with any whitespace between them (the quote's
 * whitespace may be normalised); when the whole quote is not found, the longest opening of it (three words at
 * least) that is. Null when it is not there.
 */
export function quoteRange(text, quote) {
  const words = (quote || '').replace(/[…]+$/u, '').trim().split(/\s+/).filter(Boolean);
  for (let n = words.length; n >= Math.min(3, words.length) && n > 0; n--) {
    const re = new RegExp(words.slice(0, n).map(escapeRegex).join('\\s+'), 'iu');
    const m = re.exec(text);
    if (m) return [m.index, m.index + m[0].length];
  }
  return null;
}

/** The text as nodes with each range (class name attached) in a <mark>; overlapping ranges merge. */
export function markedNodes(text, ranges) {
  const sorted = ranges.filter((r) => r[1] > r[0]).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r[0] < last[1]) {
      last[1] = Math.max(last[1], r[1]);
      if (r[2] === 'quote') last[2] = 'quote';
    } else {
      merged.push([r[0], r[1], r[2] || 'term']);
    }
  }
  const out = [];
  let at = 0;
  for (const [a, b, cls] of merged) {
    if (a > at) out.push(document.createTextNode(text.slice(at, a)));
    out.push(h('mark', { class: cls }, text.slice(a, b)));
    at = b;
  }
  if (at < text.length) out.push(document.createTextNode(text.slice(at)));
  return out;
}

/** "#/c/CASE/VIEW?k=v&...": a route of this page. Array values repeat the key. */
export function route(caseId, view, params) {
  let r = caseId == null ? '#/' + view : '#/c/' + encodeURIComponent(caseId) + '/' + view;
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => sp.append(k, x));
    else sp.append(k, String(v));
  }
  const qs = sp.toString();
  return qs ? r + '?' + qs : r;
}

/** A link to one page of a document, optionally with a quote or words to mark. */
export function pageLink(caseId, c, extra) {
  return route(caseId, 'page', { document: c.document, page: c.page || 1, ...(extra || {}) });
}

/** "document, p. 2, ARV-000002" */
export function citationLabel(c) {
  return c.document + ', p. ' + (c.page || 1) + (c.bates ? ', ' + c.bates : '');
}

export function fmtTime(t) {
  return t ? String(t).replace('T', ' ') : 'no time';
}

export function plural(n, one, many) {
  return n + ' ' + (n === 1 ? one : many || one + 's');
}
