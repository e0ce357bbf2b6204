// EdgeScope console: the streams overview, live over server-sent events, and the operator's policy control.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const cards = new Map();
let variants = [];
let splitPlans = [];

function tokenField() {
  return document.getElementById('token');
}

function fmt(value, digits, unit) {
  return value === undefined || value === null ? '–' : Number(value).toFixed(digits) + (unit || '');
}

function choices(select, stream) {
  select.replaceChildren();
  const roma = new Option('ROMA (chosen at run time)', 'ROMA');
  select.add(roma);
  for (const v of variants) {
    select.add(new Option('fixed: ' + v, 'FIXED:' + v));
  }
  for (const p of splitPlans) {
    select.add(new Option('split: ' + p, 'SPLIT:' + p));
  }
  select.value = stream.policy === 'ROMA' ? 'ROMA' : 'FIXED:' + (stream.profileVariant || stream.variantId);
}

function card(stream) {
  let c = cards.get(stream.streamId);
  if (c) {
    return c;
  }
  const node = document.getElementById('stream-card').content.firstElementChild.cloneNode(true);
  node.dataset.stream = stream.streamId;
  const link = document.createElement('a');
  link.href = '/console/stream.html?id=' + encodeURIComponent(stream.streamId);
  link.textContent = stream.streamId;
  node.querySelector('.name').append(link);
  node.querySelector('.image').alt = 'latest frame of ' + stream.streamId;
  const select = node.querySelector('.choice');
  choices(select, stream);
  node.querySelector('.control').addEventListener('submit', event => {
    event.preventDefault();
    apply(stream.streamId, select.value, node.querySelector('.result'));
  });
  document.getElementById('streams').append(node);
  c = { node, sequence: -1 };
  cards.set(stream.streamId, c);
  return c;
}

function drawBoxes(svg, stream) {
  svg.setAttribute('viewBox', '0 0 ' + stream.frameWidth + ' ' + stream.frameHeight);
  const fontSize = Math.max(12, stream.frameHeight / 30);
  svg.replaceChildren();
  for (const b of stream.boxes) {
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('x', b.x);
    rect.setAttribute('y', b.y);
    rect.setAttribute('width', b.w);
    rect.setAttribute('height', b.h);
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', b.x + 2);
    label.setAttribute('y', Math.max(fontSize, b.y - 3));
    label.setAttribute('font-size', fontSize);
    label.textContent = b.label + ' ' + b.score.toFixed(2);
    svg.append(rect, label);
  }
}

function render(stream) {
  const c = card(stream);
  const n = c.node;
  if (stream.sequence !== c.sequence) {
    c.sequence = stream.sequence;
    const next = new Image();
    next.onload = () => {
      n.querySelector('.image').src = next.src;
      drawBoxes(n.querySelector('.boxes'), stream);
    };
    next.src = '/streams/' + encodeURIComponent(stream.streamId) + '/frame.jpg?seq=' + stream.sequence;
    n.querySelector('.caption').textContent = 'frame ' + stream.sequence + ' · ' + stream.boxes.length + ' objects · '
      + new Date(stream.captureTime).toLocaleTimeString();
  }
  const t = stream.telemetry || {};
  n.querySelector('.fps').textContent = fmt(t.fpsIn, 1) + ' / ' + fmt(t.fpsOut, 1);
  n.querySelector('.skipped').textContent = t.framesDropped === undefined ? '–' : String(t.framesDropped);
  n.querySelector('.latency').textContent = fmt(t.latencyP50Millis === undefined ? stream.latencyMillis : t.latencyP50Millis, 0, ' ms');
  n.querySelector('.variant').textContent = stream.variantId;
  n.querySelector('.policy').textContent = stream.policy;
}

async function apply(streamId, choice, result) {
  const body = choice === 'ROMA' ? { policy: 'ROMA' }
    : choice.startsWith('SPLIT:') ? { policy: 'SPLIT', splitPlan: choice.substring('SPLIT:'.length) }
      : { policy: 'FIXED', variantId: choice.substring('FIXED:'.length) };
  result.textContent = 'applying…';
  try {
    const response = await fetch('/console/api/streams/' + encodeURIComponent(streamId) + '/profile', {
      method: 'POST', headers: authorization(), body: JSON.stringify(body)
    });
    const reply = await response.json();
    result.textContent = response.ok ? 'applied: ' + (body.variantId || body.splitPlan || 'ROMA') + ' from the next frame' : 'refused: ' + reply.error;
  } catch (e) {
    result.textContent = 'failed: ' + e;
  }
}

function listen() {
  const status = document.getElementById('connection');
  const events = new EventSource('/console/events');
  events.onopen = () => { status.textContent = 'live'; };
  events.onerror = () => { status.textContent = 'disconnected, retrying…'; };
  events.onmessage = message => {
    const streams = JSON.parse(message.data);
    document.getElementById('empty').hidden = streams.length > 0 || cards.size > 0;
    streams.sort((a, b) => a.streamId.localeCompare(b.streamId)).forEach(render);
  };
}

function authorization() {
  return { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + tokenField().value };
}

async function loadSources() {
  const sources = await (await fetch('/console/api/sources')).json();
  const body = document.querySelector('#sources tbody');
  body.replaceChildren(...sources.map(source => {
    const tr = document.createElement('tr');
    tr.dataset.stream = source.streamId;
    for (const text of [source.streamId, source.url, source.fps === null ? 'source rate' : String(source.fps), source.site || '', source.loop ? 'yes' : 'no']) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    const td = document.createElement('td');
    td.className = 'control-col';
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'remove';
    remove.setAttribute('aria-label', 'remove camera ' + source.streamId);
    remove.addEventListener('click', async () => {
      const response = await fetch('/console/api/sources/' + encodeURIComponent(source.streamId), { method: 'DELETE', headers: authorization() });
      document.getElementById('source-result').textContent = response.ok ? 'removed ' + source.streamId : 'refused: ' + (await response.json()).error;
      loadSources();
    });
    td.append(remove);
    tr.append(td);
    return tr;
  }));
}

async function addSource(event) {
  event.preventDefault();
  const form = event.target;
  const body = { streamId: form.elements.streamId.value, url: form.elements.url.value, fps: form.elements.fps.value,
    site: form.elements.site.value, loop: form.elements.loop.checked };
  const response = await fetch('/console/api/sources', { method: 'POST', headers: authorization(), body: JSON.stringify(body) });
  const reply = await response.json();
  document.getElementById('source-result').textContent = response.ok ? 'added ' + body.streamId + ': the ingest supervisors start it' : 'refused: ' + reply.error;
  loadSources();
}

async function start() {
  tokenField().value = sessionStorage.getItem('edgescope.token') || '';
  tokenField().addEventListener('change', () => sessionStorage.setItem('edgescope.token', tokenField().value));
  document.getElementById('operator').addEventListener('submit', event => event.preventDefault());
  const info = await (await fetch('/console/api/variants')).json();
  variants = info.variants;
  splitPlans = info.splitPlans;
  document.getElementById('add-source').addEventListener('submit', addSource);
  loadSources();
  if (!info.controls) {
    document.getElementById('operator').hidden = true;
  }
  document.body.classList.toggle('read-only', !info.controls);
  listen();
}

start();
