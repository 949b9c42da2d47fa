// The resident's ticket page, kept up to date in place: every 30 seconds the page is fetched again
// and only its state (place in line, estimated wait, called to which counter) is replaced, so the
// reader's scroll position and focus stay and the status region announces the change. Without
// JavaScript a meta refresh inside <noscript> reloads the page instead.
(function () {
  'use strict';
  var state = document.getElementById('ticket-state');
  if (!state || !state.hasAttribute('data-live') || !window.fetch || !window.DOMParser) {
    return;
  }
  var EVERY = 30000;
  function refresh() {
    fetch(location.pathname, { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        var next = html && new DOMParser().parseFromString(html, 'text/html').getElementById('ticket-state');
        if (!next) {
          setTimeout(refresh, EVERY);
          return;
        }
        if (next.innerHTML !== state.innerHTML) {
          state.innerHTML = next.innerHTML;
        }
        if (next.hasAttribute('data-live')) {
          setTimeout(refresh, EVERY);
        } else {
          state.removeAttribute('data-live');
        }
      })
      .catch(function () { setTimeout(refresh, EVERY); });
  }
  setTimeout(refresh, EVERY);
})();
