// Keeps two of Material's page-load requests from costing readers anything. Material makes both with
// XMLHttpRequest, so this wraps it; it must run before Material's bundle.
// - The search index: Material requests it on every page load, so each first visit would download the whole index
//   (megabytes once there are hundreds of posts). It is held back until focus enters the search box, which is where
//   both a click on the search icon and the keyboard shortcuts put it.
// - sitemap.xml next to every <link rel="alternate">: Material looks the current page up in the other language's
//   sitemap to switch language, but it looks beside each page's own address (/about/sitemap.xml), which does not
//   exist, and our language switcher already links every page's counterpart. The request is answered with an error
//   at once, which Material takes as "no sitemap", instead of a 404 from the server.
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var SITEMAP = /\/sitemap\.xml$/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var searching = false;
  var held = [];

  XMLHttpRequest.prototype.open = function (method, url) {
    this.requestedPath = String(url).split(/[?#]/)[0];
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    var path = request.requestedPath || "";
    if (SITEMAP.test(path)) {
      setTimeout(function () { request.dispatchEvent(new ProgressEvent("error")); }, 0);
    } else if (INDEX.test(path) && !searching) {
      held.push(function () { send.apply(request, args); });
    } else {
      send.apply(request, args);
    }
  };
  document.addEventListener("focusin", function (event) {
    if (searching || !(event.target instanceof Element) || !event.target.closest(".md-search")) return;
    searching = true;
    held.splice(0).forEach(function (release) { release(); });
  });
})();
