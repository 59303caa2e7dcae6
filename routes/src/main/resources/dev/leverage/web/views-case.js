// Case overview (the leverage report), witness page and upload.
import { api, apiFetch, enc, fileNameOf } from './api.js';
import { h, clear, route, pageLink, citationLabel, fmtTime, plural, quoteRange, markedNodes } from './dom.js';
import { timelineSvg, sourcesOf } from './timeline.js';

const SEVERITIES = ['high', 'medium', 'low'];
const human = (s) => String(s || '').replace(/_/g, ' ');

/** A link to the cited page with the quote to mark, and the quote itself. */
function citation(caseId, c, tag) {
  return h(tag || 'li', { class: 'citation' },
    h('a', { href: pageLink(caseId, c, { quote: c.quote || null }), 'data-document': c.document, 'data-page': c.page || 1 }, citationLabel(c)),
    c.quote ? h('blockquote', {}, '“' + c.quote + '”') : null);
}

/** The simple facts of a finding (strings, numbers, booleans) as a definition list. */
function facts(f) {
  const dl = h('dl', { class: 'facts' });
  for (const [k, v] of Object.entries(f || {})) {
    if (v === null || v === undefined || typeof v === 'object' || k === 'kind') continue;
    dl.append(h('dt', {}, human(k)), h('dd', {}, String(v)));
  }
  const t = f && f.threshold;
  if (t && typeof t === 'object') {
    dl.append(h('dt', {}, 'threshold'), h('dd', {}, [t.name, t.consequence].filter(Boolean).join(': ')
      + (t.lower_bound_crosses === false && t.point_estimate_crosses ? ' (the estimate crosses it, the proven lower bound does not)' : '')));
  }
  return dl.childNodes.length ? h('details', { class: 'facts-box' }, h('summary', {}, 'Facts'), dl) : null;
}

/** One finding, with its citations as links to the cited pages. */
export function findingCard(caseId, f) {
  return h('article', { class: ['finding', 'sev-' + f.severity], id: 'finding-' + f.id, 'data-severity': f.severity, 'data-kind': f.kind, 'data-testid': 'finding' },
    h('p', { class: 'finding-kind' }, h('span', { class: 'severity' }, f.severity), ' ', human(f.type) + ' · ' + human(f.kind)),
    h('h3', { class: 'finding-title' }, f.title),
    h('p', { class: 'explanation' }, f.explanation),
    f.suggested_action ? h('p', { class: 'action' }, h('strong', {}, 'Suggested action: '), f.suggested_action) : null,
    facts(f.facts),
    h('h4', {}, plural((f.citations || []).length, 'citation')),
    h('ul', { class: 'citations' }, (f.citations || []).map((c) => citation(caseId, c))));
}

