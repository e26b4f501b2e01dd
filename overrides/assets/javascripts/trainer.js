/* Trainer view and projection mode for live sessions.
   - Trainer view shows trainer notes (!!! trainer boxes) and, on quiz pages, Reveal all / Hide all.
   - Projection mode (button, or press P) enlarges the text, hides the navigation, raises contrast,
     and turns quizzes into group quizzes: no feedback, nothing saved, and a Reveal answer button
     for the trainer to press once the room has voted.
   Both are remembered per site; main.html applies them before the first paint.
   Who gets them is the CoC's training.trainer_view (main.html puts it on <html data-trainer-view>):
   "open" everyone; "off" no one; "link" (the default) only a device that opened the link on the
   trainers page (?trainer-tools=on), remembered as "~trainer". Using trainer view or revealing
   answers is noted in the learner's progress ("~flags", via records.js) for the completion record. */
(() => {
  "use strict";
  const store = window.hmisStore;
  if (!store) return;
  const root = document.documentElement;
  const MODES = { trainer: "trainer-view", projection: "projection" };
  const all = (scope, selector) => Array.from(scope.querySelectorAll(selector));

  const modes = () => store.load("modes");
  const isOn = (mode) => root.classList.contains(MODES[mode]);
  const UNLOCK = "~trainer";
  const policy = () => root.dataset.trainerView || "open";
  const allowed = () => policy() === "open" || (policy() === "link" && store.load(UNLOCK).on === true);
  const note = (flag) => document.dispatchEvent(new CustomEvent("hmis:flag", { detail: flag }));

  /* The trainers page's link (?trainer-tools=on) opens the tools on this device; =off closes them. */
  function readLink() {
    const asked = new URLSearchParams(location.search).get("trainer-tools");
    if (policy() !== "link" || !["on", "off"].includes(asked)) return;
    if (asked === "on" && !allowed()) {
      store.save(UNLOCK, { on: true, since: new Date().toISOString() });
      Object.entries(MODES).forEach(([mode, name]) => root.classList.toggle(name, modes()[mode] === true));
    }
    if (asked === "off" && allowed()) {
      store.save(UNLOCK, {});
      Object.values(MODES).forEach((name) => root.classList.remove(name));
      all(document, ".trainer-toggle").forEach((button) => button.remove());
    }
  }

  /* Keep the reader's place: the element at the top of the view stays at the top after a switch. */
  function keepingPlace(change) {
    const header = document.querySelector(".md-header");
    const headerBottom = () => (header ? header.getBoundingClientRect().bottom : 0);
    const top = headerBottom();
    const anchor = all(document, ".md-content article > *").find((block) => block.getBoundingClientRect().bottom > top);
    change();
    if (anchor) {
      anchor.scrollIntoView({ block: "start" });
      window.scrollBy(0, -headerBottom() - 8); // clear the fixed header
    }
  }

  function setMode(mode, on) {
    if (on && mode === "trainer") note("trainer");
    keepingPlace(() => root.classList.toggle(MODES[mode], on));
    store.save("modes", { ...modes(), [mode]: on });
    all(document, '[data-mode-toggle="' + mode + '"]').forEach((button) => button.setAttribute("aria-pressed", String(on)));
    setUpQuizzes();
  }

  function headerButton(mode, label, title) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button trainer-toggle";
    button.dataset.modeToggle = mode;
    button.textContent = label;
    button.title = title;
    button.setAttribute("aria-pressed", String(isOn(mode)));
    button.addEventListener("click", () => setMode(mode, !isOn(mode)));
    return button;
  }

  /* Printables for a module page: a learner handout (objectives, key points and the questions, no
     answers) and a trainer answer key (a grid of letters and one line of why; with explanations,
     every question in full). Print CSS does the rest. */
  function printAs(kind) {
    root.classList.add("printing-" + kind);
    window.print();
    root.classList.remove("printing-" + kind);
  }

  function setUpPrintables() {
    const title = document.querySelector(".md-content h1");
    if (!title || document.querySelector(".trainer-print")) return;
    const printables = document.querySelector("[data-quiz]")
      ? [["Print learner handout", "handout"], ["Print answer key", "key"], ["Print answer key with explanations", "key-full"]]
      : document.querySelector(".answer-key") ? [["Print answer key for this path", "path-key"]] : [];
    if (!printables.length) return;
    const tools = document.createElement("p");
    tools.className = "trainer-tools trainer-print";
    printables.forEach(([label, kind]) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = label;
      button.addEventListener("click", () => printAs(kind));
      tools.append(button);
    });
    title.after(tools);
  }

  function setUpHeader() {
    const inner = document.querySelector(".md-header__inner");
    if (!inner || inner.querySelector(".trainer-toggle") || !allowed()) return;
    const place = inner.querySelector(".md-search") || null;
    inner.insertBefore(headerButton("trainer", "Trainer view", "Show trainer notes and answer controls"), place);
    inner.insertBefore(headerButton("projection", "Projection", "Projection mode for a projector (shortcut: P)"), place);
  }

  /* Trainer view: Reveal all / Hide all answers. Projection: one Reveal answer per question. */
  function setUpQuizzes() {
    if (!allowed()) return;
    all(document, "[data-quiz]").forEach((quiz) => {
      if (!quiz.querySelector(".trainer-tools")) {
        const tools = document.createElement("p");
        tools.className = "trainer-tools";
        [["Reveal all answers", true], ["Hide all answers", false]].forEach(([label, show]) => {
          const button = document.createElement("button");
          button.type = "button";
          button.className = "md-button";
          button.textContent = label;
          button.addEventListener("click", () => {
            if (show) note("revealed");
            all(quiz, ".quiz__reveal").forEach((reveal) => { reveal.hidden = !show; reveal.open = show; });
          });
          tools.append(button);
        });
        quiz.prepend(tools);
      }
      all(quiz, "[data-quiz-question]").forEach((question) => {
        if (question.querySelector(".group-reveal")) return;
        const button = document.createElement("button");
        button.type = "button";
        button.className = "md-button md-button--primary group-reveal";
        button.textContent = "Reveal answer";
        button.addEventListener("click", () => {
          note("revealed");
          const reveal = question.querySelector(".quiz__reveal");
          reveal.hidden = false;
          reveal.open = true;
        });
        question.querySelector(".quiz__actions").append(button);
      });
    });
  }

  // P toggles projection. Material uses P for "previous page"; capturing on window first stops that.
  window.addEventListener("keydown", (event) => {
    const typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
    if (event.key.toLowerCase() !== "p" || typing || event.ctrlKey || event.metaKey || event.altKey || !allowed()) return;
    event.stopImmediatePropagation();
    event.preventDefault();
    setMode("projection", !isOn("projection"));
  }, true);

  const setUpAll = () => { readLink(); setUpHeader(); setUpQuizzes(); setUpPrintables(); };
  if (window.document$) window.document$.subscribe(setUpAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
