/* Reading aids: text size and high contrast, remembered across pages in localStorage.
   Loaded in <head> so that a remembered choice applies before the page is first painted. */
(function () {
  "use strict";
  var root = document.documentElement;
  var SIZES = ["normal", "large", "x-large"];
  var SIZE_KEY = "reading-aids.text-size";
  var CONTRAST_KEY = "reading-aids.contrast";

  function load(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function save(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* storage disabled: the choice lasts this page */ }
  }
  function applySize(size) {
    if (SIZES.indexOf(size) < 0) size = "normal";
    if (size === "normal") root.removeAttribute("data-text-size"); else root.setAttribute("data-text-size", size);
    return size;
  }
  function applyContrast(high) {
    if (high) root.setAttribute("data-contrast", "high"); else root.removeAttribute("data-contrast");
    return high;
  }
  function sync() {
    var size = root.getAttribute("data-text-size") || "normal";
    var high = root.getAttribute("data-contrast") === "high";
    document.querySelectorAll(".reading-aids__button[data-text-size]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-text-size") === size));
    });
    document.querySelectorAll("[data-contrast-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(high));
    });
  }

  applySize(load(SIZE_KEY));
  applyContrast(load(CONTRAST_KEY) === "high");

  document.addEventListener("DOMContentLoaded", function () {
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest(".reading-aids__button");
      if (!button) return;
      if (button.hasAttribute("data-contrast-toggle")) {
        save(CONTRAST_KEY, applyContrast(root.getAttribute("data-contrast") !== "high") ? "high" : "normal");
      } else {
        save(SIZE_KEY, applySize(button.getAttribute("data-text-size")));
      }
      sync();
    });
    sync();
  });
})();