async function download(caseId, format, button) {
  button.disabled = true;
  try {
    const res = await apiFetch('/cases/' + enc(caseId) + '/report?format=' + format);
    const name = fileNameOf(res, 'leverage-' + caseId + '.' + (format === 'md' ? 'md' : format));
    // always a download (octet-stream): a report rendered as HTML in a blob URL would run as this site
    const url = URL.createObjectURL(new Blob([await res.arrayBuffer()], { type: 'application/octet-stream' }));
    const a = h('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60 * 1000);
  } finally {
    button.disabled = false;
  }
}

export async function overviewView(ctx) {
  const c = ctx.caseId;
  let report;
  const docsP = api('/cases/' + enc(c) + '/documents').catch(() => null);
  try {
    report = await api('/cases/' + enc(c) + '/report?format=json');
  } catch (e) {
    if (e.status !== 409) throw e;
    ctx.mount(h('h1', {}, 'Case ' + c), h('p', { id: 'not-analysed', class: 'note' }, e.message), h('p', {}, h('a', { href: route(c, 'upload') }, 'Upload files')));
    return;
  }
  const docs = (await docsP) || report.documents || [];
  ctx.title('Overview ' + c);
  const findings = report.findings || [];
  const titleOf = new Map(findings.map((f) => [f.id, f.title]));
  const bySev = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s)]);
  const other = findings.filter((f) => !SEVERITIES.includes(f.severity));
  if (other.length) bySev.push(['other', other]);

  const dl = h('p', { id: 'downloads', class: 'actions' }, 'Download the report: ');
  for (const [fmt, label] of [['pdf', 'PDF'], ['html', 'HTML'], ['md', 'Markdown'], ['json', 'JSON']]) {
    const b = h('button', { type: 'button', class: 'download', 'data-format': fmt }, label);
    b.addEventListener('click', () => download(c, fmt, b).catch((e) => ctx.message(e.message)));
    dl.append(b, ' ');
  }
  const counts = docs.reduce((m, d) => ((m[d.status] = (m[d.status] || 0) + 1), m), {});
  const summary = h('p', { id: 'overview-summary', class: 'summary' },
    plural(findings.length, 'finding') + (findings.length ? ' (' + bySev.filter(([, l]) => l.length).map(([s, l]) => l.length + ' ' + s).join(', ') + ')' : '')
    + ' from ' + plural(docs.length, 'file') + ': ' + Object.entries(counts).map(([s, n]) => n + ' ' + s).join(', ')
    + '. Generated ' + fmtTime(report.generated) + '. Check every quote against the page before relying on it.');

  const fSec = h('section', { id: 'findings', 'aria-labelledby': 'findings-h' }, h('h2', { id: 'findings-h' }, 'Findings'));
  if (!findings.length) fSec.append(h('p', {}, 'No findings.'));
  for (const [sev, list] of bySev) {
    if (!list.length) continue;
    fSec.append(h('section', { class: ['severity-group', 'sev-' + sev], 'data-severity': sev },
      h('h3', { class: 'severity-heading' }, human(sev) + ' (' + list.length + ')'), list.map((f) => findingCard(c, f))));
  }

  ctx.mount(
    h('h1', {}, 'Case ' + c),
    summary, dl,
    h('nav', { class: 'toc', 'aria-label': 'On this page' },
      ['findings', 'custody', 'timeline', 'people', 'documents'].map((id) => h('a', { href: '#', 'data-target': id, class: 'toc-link' }, human(id === 'custody' ? 'custody chains' : id)))),
    fSec,
    custody(c, report.custody_chains || []),
    timelineSection(ctx, report.timeline || [], titleOf),
    people(c, report.people || []),
    documents(c, docs));
  // in-page jumps without touching the hash (the hash is the route)
  for (const a of document.querySelectorAll('.toc-link')) {
    a.addEventListener('click', (e) => {
      e.preventDefault();
      const t = document.getElementById(a.getAttribute('data-target'));
      if (t) t.scrollIntoView({ block: 'start' });
    });
  }
}

function custody(c, chains) {
  const sec = h('section', { id: 'custody', 'aria-labelledby': 'custody-h' }, h('h2', { id: 'custody-h' }, 'Chain of custody'));
  if (!chains.length) sec.append(h('p', {}, 'No custody records were found.'));
  for (const chain of chains) {
    const links = chain.links || [];
    const breaks = links.filter((l) => (l.breaks || []).length).length;
    const ol = h('ol', { class: 'chain' });
    for (const l of links) {
      const broken = (l.breaks || []).length > 0;
      const who = l.released_by || l.received_by
        ? [h('span', { class: 'from' }, l.released_by || '(not written)'), h('span', { class: 'arrow', 'aria-label': 'to' }, ' → '), h('span', { class: 'to' }, l.received_by || '(not written)')]
        : [h('span', { class: 'nobody' }, 'no handler written')];
      const details = [
        l.purpose ? human(l.purpose) : null,
        l.location,
        l.seal ? 'seal ' + l.seal + (l.seal_status ? ' (' + l.seal_status + ')' : '') : l.seal_status ? 'seal ' + l.seal_status : null,
        l.count !== undefined && l.count !== null ? l.count + ' units' : null,
        l.weight_g !== undefined && l.weight_g !== null ? Number(l.weight_g).toFixed(2) + ' g' + (l.weight_kind ? ' ' + l.weight_kind : '') : null,
        l.description,
      ].filter(Boolean).join(' · ');
      ol.append(h('li', { class: ['custody-link', broken ? 'break' : null], 'data-breaks': (l.breaks || []).join(' ') || null },
        h('div', { class: 'link-head' }, h('span', { class: 'when' }, fmtTime(l.time)), ' ', who),
        details ? h('div', { class: 'link-details' }, details) : null,
        broken ? h('div', { class: 'break-flag', role: 'note' }, '⚠ Break in the chain: ' + l.breaks.map(human).join(', ')) : null,
        h('ul', { class: 'sources' }, (l.citations || []).map((x) => citation(c, x)))));
    }
    sec.append(h('section', { class: 'custody-chain', 'data-item': chain.item },
      h('h3', {}, chain.item + ' ', h('span', { class: 'note' }, plural(links.length, 'record') + (breaks ? ', ' + plural(breaks, 'break') : ', no break found'))),
      ol));
  }
  return sec;
}

