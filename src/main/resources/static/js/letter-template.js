// Progressive enhancement of the letter template editor: the preview follows the text as the admin
// types (after a pause). Without JavaScript the Pratinjau button posts the form and the page comes
// back with the preview of the posted text.
(function () {
  'use strict';
  var form = document.querySelector('form[data-preview]');
  var image = document.getElementById('preview');
  var status = document.getElementById('preview-status');
  if (!form || !image || !status || !window.fetch || !window.FileReader) {
    return;
  }
  var timer = null;
  var latest = 0;

  function update() {
    var sent = ++latest;
    var data = new URLSearchParams();
    data.append('_csrf', form.querySelector('input[name=_csrf]').value);
    data.append('title', form.querySelector('[name=title]').value);
    data.append('body', form.querySelector('[name=body]').value);
    status.textContent = image.getAttribute('data-updating');
    fetch(form.getAttribute('data-preview'), {
      method: 'POST',
      body: data,
      credentials: 'same-origin'
    }).then(function (response) {
      if (sent !== latest) {
        return;
      }
      if (response.ok) {
        return response.blob().then(function (blob) {
          // the page's policy allows data: images, not blob: ones
          var reader = new FileReader();
          reader.onload = function () {
            if (sent === latest) {
              image.src = reader.result;
              image.hidden = false;
              status.textContent = image.getAttribute('data-updated');
            }
          };
          reader.readAsDataURL(blob);
        });
      }
      return response.text().then(function (message) {
        status.textContent = message;
      });
    }).catch(function () {
      status.textContent = '';
    });
  }

  form.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 800);
  });
})();
