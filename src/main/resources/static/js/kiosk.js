// The self-service kiosk: starts over after the idle time without input (the page's data-idle, in
// seconds), and shows the print buttons. Without JavaScript a meta refresh does the first and the
// server clears an idle session on the next request anyway.
(function () {
  'use strict';
  var body = document.body;
  var idle = parseInt(body.getAttribute('data-idle'), 10) || 180;
  var timer;
  function restart() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      window.location.replace('/kios/selesai');
    }, idle * 1000);
  }
  ['pointerdown', 'keydown', 'input', 'scroll', 'touchstart'].forEach(function (name) {
    window.addEventListener(name, restart, { passive: true });
  });
  restart();
  Array.prototype.forEach.call(document.querySelectorAll('[data-print]'), function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      window.print();
    });
  });
})();
