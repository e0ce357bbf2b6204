// EdgeScope console: dead letters with their reasons, and a retry (operator) once the cause is fixed.
'use strict';

function token() {
  return document.getElementById('token').value;
}

async function retry(letter, status) {
  status.textContent = 'retrying…';
  const response = await fetch('/console/api/dead-letters/retry', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + token() },
    body: JSON.stringify({ topic: letter.topic, partition: letter.partition, offset: letter.offset })
  });
  const reply = await response.json();
  status.textContent = response.ok ? 'sent again to ' + reply.to : 'refused: ' + reply.error;
}

function row(letter) {
  const tr = document.createElement('tr');
  tr.dataset.offset = letter.offset;
  const from = (letter.sourceTopic || '?') + ' ' + (letter.sourcePartition || '?') + '/' + (letter.sourceOffset || '?');
  for (const text of [new Date(letter.timestamp).toLocaleString(), letter.key || '', letter.reason || letter.exception || '', from,
    String(letter.valueBytes)]) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.append(td);
  }
  const td = document.createElement('td');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'retry';
  const status = document.createElement('span');
  status.className = 'retry-status';
  status.setAttribute('role', 'status');
  button.addEventListener('click', () => retry(letter, status));
  td.append(button, ' ', status);
  tr.append(td);
  return tr;
}

async function show(event) {
  if (event) {
    event.preventDefault();
  }
  const topic = document.getElementById('topic');
  const response = await fetch('/console/api/dead-letters?topic=' + encodeURIComponent(topic.value || 'edgescope.frames.dlq'));
  const reply = await response.json();
  if (topic.options.length === 0) {
    reply.topics.forEach(t => topic.add(new Option(t, t)));
  }
  document.querySelector('#letters tbody').replaceChildren(...reply.deadLetters.map(row));
  document.getElementById('summary').textContent = reply.deadLetters.length + ' dead letters (newest first)';
}

document.getElementById('token').value = sessionStorage.getItem('edgescope.token') || '';
document.getElementById('token').addEventListener('change', () => sessionStorage.setItem('edgescope.token', token()));
document.getElementById('operator').addEventListener('submit', event => event.preventDefault());
document.getElementById('choose').addEventListener('submit', show);
show();
