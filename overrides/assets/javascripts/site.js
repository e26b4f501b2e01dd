/* Site-wide behaviour that Material lacks: a wide table scrolls sideways, so keyboard users
   must be able to focus its scroll box (WCAG 2.1.1), and screen readers need it named. */
(() => {
  "use strict";
  const makeScrollersFocusable = () => {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach((box) => {
      if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex")) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Table (scrolls sideways)");
      }
    });
  };
  // document$ emits after each instant-navigation swap; DOMContentLoaded covers file://.
  if (window.document$) window.document$.subscribe(makeScrollersFocusable);
  document.addEventListener("DOMContentLoaded", makeScrollersFocusable);
  window.addEventListener("resize", makeScrollersFocusable);
})();
