// The display board, live: an SSE stream brings the board anew whenever the office's queue changes
// (on any node); each call not announced before is queued and spoken from prerecorded clips
// (/suara/*.wav), one announcement after another so that they never cut each other. Browsers
// block sound until a click: the "Tes suara" button plays a chime and unlocks the voice.
(function () {
  'use strict';
  var body = document.body;
  var live = body.getAttribute('data-live');
  if (!live || !window.EventSource) {
    return; // the page refreshes itself (noscript meta refresh)
  }
  var current = document.getElementById('board-current');
  var recent = document.getElementById('board-recent');
  var groups = document.getElementById('board-groups');
  var waitingTitle = document.getElementById('waiting-title');
  var region = document.getElementById('announcements');
  var button = document.getElementById('sound-check');
  var ticker = document.getElementById('ticker-text');
  var seen = null; // the newest call time announced (ms)
  var queue = [];
  var playing = false;
  var unlocked = false;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  function render(board) {
    current.textContent = '';
    board.current.forEach(function (c) {
      var li = el('li');
      li.appendChild(el('span', c.label, 'board-number'));
      li.appendChild(document.createTextNode(' '));
      li.appendChild(el('span', c.deskName, 'board-desk'));
      current.appendChild(li);
    });
    recent.textContent = '';
    board.recent.forEach(function (c) {
      recent.appendChild(el('li', c.label + ' \u2192 ' + c.deskName));
    });
    groups.textContent = '';
    board.groups.forEach(function (g) {
      var li = el('li');
      li.appendChild(el('strong', g.prefix));
      li.appendChild(document.createTextNode(' ' + g.name + ': ' + g.waiting + ' ' +
        body.getAttribute('data-waiting-label') + ' \u00b7 \u00b1' + g.minutes + ' ' +
        body.getAttribute('data-minutes-label')));
      groups.appendChild(li);
    });
    waitingTitle.textContent = waitingTitle.textContent.replace(/\d+/, String(board.waiting));
  }

  function announceNew(board) {
    var calls = board.recent.slice().reverse(); // oldest first
    if (seen === null) { // the first board: what was called before is not announced again
      seen = calls.length ? calls[calls.length - 1].at : 0;
      return;
    }
    calls.forEach(function (c) {
      if (c.at > seen) {
        seen = c.at;
        enqueue(c);
      }
    });
  }

  function enqueue(call) {
    queue.push(call);
    var item = el('p', call.label + ' ' + body.getAttribute('data-desk-label') + ' ' + call.desk);
    item.setAttribute('data-label', call.label);
    region.appendChild(item);
    region.setAttribute('data-queue', queue.map(function (c) { return c.label; }).join(' '));
    next();
  }

  function next() {
    if (playing || queue.length === 0) { return; }
    var call = queue[0];
    playing = true;
    playClips(call.clips.slice(), function () {
      queue.shift();
      region.setAttribute('data-queue', queue.map(function (c) { return c.label; }).join(' '));
      body.setAttribute('data-announced', (body.getAttribute('data-announced') || '') + call.label + ' ');
      playing = false;
      next();
    });
  }

  function playClips(clips, done) {
    if (!unlocked || clips.length === 0) { // silent until the sound check: still in order
      done();
      return;
    }
    var audio = new Audio('/suara/' + clips.shift() + '.wav');
    var go = function () { playClips(clips, done); };
    audio.addEventListener('ended', go, { once: true });
    audio.addEventListener('error', go, { once: true });
    audio.play().catch(go);
  }

  button.hidden = false;
  button.addEventListener('click', function () {
    unlocked = true;
    queue.push({ label: '', desk: 0, clips: ['bel', 'nomor-antrean', 'huruf-a', 'nol', 'nol', 'satu', 'silakan-ke-loket', 'satu'] });
    next();
  });

  var source = new EventSource(live);
  source.addEventListener('board', function (event) {
    var board = JSON.parse(event.data);
    render(board);
    announceNew(board);
    body.setAttribute('data-version', String(board.version));
  });

  var tickerUrl = body.getAttribute('data-ticker');
  if (ticker && tickerUrl && window.fetch) {
    setInterval(function () {
      fetch(tickerUrl).then(function (r) { return r.ok ? r.text() : null; }).then(function (text) {
        if (text !== null) { ticker.textContent = text.trim().split('\n').join(' \u00b7 '); }
      }).catch(function () {});
    }, 300000);
  }
})();
