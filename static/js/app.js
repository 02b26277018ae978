// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";

  // On a phone the filter panel starts folded, so the results come first on screen.
  var narrow = window.matchMedia("(max-width: 991px)");
  document.querySelectorAll("details[data-collapse-on-phone]").forEach(function (panel) {
    if (narrow.matches && !panel.querySelector("input:checked")) {
      panel.open = false;
    }
  });

  // A print button on detail pages (hidden without JavaScript: use the browser's print).
  document.querySelectorAll("[data-print-action]").forEach(function (wrapper) {
    wrapper.hidden = false;
    wrapper.querySelector("button").addEventListener("click", function () {
      window.print();
    });
  });
})();
