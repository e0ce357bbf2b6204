// EdgeScope console: dead letters with their reasons, and a retry (operator) once the cause is fixed.
'use strict';

async function retry(letter, status) {
  status.textContent = 'retrying…';
  const response = await fetch('/console/api/dead-letters/retry', {
    method: 'POST',
    headers: operatorToken(),
    body: JSON.stringify({ topic: letter.topic, partition: letter.partition, offset: letter.offset })
  });
  const reply = await response.json();
  status.textContent = response.ok ? 'sent again to ' + reply.to : 'refused: ' + reply.error;
}

function row(letter) {
  const from = (letter.sourceTopic || '?') + ' ' + (letter.sourcePartition || '?') + '/' + (letter.sourceOffset || '?');
  const tr = tableRow([new Date(letter.timestamp).toLocaleString(), letter.key || '', letter.reason || letter.exception || '', from,
    String(letter.valueBytes)], 'retry', cell => retry(letter, cell.querySelector('.retry-status')));
  const status = document.createElement('span');
  status.className = 'retry-status';
  status.setAttribute('role', 'status');
  tr.lastElementChild.append(' ', status);
  tr.dataset.offset = letter.offset;
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

operatorToken();
document.getElementById('choose').addEventListener('submit', show);
show();
