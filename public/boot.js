// Runs before the app: if WebAssembly cannot start (an old browser, a policy that
// blocks it, its files not arriving), replaces "Loading…" in the static first view
// with a sentence saying so. A same-origin file, so a strict policy allows it. The
// app removes the first view (#boot) when it starts; after that this does nothing.
(function () {
  'use strict';
  var WAIT_SECONDS = 30;
  function fail(why) {
    var line = document.getElementById('boot-status');
    if (!document.getElementById('boot') || !line || line.getAttribute('data-failed')) return;
    line.setAttribute('data-failed', 'true');
    line.textContent = 'The Activity Register could not start in this browser: ' + why;
  }
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fail('it does not run WebAssembly. Open this page in a current version of Edge, Chrome, Firefox or Safari.');
    return;
  }
  document.addEventListener('securitypolicyviolation', function (e) {
    if (/^(script-src|connect-src|default-src|worker-src)/.test(e.effectiveDirective || '')) {
      fail('this site\u2019s security policy blocked it (' + e.effectiveDirective + '). Ask whoever looks after the site.');
    }
  });
  window.addEventListener('error', function (e) {
    fail('its files did not load or run (' + (e.message || 'an error') + '). Reload the page; if it happens again, ask whoever looks after the site.');
  });
  window.addEventListener('unhandledrejection', function (e) {
    fail('its files did not load or run (' + String(e.reason) + '). Reload the page; if it happens again, ask whoever looks after the site.');
  });
  setTimeout(function () {
    fail('it has not started after ' + WAIT_SECONDS + ' seconds. Check the connection and reload the page.');
  }, WAIT_SECONDS * 1000);
})();
