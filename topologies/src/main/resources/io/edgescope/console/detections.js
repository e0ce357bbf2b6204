// EdgeScope console: the detections browser (analyst): filter the detections topic, export, look at a frame.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';

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
    svg.setAttribute('viewBox', '0 0 ' + d.frameWidth + ' ' + d.frameHeight);
    svg.replaceChildren();
    const fontSize = Math.max(12, d.frameHeight / 30);
    for (const b of d.boxes) {
      const rect = document.createElementNS(SVG_NS, 'rect');
      rect.setAttribute('x', b.x);
      rect.setAttribute('y', b.y);
      rect.setAttribute('width', b.w);
      rect.setAttribute('height', b.h);
      const label = document.createElementNS(SVG_NS, 'text');
      label.setAttribute('x', b.x + 2);
      label.setAttribute('y', Math.max(fontSize, b.y - 3));
      label.setAttribute('font-size', fontSize);
      label.textContent = b.label + ' ' + b.score.toFixed(2);
      svg.append(rect, label);
    }
    caption.textContent = d.streamId + ' · frame ' + d.sequence + ' · ' + new Date(d.captureTime).toLocaleString() + ' · ' + d.boxes.length + ' objects';
  };
  image.src = '/console/api/frame?' + new URLSearchParams({ stream: d.streamId, sequence: d.sequence, time: d.captureTime }).toString();
}

function row(d) {
  const tr = document.createElement('tr');
  tr.dataset.stream = d.streamId;
  const cells = [new Date(d.captureTime).toLocaleString(), d.streamId, String(d.sequence), d.variantId,
    d.boxes.map(b => b.label + ' ' + b.score.toFixed(2)).join(', ')];
  for (const text of cells) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.append(td);
  }
  const td = document.createElement('td');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'show frame';
  button.addEventListener('click', () => showFrame(d));
  td.append(button);
  tr.append(td);
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
