// The display board, live: an SSE stream brings the board anew whenever the office's queue changes
// (on any node); each call not announced before is queued and spoken from prerecorded clips
// (/suara/*.wav), one announcement after another so that they never cut each other. Browsers
// block sound until a click: the "Tes suara" button plays a sample call and unlocks the voice.
// The queue is visible in the page: #announcements lists the calls announced and waiting
// (data-queue: the labels waiting or being spoken, in order; data-playing: the one being spoken).
// A stream the server refuses (a node restarting behind the load balancer answers 502) closes the
// EventSource for good, so the board opens a new one after a pause; on a dropped connection the
// browser reconnects by itself (retry 3 s). Either way the first board after reconnecting announces
// the calls made meanwhile, once.
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
  var queue = []; // announcements waiting or being spoken, the one being spoken first
  var KEEP = 10; // announcements kept in the region
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

  function showQueue() {
    region.setAttribute('data-queue', queue.filter(function (c) { return c.label; })
      .map(function (c) { return c.label; }).join(' '));
    region.setAttribute('data-playing', playing && queue.length ? queue[0].label : '');
  }

  function enqueue(call) {
    queue.push(call);
    var item = el('p', call.label + ' ' + body.getAttribute('data-desk-label') + ' ' + call.desk);
    item.setAttribute('data-label', call.label);
    region.appendChild(item);
    while (region.children.length > KEEP) { region.removeChild(region.firstChild); }
    showQueue();
    next();
  }

  function next() {
    if (playing || queue.length === 0) { return; }
    var call = queue[0];
    playing = true;
    showQueue();
    playClips(call.clips.slice(), function () {
      queue.shift();
      playing = false;
      if (call.label) {
        var done = (body.getAttribute('data-announced') || '').split(' ').filter(Boolean);
        done.push(call.label);
        body.setAttribute('data-announced', done.slice(-KEEP).join(' '));
      }
      showQueue();
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

  function connect() {
    var source = new EventSource(live);
    source.addEventListener('board', function (event) {
      var board = JSON.parse(event.data);
      render(board);
      announceNew(board);
      body.setAttribute('data-version', String(board.version));
      body.setAttribute('data-stream', 'open');
    });
    source.addEventListener('error', function () {
      if (source.readyState === EventSource.CLOSED) { // refused: the browser will not retry
        body.setAttribute('data-stream', 'closed');
        setTimeout(connect, 5000);
      } else {
        body.setAttribute('data-stream', 'reconnecting');
      }
    });
  }
  connect();

  var tickerUrl = body.getAttribute('data-ticker');
  if (ticker && tickerUrl && window.fetch) {
    setInterval(function () {
      fetch(tickerUrl).then(function (r) { return r.ok ? r.text() : null; }).then(function (text) {
        if (text !== null) { ticker.textContent = text.trim().split('\n').join(' \u00b7 '); }
      }).catch(function () {});
    }, 300000);
  }
})();
