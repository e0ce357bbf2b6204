// EdgeScope console: the detections browser (analyst): filter the detections topic, export, look at a frame.
'use strict';

function query(format) {
  const form = document.getElementById('filter');
  const params = new URLSearchParams();
  for (const name of ['stream', 'class', 'minScore']) {
    const value = form.elements[name].value.trim();
    if (value !== '' && !(name === 'minScore' && Number(value) === 0)) {
      params.set(name, value);
    }
  }
  for (const name of ['from', 'to']) {
    const value = form.elements[name].value;
    if (value !== '') {
      params.set(name, new Date(value).toISOString());
    }
  }
  params.set('format', format);
  return '/console/api/detections?' + params.toString();
}

function showFrame(d) {
  const viewer = document.getElementById('viewer');
  const image = document.getElementById('viewer-image');
  const svg = document.getElementById('viewer-boxes');
  const caption = document.getElementById('viewer-caption');
  viewer.hidden = false;
  caption.textContent = 'loading frame ' + d.sequence + ' of ' + d.streamId + '…';
  image.alt = 'frame ' + d.sequence + ' of ' + d.streamId;
  image.onerror = () => { caption.textContent = 'frame ' + d.sequence + ' is no longer kept (frames retention)'; };
  image.onload = () => {
    drawBoxes(svg, d.frameWidth, d.frameHeight, d.boxes, true);
    caption.textContent = d.streamId + ' · frame ' + d.sequence + ' · ' + new Date(d.captureTime).toLocaleString() + ' · ' + d.boxes.length + ' objects';
  };
  image.src = '/console/api/frame?' + new URLSearchParams({ stream: d.streamId, sequence: d.sequence, time: d.captureTime }).toString();
}

function row(d) {
  const tr = tableRow([new Date(d.captureTime).toLocaleString(), d.streamId, String(d.sequence), d.variantId,
    d.boxes.map(b => b.label + ' ' + b.score.toFixed(2)).join(', ')], 'show frame', () => showFrame(d));
  tr.dataset.stream = d.streamId;
  return tr;
}

async function search(event) {
  if (event) {
    event.preventDefault();
  }
  const summary = document.getElementById('summary');
  summary.textContent = 'searching…';
  document.getElementById('csv').href = query('csv');
  document.getElementById('jsonl').href = query('jsonl');
  const response = await fetch(query('json'));
  const reply = await response.json();
  if (!response.ok) {
    summary.textContent = 'refused: ' + reply.error;
    return;
  }
  const body = document.querySelector('#results tbody');
  body.replaceChildren(...reply.detections.map(row));
  const objects = reply.detections.reduce((n, d) => n + d.boxes.length, 0);
  summary.textContent = reply.detections.length + ' frames, ' + objects + ' objects' + (reply.truncated ? ' (first ' + reply.detections.length + ' only: narrow the filter)' : '');
}

async function start() {
  const streams = await (await fetch('/console/api/overview')).json();
  const list = document.getElementById('stream-ids');
  for (const s of streams) {
    list.append(new Option(s.streamId));
  }
  document.getElementById('filter').addEventListener('submit', search);
  search();
}

start();
