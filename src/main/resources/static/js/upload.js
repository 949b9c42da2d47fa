// Progressive enhancement of the upload slots: the same form posts through XMLHttpRequest so the
// resident sees the progress on a slow connection. Without JavaScript the form posts as usual.
(function () {
  'use strict';
  if (!window.XMLHttpRequest || !window.FormData) {
    return;
  }
  var forms = document.querySelectorAll('form[data-upload]');
  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var progress = form.querySelector('progress');
      var button = form.querySelector('button[type=submit]');
      var request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.upload.addEventListener('progress', function (e) {
        if (progress && e.lengthComputable) {
          progress.hidden = false;
          progress.value = Math.round((e.loaded / e.total) * 100);
        }
      });
      request.addEventListener('load', function () {
        if (request.status === 200 && request.responseURL) {
          // the server redirected to the slot page: show it as a normal navigation would
          window.location.assign(request.responseURL);
          return;
        }
        // an error page (422, 413): show it in place of this one
        document.open();
        document.write(request.responseText);
        document.close();
      });
      request.addEventListener('error', function () {
        form.submit();
      });
      if (button) {
        button.disabled = true;
      }
      if (progress) {
        progress.hidden = false;
      }
      request.send(new FormData(form));
    });
  });
})();
