// EdgeScope console: one stream, live, with its telemetry windows charted over time.
'use strict';

const NS = 'http://www.w3.org/2000/svg';
const COLORS = ['#0969da', '#e5534b', '#2da44e', '#bf8700', '#8250df', '#1b7c83', '#cf222e'];
const HISTORY_MS = 10 * 60 * 1000;
const W = 900;
const H = 140;
const PAD = 28;
const stream = new URLSearchParams(location.search).get('id');
let lastSequence = -1;

function el(name, attrs, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) {
    e.setAttribute(k, v);
  }
  if (text !== undefined) {
    e.textContent = text;
  }
  return e;
}

/** Lines of {name: [[t, y], ...]} over the shared time range. */
function lines(svg, series, t0, t1) {
  svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
  svg.replaceChildren();
  const x = t => PAD + (W - 2 * PAD) * (t - t0) / Math.max(1, t1 - t0);
  const entries = Object.entries(series);
  if (entries.length === 0) {
    return x;
  }
  const max = Math.max(1e-9, ...entries.flatMap(([, points]) => points.map(p => p[1])));
  const y = v => H - PAD + (PAD * 2 - H) * v / max;
  svg.append(el('text', { x: 2, y: 12, class: 'axis' }, max.toFixed(max < 10 ? 2 : 0)), el('text', { x: 2, y: H - PAD, class: 'axis' }, '0'));
  entries.forEach(([name, points], i) => {
    const color = COLORS[i % COLORS.length];
    svg.append(el('polyline', { points: points.map(p => x(p[0]) + ',' + y(p[1])).join(' '), stroke: color }));
    // a single window is a dot, not an invisible line
    points.filter(() => points.length === 1).forEach(p => svg.append(el('circle', { cx: x(p[0]), cy: y(p[1]), r: 3, fill: color })));
    svg.append(el('text', { x: PAD + 120 * i, y: H - 6, class: 'legend', fill: color }, name));
  });
  return x;
}

function charts(windows, measured) {
  document.getElementById('windows').textContent = windows.length + ' windows';
  if (windows.length === 0) {
    return;
  }
  const t = w => Date.parse(w.windowEnd);
  const t0 = t(windows[0]);
  const t1 = t(windows[windows.length - 1]);
  lines(document.getElementById('chart-fps'), { in: windows.map(w => [t(w), w.fpsIn]), out: windows.map(w => [t(w), w.fpsOut]) }, t0, t1);
  lines(document.getElementById('chart-latency'), { p50: windows.map(w => [t(w), w.latencyP50Millis]), p99: windows.map(w => [t(w), w.latencyP99Millis]) }, t0, t1);
  const roma = {};
  for (const w of windows) {
    for (const [candidate, ap] of Object.entries(w.estimatedRealtimeAp || {})) {
      (roma[candidate] = roma[candidate] || []).push([t(w), ap]);
    }
  }
  if (measured.length > 0) {
    roma['measured'] = measured.map(m => [Date.parse(m.windowStart) + (t(windows[0]) - Date.parse(windows[0].windowStart)), m.measuredRealtimeAp50]);
  }
  lines(document.getElementById('chart-roma'), roma, t0, t1);
  const variants = [...new Set(windows.map(w => w.activeVariant).filter(v => v))];
  const svg = document.getElementById('chart-variant');
  const x = lines(svg, {}, t0, t1);
  const row = (H - 2 * PAD) / Math.max(1, variants.length);
  variants.forEach((v, i) => svg.append(el('text', { x: PAD, y: PAD + row * i - 2, class: 'legend', fill: COLORS[i % COLORS.length] }, v)));
  windows.forEach((w, i) => {
    const v = variants.indexOf(w.activeVariant);
    if (v >= 0) {
      svg.append(el('rect', { x: x(t(w)) - 4, y: PAD + row * v, width: 8, height: Math.max(4, row - 14), fill: COLORS[v % COLORS.length] }));
    }
    if (w.switches > 0) {
      svg.append(el('text', { x: x(t(w)) - 4, y: H - PAD + 12, class: 'switch' }, '▲'));
    }
  });
}

function live(s) {
  if (s.sequence === lastSequence) {
    return;
  }
  lastSequence = s.sequence;
  const next = new Image();
  next.onload = () => {
    document.getElementById('live-image').src = next.src;
    drawBoxes(document.getElementById('live-boxes'), s.frameWidth, s.frameHeight, s.boxes, true);
  };
  next.src = '/streams/' + encodeURIComponent(stream) + '/frame.jpg?seq=' + s.sequence;
  document.getElementById('live-caption').textContent = 'frame ' + s.sequence + ' · ' + s.boxes.length + ' objects · ' + s.variantId + ' · ' + s.policy;
}

async function refreshCharts() {
  const since = Date.now() - HISTORY_MS;
  const response = await fetch('/telemetry/' + encodeURIComponent(stream) + '?since=' + since);
  const truth = await fetch('/console/api/streams/' + encodeURIComponent(stream) + '/measured');
  if (response.ok) {
    charts(await response.json(), truth.ok ? await truth.json() : []);
  }
}

function start() {
  document.getElementById('title').textContent = stream;
  document.title = 'EdgeScope · ' + stream;
  document.getElementById('live-image').alt = 'latest frame of ' + stream;
  const status = document.getElementById('connection');
  const events = new EventSource('/console/events');
  events.onopen = () => { status.textContent = 'live'; };
  events.onerror = () => { status.textContent = 'disconnected, retrying…'; };
  events.onmessage = m => JSON.parse(m.data).filter(s => s.streamId === stream).forEach(live);
  refreshCharts();
  setInterval(refreshCharts, 5000);
}

start();
