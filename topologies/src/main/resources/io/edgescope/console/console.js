// EdgeScope console: the streams overview, live over server-sent events, and the operator's policy control.
'use strict';

const cards = new Map();
let variants = [];
let splitPlans = [];

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

function render(stream) {
  const c = card(stream);
  const n = c.node;
  if (stream.sequence !== c.sequence) {
    c.sequence = stream.sequence;
    const next = new Image();
    next.onload = () => {
      n.querySelector('.image').src = next.src;
      drawBoxes(n.querySelector('.boxes'), stream.frameWidth, stream.frameHeight, stream.boxes, true);
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
      method: 'POST', headers: operatorToken(), body: JSON.stringify(body)
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

async function loadSources() {
  const sources = await (await fetch('/console/api/sources')).json();
  const body = document.querySelector('#sources tbody');
  body.replaceChildren(...sources.map(source => {
    const tr = tableRow([source.streamId, source.url, source.fps === null ? 'source rate' : String(source.fps), source.site || '',
      source.loop ? 'yes' : 'no'], 'remove', async () => {
      const response = await fetch('/console/api/sources/' + encodeURIComponent(source.streamId), { method: 'DELETE', headers: operatorToken() });
      document.getElementById('source-result').textContent = response.ok ? 'removed ' + source.streamId : 'refused: ' + (await response.json()).error;
      loadSources();
    }, 'control-col');
    tr.dataset.stream = source.streamId;
    tr.querySelector('button').setAttribute('aria-label', 'remove camera ' + source.streamId);
    return tr;
  }));
}

async function addSource(event) {
  event.preventDefault();
  const form = event.target;
  const body = { streamId: form.elements.streamId.value, url: form.elements.url.value, fps: form.elements.fps.value,
    site: form.elements.site.value, loop: form.elements.loop.checked };
  const response = await fetch('/console/api/sources', { method: 'POST', headers: operatorToken(), body: JSON.stringify(body) });
  const reply = await response.json();
  document.getElementById('source-result').textContent = response.ok ? 'added ' + body.streamId + ': the ingest supervisors start it' : 'refused: ' + reply.error;
  loadSources();
}

async function start() {
  operatorToken();
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