function timelineSection(ctx, timeline, titleOf) {
  const c = ctx.caseId;
  const sec = h('section', { id: 'timeline', 'aria-labelledby': 'timeline-h' }, h('h2', { id: 'timeline-h' }, 'Timeline'));
  if (!timeline.length) {
    sec.append(h('p', {}, 'No timed events.'));
    return sec;
  }
  const findingTitle = (id) => titleOf.get(id) || human(id);
  sec.append(h('p', { class: 'legend' },
    h('span', { class: 'key dot' }, '●'), ' as written  ', h('span', { class: 'key hollow' }, '○'), ' approximate  ',
    h('span', { class: 'key bar' }, '━'), ' documents disagree  ', h('span', { class: 'key flag' }, '⚠'), ' a finding rests on it. Click a row to open its page.'));
  sec.append(h('div', { class: 'timeline-box' },
    timelineSvg(timeline, findingTitle, (t) => ctx.go(pageLink(c, t, { quote: t.quote || null })))));
  const rows = timeline.map((t) => {
    const fs = t.findings || [];
    const srcs = sourcesOf(t);
    return h('tr', { class: ['event', fs.length ? 'flagged' : null, srcs.length > 1 && t.spread_minutes > 0 ? 'conflict' : null], 'data-event': t.event },
      h('td', { class: 'time' }, fmtTime(t.time), t.approximate ? ' (approx.)' : ''),
      h('td', {}, human(t.event), fs.length ? h('div', { class: 'flag' }, fs.map((id) => h('div', {}, '⚠ ' + findingTitle(id)))) : null),
      h('td', {}, t.actor || ''),
      h('td', {}, h('ul', { class: 'sources' }, srcs.map((s) => h('li', { class: 'citation' },
        h('span', { class: 'when' }, fmtTime(s.time) + (s.approximate ? ' (approx.)' : '')), ' ',
        h('a', { href: pageLink(c, s, { quote: s.quote || null }) }, citationLabel(s)),
        s.quote ? h('blockquote', {}, '“' + s.quote + '”') : null)))));
  });
  sec.append(h('table', { id: 'timeline-table', class: 'grid' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Time'), h('th', {}, 'Event'), h('th', {}, 'Actor'), h('th', {}, 'As each document tells it'))),
    h('tbody', {}, rows)));
  return sec;
}

function people(c, list) {
  const sec = h('section', { id: 'people', 'aria-labelledby': 'people-h' }, h('h2', { id: 'people-h' }, 'People'));
  const rows = list.map((p) => h('tr', { class: 'person', 'data-key': p.key || null },
    h('td', {}, h('a', { class: 'witness-link', href: route(c, 'witness', { name: p.name, key: p.key || null }) }, p.name)),
    h('td', {}, (p.roles || []).map(human).join(', ')),
    h('td', {}, p.badge ? '#' + p.badge : ''),
    h('td', { class: 'aliases' }, (p.aliases || []).filter((a) => a !== p.name).slice(0, 6).join(' · ') + ((p.aliases || []).length > 7 ? ' …' : '')),
    h('td', { class: 'num' }, String(p.mentions ?? ''))));
  sec.append(h('table', { id: 'people-table', class: 'grid' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Roles'), h('th', {}, 'Badge'), h('th', {}, 'Also written'), h('th', {}, 'Mentions'))),
    h('tbody', {}, rows)));
  return sec;
}

/** "ARV-000001 – ARV-000003" from a report document ({bates: {first, last}}) or a file record (batesFirst, batesLast). */
function batesRange(d) {
  const first = (d.bates && d.bates.first) || d.batesFirst;
  const last = (d.bates && d.bates.last) || d.batesLast;
  if (!first) return '';
  return last && last !== first ? first + ' – ' + last : first;
}

function documents(c, docs) {
  const sec = h('section', { id: 'documents', 'aria-labelledby': 'documents-h' }, h('h2', { id: 'documents-h' }, 'Documents'));
  const q = docs.filter((d) => d.status === 'quarantined');
  const qSec = h('section', { id: 'quarantined' }, h('h3', {}, 'Quarantined files (' + q.length + ')'));
  if (!q.length) qSec.append(h('p', {}, 'No file was quarantined.'));
  else qSec.append(h('ul', { class: 'quarantined' }, q.map((d) => h('li', { class: 'quarantined-file' }, h('strong', {}, d.path), ': ', h('span', { class: 'reason' }, d.reason || 'no reason given')))));
  sec.append(qSec);
  // Scanned pages that came out empty are listed, never silent: nobody can find them by search.
  const textless = docs.filter((d) => (d.textlessPages || []).length > 0);
  if (textless.length) {
    sec.append(h('section', { id: 'textless' }, h('h3', {}, 'Pages without text (' + textless.reduce((n, d) => n + d.textlessPages.length, 0) + ')'),
      h('p', {}, 'OCR was missing, failed or found no words on these scanned pages; read them in the original.'),
      h('ul', { class: 'textless' }, textless.map((d) => h('li', {}, h('strong', {}, d.path), ': ',
        ...d.textlessPages.flatMap((n, i) => [i ? ', ' : '', h('a', { href: route(c, 'page', { document: d.path, page: n }) }, 'p. ' + n)]))))));
  }
  const rows = docs.map((d) => h('tr', { class: ['doc', 'status-' + d.status] },
    h('td', {}, d.status === 'indexed' && d.pages > 0 ? h('a', { href: route(c, 'page', { document: d.path, page: 1 }) }, d.path) : d.path),
    h('td', {}, d.type || ''),
    h('td', { class: 'num' }, String(d.pages ?? '')),
    h('td', { class: 'bates-range' }, batesRange(d)),
    h('td', {}, d.status + (d.reason ? ': ' + d.reason : ''))));
  sec.append(h('table', { id: 'documents-table', class: 'grid' },
    h('thead', {}, h('tr', {}, h('th', {}, 'File'), h('th', {}, 'Type'), h('th', {}, 'Pages'), h('th', {}, 'Bates'), h('th', {}, 'Status'))),
    h('tbody', {}, rows)));
  return sec;
}

// ---- witness ----

export async function witnessView(ctx) {
  const c = ctx.caseId;
  const name = (ctx.params.get('name') || '').trim();
  const key = ctx.params.get('key') || '';
  const input = h('input', { id: 'witness-name', type: 'search', value: name, placeholder: 'Keel, Tanya Reed, 2217 …', 'aria-label': 'Name or badge' });
  const form = h('form', { id: 'witness-form', class: 'searchbar', role: 'search' }, input, h('button', { id: 'witness-lookup', type: 'submit' }, 'Look up'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.go(route(c, 'witness', { name: input.value.trim() }));
  });
  ctx.title(name ? name + ' · ' + c : 'Witness');
  if (!name) {
    ctx.mount(h('h1', {}, 'Witness'), form, h('p', { class: 'hint' }, 'Type a name or a badge number, or pick a person in the case overview.'));
    return;
  }
  let people;
  try {
    people = await api('/cases/' + enc(c) + '/witness?name=' + enc(name));
  } catch (e) {
    if (e.status !== 404 || !/Nobody/i.test(e.message)) throw e;
    ctx.mount(h('h1', {}, 'Witness'), form, h('p', { id: 'witness-error', class: 'error' }, e.message));
    return;
  }
  const elsewhereP = api('/witness?name=' + enc(name)).catch(() => null);
  if (key && people.some((w) => w.person && w.person.key === key)) people = people.filter((w) => w.person.key === key);
  const nodes = [form];
  if (people.length > 1) nodes.push(h('p', { class: 'note' }, plural(people.length, 'person', 'people') + ' answer to “' + name + '”; each is shown below.'));
  for (const w of people) nodes.push(personSection(c, w));
  const elsewhere = await elsewhereP;
  if (elsewhere && Array.isArray(elsewhere.cases)) {
    const others = elsewhere.cases.filter((x) => x.case !== c);
    if (others.length) {
      nodes.push(h('section', { id: 'other-cases' }, h('h2', {}, 'In your other cases'),
        h('ul', {}, others.map((x) => h('li', {},
          h('a', { href: route(x.case, 'witness', { name: x.person.name, key: x.person.key || null }) }, x.case + ': ' + x.person.name),
          ' ', h('span', { class: 'note' }, plural((x.documents || []).length, 'document')))))));
    }
  }
  ctx.mount(nodes);
}

function personSection(c, w) {
  const p = w.person || {};
  const table = (cls, head, rows) => h('table', { class: ['grid', cls] }, h('thead', {}, h('tr', {}, head.map((x) => h('th', {}, x)))), h('tbody', {}, rows));
  const place = (m) => h('a', { class: 'open', href: pageLink(c, m, { quote: m.quote || null }) }, citationLabel(m));
  const quoteWith = (m) => {
    const q = m.quote || '';
    const r = m.as_written ? quoteRange(q, m.as_written) : null;
    return h('span', { class: 'quote' }, markedNodes(q, r ? [[r[0], r[1], 'term']] : []));
  };
  const mentions = w.mentions || [], statements = w.statements || [], events = w.events || [], inc = w.inconsistencies || [];
  return h('section', { class: 'person-view', 'data-key': p.key || null },
    h('h1', { class: 'person-name' }, (p.title ? p.title + ' ' : '') + (p.name || '')),
    h('dl', { class: 'person-facts' },
      h('dt', {}, 'Roles'), h('dd', { class: 'roles' }, (p.roles || []).map(human).join(', ') || 'none found'),
      h('dt', {}, 'Badge'), h('dd', { class: 'badge-number' }, p.badge ? '#' + p.badge : 'none written'),
      h('dt', {}, 'Also written'), h('dd', { class: 'aliases' }, (p.aliases || []).join(' · ') || '—')),
    h('h2', {}, 'Mentions (' + mentions.length + ')'),
    mentions.length ? table('mentions', ['Where', 'Role', 'Quote'], mentions.map((m) => h('tr', { class: 'mention' },
      h('td', {}, place(m)), h('td', {}, human(m.role || '')), h('td', {}, quoteWith(m))))) : h('p', {}, 'No mentions.'),
    h('h2', {}, 'Statements (' + statements.length + ')'),
    statements.length ? table('statements', ['Where', 'Kind', 'What they said'], statements.map((s) => h('tr', { class: 'statement' },
      h('td', {}, place(s)), h('td', {}, human(s.kind || '')), h('td', {}, s.quote || '')))) : h('p', {}, 'No statements.'),
    h('h2', {}, 'Events (' + events.length + ')'),
    events.length ? table('events', ['Time', 'Event', 'Where', 'Quote'], events.map((e) => h('tr', { class: 'event' },
      h('td', {}, fmtTime(e.time) + (e.approximate ? ' (approx.)' : '')), h('td', {}, human(e.event)), h('td', {}, place(e)), h('td', {}, e.quote || '')))) : h('p', {}, 'No events.'),
    h('h2', {}, 'Inconsistencies (' + inc.length + ')'),
    inc.length ? h('div', { class: 'inconsistencies' }, inc.map((f) => findingCard(c, f))) : h('p', {}, 'None found: this person’s own accounts do not disagree on times.'));
}

// ---- upload ----

const RUNNING = new Set(['queued', 'ingesting', 'analysing']);

export async function uploadView(ctx) {
  const c = ctx.caseId;
  ctx.title('Upload · ' + c);
  const input = h('input', { id: 'upload-input', type: 'file', multiple: true, name: 'files', 'data-testid': 'upload-input' });
  const button = h('button', { id: 'upload-button', type: 'submit', 'data-testid': 'upload-button' }, 'Upload');
  const files = h('ul', { id: 'upload-files', class: 'files' });
  const state = h('p', { id: 'ingest-state', 'data-state': 'none', role: 'status', 'data-testid': 'ingest-state' });
  const progress = h('progress', { id: 'progress', max: 1, value: 0, hidden: true, 'data-testid': 'progress', 'aria-label': 'Ingest progress' });
  const counts = h('p', { id: 'ingest-counts', class: 'note' });
  const summary = h('p', { id: 'ingest-summary' });
  const error = h('p', { id: 'upload-error', class: 'error', role: 'alert' });
  const after = h('p', { id: 'after-ingest' });
  const form = h('form', { id: 'upload-form', class: 'card' },
    h('label', { for: 'upload-input' }, 'Discovery files (PDF, Word, Excel, CSV, e-mail, text, scans; several at once)'),
    input, button, error);

  const show = (st) => {
    const s = st.state || 'idle';
    state.setAttribute('data-state', s);
    state.textContent = {
      idle: 'No ingest is running.', queued: 'Queued: waiting to start…', ingesting: 'Reading and indexing the files…',
      analysing: 'Analysing the case (people, timeline, findings)…', done: 'Done: the files are searchable.', failed: 'The ingest failed.',
    }[s] || s;
    const found = st.found || 0, done = st.done || 0;
    progress.hidden = s === 'idle';
    if (s === 'done') {
      progress.max = Math.max(found, 1);
      progress.value = progress.max;
    } else if (found > 0 && s !== 'queued') {
      progress.max = found;
      progress.value = Math.min(done, found);
    } else {
      progress.removeAttribute('value'); // indeterminate
    }
    counts.textContent = s === 'queued' || s === 'idle' ? '' : done + ' of ' + plural(found, 'file') + ' processed'
      + (st.indexed !== undefined ? ': ' + st.indexed + ' indexed, ' + (st.duplicates || 0) + ' duplicate, ' + (st.quarantined || 0) + ' quarantined, ' + (st.unchanged || 0) + ' already in the case' : '');
    summary.textContent = s === 'done' || s === 'failed' ? st.summary || '' : '';
    error.textContent = st.error || '';
    clear(after);
    if (s === 'done') {
      after.append(h('a', { id: 'search-new', href: route(c, 'search') }, 'Search the case'), ' · ', h('a', { href: route(c, 'overview') }, 'See the updated overview'));
    }
  };

  let polling = false;
  const poll = async () => {
    if (polling) return;
    polling = true;
    try {
      while (ctx.live()) {
        let st;
        try {
          st = await api('/cases/' + enc(c) + '/ingest');
        } catch (e) {
          if (e.status === 401 || !ctx.live()) return;
          error.textContent = e.message;
          await new Promise((r) => setTimeout(r, 1000));
          continue;
        }
        if (!ctx.live()) return;
        show(st);
        if (!RUNNING.has(st.state)) return;
        await new Promise((r) => setTimeout(r, 1000));
      }
    } finally {
      polling = false;
    }
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    const chosen = [...(input.files || [])];
    if (!chosen.length) {
      error.textContent = 'Choose one or more files first.';
      return;
    }
    const fd = new FormData();
    // one form field per file: the server keeps one file per field name
    chosen.forEach((f, i) => fd.append('file' + i, f, f.name));
    button.disabled = true;
    clear(files);
    state.setAttribute('data-state', 'uploading');
    state.textContent = 'Uploading ' + plural(chosen.length, 'file') + '…';
    progress.hidden = false;
    progress.removeAttribute('value');
    try {
      const res = await api('/cases/' + enc(c) + '/files', { method: 'POST', body: fd });
      for (const f of res.files || []) {
        files.append(h('li', { class: 'uploaded' }, h('strong', {}, f.name || f.savedAs), ' ',
          h('span', { class: 'note' }, (f.bytes ?? '?') + ' bytes' + (f.savedAs && f.savedAs !== f.name ? ', saved as ' + f.savedAs : '') + (f.note ? ', ' + f.note : ''))));
      }
      input.value = '';
      show({ state: 'queued' });
      await poll();
    } catch (err) {
      if (err.status !== 401) {
        error.textContent = err.message;
        state.setAttribute('data-state', 'failed');
        state.textContent = 'The upload failed.';
      }
    } finally {
      button.disabled = false;
    }
  });

  ctx.mount(h('h1', {}, 'Upload to case ' + c),
    h('p', {}, 'The files are kept on the server, indexed and analysed like a folder given to `leverage analyze`; files already in the case are recognised and skipped.'),
    form,
    h('section', { id: 'ingest', class: 'card', 'aria-labelledby': 'ingest-h' }, h('h2', { id: 'ingest-h' }, 'Ingest'), state, progress, counts, summary, after, files));
  // show a running (or the last) ingest right away
  try {
    const st = await api('/cases/' + enc(c) + '/ingest');
    if (!ctx.live()) return;
    if (st.state !== 'idle') show(st);
    else state.textContent = 'No ingest has run since the server started.';
    if (RUNNING.has(st.state)) poll();
  } catch (e) {
    if (e.status !== 401) error.textContent = e.message;
  }
}
