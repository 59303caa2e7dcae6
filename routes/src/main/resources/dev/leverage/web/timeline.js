// The case's timeline drawn as SVG through DOM calls (no markup strings): one row per event, a dot for each
// document's telling of it (hollow when written as approximate), a bar across the tellings when they disagree,
// and the rows a finding rests on in red with a warning sign. Quiet stretches longer than an hour and a half are
// drawn as a dashed break labelled with the time they stand for; inside a stretch the minutes keep their scale.
import { s, fmtTime } from './dom.js';

const LABEL = 190, PLOT = 640, RIGHT = 150, ROW = 20, LEVEL = 12, LABEL_GAP = 46;
const BREAK_MS = 90 * 60 * 1000, BREAK_PX = 28;

/** Milliseconds for "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]" read as wall-clock time, or null. */
export function parseTime(t) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(t || '');
  if (!m) return null;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] || 0), +(m[5] || 0), +(m[6] || 0));
}

export function sourcesOf(t) {
  return Array.isArray(t.sources) && t.sources.length ? t.sources : [t];
}

function span(ms) {
  const min = Math.round(ms / 60000);
  const d = Math.floor(min / 1440), hr = Math.floor((min % 1440) / 60), mi = min % 60;
  return d > 0 ? '+' + d + 'd ' + hr + 'h' : '+' + hr + 'h ' + mi + 'm';
}

/**
 * The SVG element for a timeline. findingTitle(id) names a finding; onPick(event) is called when a row is
 * clicked or activated with the keyboard.
 */
export function timelineSvg(timeline, findingTitle, onPick) {
  const all = new Set();
  for (const t of timeline) for (const src of sourcesOf(t)) {
    const at = parseTime(src.time);
    if (at !== null) all.add(at);
  }
  const points = [...all].sort((a, b) => a - b);
  const width = LABEL + PLOT + RIGHT;
  let active = 0, breaks = 0;
  for (let i = 1; i < points.length; i++) {
    const gap = points[i] - points[i - 1];
    if (gap > BREAK_MS) breaks++;
    else active += gap;
  }
  const perMs = active === 0 ? 0 : Math.max(0, PLOT - breaks * BREAK_PX) / active;
  // x of every instant; each quiet stretch becomes a break whose label takes the first free line above the plot
  const xOf = new Map();
  const marks = [];
  const lastOnLevel = [];
  let x = LABEL;
  if (points.length) xOf.set(points[0], x);
  for (let i = 1; i < points.length; i++) {
    const gap = points[i] - points[i - 1];
    if (gap > BREAK_MS) {
      const mid = x + BREAK_PX / 2;
      let level = 0;
      while (lastOnLevel[level] !== undefined && mid - lastOnLevel[level] < LABEL_GAP) level++;
      lastOnLevel[level] = mid;
      marks.push({ mid, level, label: span(gap) });
      x += BREAK_PX;
    } else {
      x += gap * perMs;
    }
    xOf.set(points[i], x);
  }
  const TOP = 14 + Math.max(1, lastOnLevel.length) * LEVEL + 6;
  const height = TOP + timeline.length * ROW + 10;
  const svg = s('svg', {
    id: 'timeline-svg', class: 'timeline', viewBox: '0 0 ' + width + ' ' + height, role: 'img',
    'aria-label': 'Timeline of the case: ' + timeline.length + ' events',
  });
  if (!points.length) return svg;
  for (const m of marks) {
    const labelY = 14 + m.level * LEVEL;
    svg.append(s('line', { class: 'break', x1: m.mid, y1: labelY + 3, x2: m.mid, y2: height - 6 }));
    svg.append(s('text', { class: 'break-label', x: m.mid, y: labelY, 'text-anchor': 'middle' }, s('title', {}, 'a quiet stretch of ' + m.label.slice(1) + ', drawn shortened'), m.label));
  }
  timeline.forEach((t, row) => {
    const y = TOP + row * ROW + ROW / 2;
    const findings = Array.isArray(t.findings) ? t.findings : [];
    const flagged = findings.length > 0;
    const xs = [];
    const g = s('g', {
      class: ['row', row % 2 === 0 ? 'even' : null, flagged ? 'flagged' : null],
      'data-event': t.event, tabindex: 0, role: 'link',
      'aria-label': (flagged ? 'Flagged: ' : '') + t.event + ' at ' + fmtTime(t.time) + ', ' + t.document + ' page ' + t.page,
    });
    g.append(s('rect', { class: 'band', x: 0, y: y - ROW / 2, width, height: ROW }));
    g.append(s('text', { class: 'label', x: 4, y: y + 4 }, (flagged ? '⚠ ' : '') + (t.event || '')));
    const dots = [];
    for (const src of sourcesOf(t)) {
      const at = parseTime(src.time);
      if (at === null) continue;
      const cx = xOf.get(at);
      xs.push(cx);
      dots.push(s('circle', { class: src.approximate ? 'dot approx' : 'dot', cx, cy: y, r: 4 },
        s('title', {}, fmtTime(src.time) + (src.approximate ? ' (approx.)' : '') + ' · ' + src.document + ' p.' + (src.page || 1))));
    }
    if (xs.length > 1 && Math.max(...xs) > Math.min(...xs)) {
      g.append(s('line', { class: 'spread', x1: Math.min(...xs), y1: y, x2: Math.max(...xs), y2: y }));
    }
    dots.forEach((d) => g.append(d));
    g.append(s('text', { class: 'time', x: LABEL + PLOT + 8, y: y + 4 }, fmtTime(t.time)));
    if (flagged) g.append(s('title', {}, findings.map(findingTitle).join('; ')));
    g.addEventListener('click', () => onPick(t));
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onPick(t);
      }
    });
    svg.append(g);
  });
  return svg;
}
