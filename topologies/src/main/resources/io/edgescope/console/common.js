// EdgeScope console: what every page shares — boxes over a frame, table rows, the operator token.
'use strict';

const EDGESCOPE_SVG = 'http://www.w3.org/2000/svg';

/** Draws {label, score, x, y, w, h} boxes (frame pixels) into an SVG laid over a frame of the given size. */
function drawBoxes(svg, frameWidth, frameHeight, boxes, labelled) {
  svg.setAttribute('viewBox', '0 0 ' + frameWidth + ' ' + frameHeight);
  svg.replaceChildren();
  const fontSize = Math.max(12, frameHeight / 30);
  for (const b of boxes) {
    const rect = document.createElementNS(EDGESCOPE_SVG, 'rect');
    rect.setAttribute('x', b.x);
    rect.setAttribute('y', b.y);
    rect.setAttribute('width', b.w);
    rect.setAttribute('height', b.h);
    svg.append(rect);
    if (labelled) {
      const label = document.createElementNS(EDGESCOPE_SVG, 'text');
      label.setAttribute('x', b.x + 2);
      label.setAttribute('y', Math.max(fontSize, b.y - 3));
      label.setAttribute('font-size', fontSize);
      label.textContent = b.label + ' ' + b.score.toFixed(2);
      svg.append(label);
    }
  }
}

/** A table row of text cells, then an action button (its cell gets {@code actionClass}). */
function tableRow(texts, buttonText, onClick, actionClass) {
  const tr = document.createElement('tr');
  for (const text of texts) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.append(td);
  }
  const td = document.createElement('td');
  if (actionClass) {
    td.className = actionClass;
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = buttonText;
  button.addEventListener('click', () => onClick(td));
  td.append(button);
  tr.append(td);
  return tr;
}

/** The operator token field, remembered for the browser session, and the request headers carrying it. */
function operatorToken() {
  const field = document.getElementById('token');
  if (field && !field.dataset.ready) {
    field.dataset.ready = 'true';
    field.value = sessionStorage.getItem('edgescope.token') || '';
    field.addEventListener('change', () => sessionStorage.setItem('edgescope.token', field.value));
    document.getElementById('operator').addEventListener('submit', event => event.preventDefault());
  }
  return { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + (field ? field.value : '') };
}
