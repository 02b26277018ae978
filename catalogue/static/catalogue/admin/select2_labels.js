// Django admin's autocomplete (Select2) renders its search box without a label. Give each one
// the label of the field it belongs to, so screen readers announce it (WCAG 2.1, 4.1.2).
"use strict";
(function () {
  function labelSearchFields() {
    document.querySelectorAll(".select2-container").forEach(function (container) {
      const select = container.previousElementSibling;
      const search = container.querySelector(".select2-search__field");
      if (!search || !select || !select.id || search.hasAttribute("aria-label")) {
        return;
      }
      const label = document.querySelector('label[for="' + select.id + '"]');
      const name = label ? label.textContent.replace(/:\s*$/, "").trim() : select.name;
      search.setAttribute("aria-label", "Søg efter " + name.toLowerCase());
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    labelSearchFields();
    new MutationObserver(labelSearchFields).observe(document.body, {
      childList: true,
      subtree: true,
    });
  });
})();
