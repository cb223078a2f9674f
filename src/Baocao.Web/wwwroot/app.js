// baocao's pages: the document page's source view. Clicking a value shows its page and outlines its box.
// Boxes are in PDF points (1/72 inch, origin top left); the page image is rendered at data-dpi.
(() => {
  'use strict';
  const view = document.getElementById('page-view');
  if (!view) return;
  const img = document.getElementById('page-img');
  const box = document.getElementById('box');
  const select = document.getElementById('page-select');
  const doc = view.dataset.doc;
  const dpi = Number(view.dataset.dpi);
  let current = Number(select.value);
  let pending = null;
  let selected = null;

  const loaded = () => img.complete && img.naturalWidth > 0;

  function show(page, then) {
    if (page === current && loaded()) { if (then) then(); return; }
    pending = then || null;
    if (page !== current) {
      current = page;
      select.value = String(page);
      box.hidden = true;
      img.src = '/api/documents/' + encodeURIComponent(doc) + '/pages/' + page + '.png';
    }
  }

  img.addEventListener('load', () => {
    const f = pending;
    pending = null;
    if (f) f();
  });
  select.addEventListener('change', () => show(Number(select.value)));

  function place(b) {
    const s = (img.clientWidth / img.naturalWidth) * (dpi / 72);
    const pad = 2;
    box.style.left = (b[0] * s - pad) + 'px';
    box.style.top = (b[1] * s - pad) + 'px';
    box.style.width = ((b[2] - b[0]) * s + 2 * pad) + 'px';
    box.style.height = ((b[3] - b[1]) * s + 2 * pad) + 'px';
    box.hidden = false;
    // Scroll the page view only (not the whole page) so the outlined value sits in its middle.
    const frame = document.getElementById('page-frame');
    view.scrollTop = frame.offsetTop + b[1] * s - view.clientHeight / 2;
    view.scrollLeft = frame.offsetLeft + b[0] * s - view.clientWidth / 2;
  }

  document.addEventListener('click', (e) => {
    const td = e.target.closest('td[data-box]');
    if (!td) return;
    layout.classList.remove('wide');
    if (selected) selected.classList.remove('selected');
    selected = td;
    td.classList.add('selected');
    box.dataset.cell = td.id;
    const b = td.dataset.box.split(',').map(Number);
    show(Number(td.dataset.page), () => place(b));
  });

  // A link to a value (/documents/7#t0-r5-c3) opens with that value outlined; so does a finding's link on this page.
  function follow() {
    const linked = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (!linked) return;
    if (linked.matches('td[data-box]')) {
      layout.classList.remove('wide');
      linked.click();
    }
    linked.scrollIntoView({ block: 'center' });
  }
  const layout = document.querySelector('.doc-layout');
  window.addEventListener('hashchange', follow);
  follow();

  // Zoom: the page frame is widened inside the page view (which scrolls); boxes are placed from the shown width.
  const frame = document.getElementById('page-frame');
  const zooms = [1, 1.5, 2, 3, 4];
  let zoom = 0;
  function setZoom(z) {
    zoom = Math.max(0, Math.min(zooms.length - 1, z));
    frame.style.width = (zooms[zoom] * 100) + '%';
    document.getElementById('zoom-level').textContent = Math.round(zooms[zoom] * 100) + '%';
    if (selected && !box.hidden) place(selected.dataset.box.split(',').map(Number));
  }
  document.getElementById('zoom-in').addEventListener('click', () => setZoom(zoom + 1));
  document.getElementById('zoom-out').addEventListener('click', () => setZoom(zoom - 1));
  document.getElementById('zoom-fit').addEventListener('click', () => setZoom(0));

  // The tables across the whole width: the page view is hidden until a value is clicked again.
  document.getElementById('wide-tables').addEventListener('click', () => layout.classList.toggle('wide'));

  window.addEventListener('resize', () => {
    if (selected && !box.hidden) place(selected.dataset.box.split(',').map(Number));
  });
})();

// The review page: the write token is typed once and kept in this browser (never written into a page by the server);
// each decision's form carries it, and the reviewer's name is remembered the same way.
(() => {
  const token = document.getElementById('review-token');
  if (!token) return;
  const keep = (k, v) => { try { localStorage.setItem(k, v); } catch (e) { /* storage off: typed each time */ } };
  const read = (k) => { try { return localStorage.getItem(k) || ''; } catch (e) { return ''; } };
  token.value = read('baocao.token');
  token.addEventListener('input', () => keep('baocao.token', token.value));
  document.querySelectorAll('form.review-form input.reviewer').forEach((i) => { if (!i.value) i.value = read('baocao.reviewer'); });
  document.addEventListener('submit', (e) => {
    const form = e.target.closest('form.review-form');
    if (!form) return;
    form.querySelector('input.token-field').value = token.value;
    const who = form.querySelector('input.reviewer');
    if (who && who.value && who.value !== '-') keep('baocao.reviewer', who.value);
  });
})();
