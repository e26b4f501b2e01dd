/* Site-wide behaviour that Material lacks:
   - a wide table scrolls sideways, so keyboard users must be able to focus its scroll box
     (WCAG 2.1.1), and screen readers need it named;
   - on a narrow screen the header's buttons (search, colour scheme, trainer view, projection) and
     its glossary link fold into one menu, so the site's title shows in full. Each menu item presses
     the real control, so Material and trainer.js keep doing the work; the glossary stays a link;
   - a script only some pages use (the agenda builder, the roster, the review, the progress tools) is loaded the first
     time a page with its part opens, on the first page or after instant navigation, and only once.
   Every page loads this file inside hmis.min.js, the bundle of the site's scripts (macros/assets.py). */
(() => {
  "use strict";
  const PAGE_PARTS = { ".agenda-builder": "agenda.js", ".roster": "roster.js", ".review": "review-page.js",
    ".progress-tools": "progress-file.js" };
  const bundle = document.currentScript ? new URL(document.currentScript.src) : null;
  const loadedParts = new Set();
  const loadPageParts = () => {
    Object.entries(PAGE_PARTS).forEach(([selector, file]) => {
      if (!bundle || loadedParts.has(file) || !document.querySelector(selector)) return;
      loadedParts.add(file);
      const script = document.createElement("script");
      script.src = new URL(file + bundle.search, bundle).href; // the bundle's ?v=, so a new page never meets an old part
      document.body.append(script);
    });
  };

  const makeScrollersFocusable = () => {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach((box) => {
      if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex")) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Table (scrolls sideways)");
      }
    });
  };

  const DOTS = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 16a2 2 0 0 1 2 2 2 2 0 0 1-2 2 2 2 0 0 1-2-2 2 2 0 0 1 2-2m0-6a2 2 0 0 1 2 2 2 2 0 0 1-2 2 2 2 0 0 1-2-2 2 2 0 0 1 2-2m0-6a2 2 0 0 1 2 2 2 2 0 0 1-2 2 2 2 0 0 1-2-2 2 2 0 0 1 2-2"/></svg>';

  /* The header's controls as menu items: [label, pressed (or null), the real control]. The glossary
     comes last, so the buttons keep their places. */
  function controls(header) {
    const items = [];
    const search = header.querySelector('label[for="__search"]');
    if (search) items.push(["Search", null, search]);
    const palette = Array.from(header.querySelectorAll(".md-header__option label[title]")).find((label) => !label.hidden);
    if (palette) items.push([palette.title, null, palette]);
    header.querySelectorAll(".trainer-toggle").forEach((toggle) => {
      const pressed = toggle.getAttribute("aria-pressed") === "true";
      // Projection is for a projector, not a phone: offered there only while on, so it can be turned off.
      if (toggle.dataset.modeToggle === "projection" && !pressed) return;
      items.push([toggle.textContent, pressed, toggle]);
    });
    const glossary = header.querySelector(".header-glossary");
    if (glossary) items.push([glossary.textContent, null, glossary]);
    return items;
  }

  function setUpHeaderMenu() {
    const header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".header-menu")) return;
    const menu = document.createElement("div");
    menu.className = "header-menu";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon header-menu__button";
    button.setAttribute("aria-label", "Search, colours and trainer tools");
    button.title = "Search, colours and trainer tools";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", "header-menu-items");
    button.innerHTML = DOTS;
    const list = document.createElement("ul");
    list.className = "header-menu__items";
    list.id = "header-menu-items";
    list.hidden = true;
    menu.append(button, list);
    header.insertBefore(menu, header.querySelector(".md-search"));

    const items = () => Array.from(list.querySelectorAll("button, a"));
    const close = (focusButton) => {
      list.hidden = true;
      button.setAttribute("aria-expanded", "false");
      if (focusButton) button.focus();
    };
    const open = () => {
      list.replaceChildren(...controls(header).map(([label, pressed, control]) => {
        const item = document.createElement("li");
        if (control.tagName === "A") { // a link stays a link, so it can open in a new tab
          const link = item.appendChild(document.createElement("a"));
          link.href = control.href;
          link.textContent = label;
          if (control.hasAttribute("aria-current")) link.setAttribute("aria-current", "page");
          link.addEventListener("click", () => close(false));
          return item;
        }
        const action = item.appendChild(document.createElement("button"));
        action.type = "button";
        action.textContent = label;
        if (pressed !== null) action.setAttribute("aria-pressed", String(pressed));
        action.addEventListener("click", () => {
          const isSearch = control.getAttribute("for") === "__search";
          close(!isSearch); // search takes the focus to its own box
          control.click();
        });
        return item;
      }));
      list.hidden = false;
      button.setAttribute("aria-expanded", "true");
      items()[0].focus();
    };
    button.addEventListener("click", () => (list.hidden ? open() : close(true)));
    menu.addEventListener("keydown", (event) => {
      if (list.hidden) return;
      if (event.key === "Escape") { event.preventDefault(); close(true); return; }
      const index = items().indexOf(document.activeElement);
      const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
      if (move && index !== -1) {
        event.preventDefault();
        items()[(index + move + items().length) % items().length].focus();
      }
    });
    // Closes when focus or a click goes elsewhere.
    menu.addEventListener("focusout", (event) => { if (!menu.contains(event.relatedTarget) && event.relatedTarget) close(false); });
    document.addEventListener("click", (event) => { if (!menu.contains(event.target)) close(false); });
  }

  /* Instant navigation keeps the header, so the glossary link's "current page" is kept up to date here. */
  const markGlossaryLink = () => {
    const link = document.querySelector(".header-glossary");
    if (!link) return;
    if (link.pathname === location.pathname) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  };

  const setUpAll = () => { makeScrollersFocusable(); setUpHeaderMenu(); markGlossaryLink(); loadPageParts(); };
  // document$ emits after each instant-navigation swap; DOMContentLoaded covers file://.
  if (window.document$) window.document$.subscribe(setUpAll);
  document.addEventListener("DOMContentLoaded", setUpAll);
  window.addEventListener("resize", makeScrollersFocusable);
})();
