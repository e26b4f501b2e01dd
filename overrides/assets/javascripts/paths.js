/* Learning paths: progress across the site, read from the quiz answers that quiz.js saves in this
   browser. A module is passed when at least the CoC's pass mark of its questions are right.
   Shows progress and the next step on path pages (records.js makes the completion record). The
   "Choose your role" page's export, import and clearing of progress are progress-file.js's. */
(() => {
  "use strict";
  const store = window.hmisStore;
  if (!store) return;
  const CHOSEN = "chosen-path";
  const SLUG = /^[a-z0-9][a-z0-9-]*$/;
  const all = (root, selector) => Array.from(root.querySelectorAll(selector));
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const STATUS_WORDS = { "not-started": "Not started", "in-progress": "In progress", passed: "\u2713 Passed" };

  /* A refresher path (data-refresher) counts only this year's answers, which resume.js records
     under "~refresher" by year; every other path counts every answer saved for the module. */
  const REFRESHER = "~refresher";
  function answersOf(module, yearly) {
    if (!yearly) return store.load(module.id);
    const year = store.load(REFRESHER)[String(new Date().getFullYear())];
    return (isObject(year) && isObject(year[module.id])) ? year[module.id] : {};
  }

  function statusOf(module, passMark, yearly) {
    const answers = Object.values(answersOf(module, yearly));
    const right = Math.min(answers.filter((answer) => answer && answer.s === "correct").length, module.questions);
    const status = !answers.length ? "not-started" : right * 100 >= passMark * module.questions ? "passed" : "in-progress";
    return { status, right };
  }

  /* The saved path id, only if it has the shape of one, so it is safe to put in a selector. */
  function chosenPath() {
    const saved = store.load(CHOSEN);
    return typeof saved.id === "string" && SLUG.test(saved.id) ? saved.id : null;
  }

  function setUpPath(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "true";
    const modules = JSON.parse(box.dataset.modules);
    const passMark = Number(box.dataset.passMark);
    const pathId = box.dataset.path;
    const results = modules.map((module) => ({ module, ...statusOf(module, passMark, "refresher" in box.dataset) }));
    const required = results.filter((result) => result.module.required);
    const passed = required.filter((result) => result.status === "passed");

    results.forEach(({ module, status }) => {
      const cell = document.querySelector('[data-module-status="' + module.id + '"]');
      if (cell) cell.textContent = STATUS_WORDS[status];
    });
    box.querySelector("progress").value = passed.length;
    box.querySelector(".path-progress__count").textContent =
      passed.length + " of " + required.length + " required modules passed";
    const next = results.find((result) => result.status !== "passed" && result.module.required) ||
      results.find((result) => result.status !== "passed");
    const nextLine = box.querySelector(".path-progress__next");
    nextLine.replaceChildren();
    const link = next && document.querySelector('a[data-module="' + next.module.id + '"]');
    if (link) {
      nextLine.append("Next step: ");
      const copy = link.cloneNode(true);
      copy.removeAttribute("data-module");
      nextLine.append(copy);
    } else {
      nextLine.textContent = "You have done every module of this path.";
    }
    const choose = box.querySelector(".path-progress__choose");
    const chosenNote = box.querySelector(".path-progress__chosen");
    const showChosen = () => {
      const isChosen = chosenPath() === pathId;
      choose.hidden = isChosen;
      chosenNote.textContent = isChosen ? "This is your path." : "";
    };
    choose.addEventListener("click", () => { store.save(CHOSEN, { id: pathId }); showChosen(); });
    showChosen();
    box.hidden = false;
  }

  /* Every key this site saved, as {name: value}: the quiz banks, the chosen path, the name, the modes. */
  function everything() {
    const start = store.prefix + store.base() + ":";
    const found = {};
    try {
      for (let index = 0; index < localStorage.length; index += 1) {
        const key = localStorage.key(index);
        if (key && key.startsWith(start)) found[key.slice(start.length)] = store.load(key.slice(start.length));
      }
    } catch (e) { /* storage blocked: nothing saved beyond this visit */ }
    return found;
  }

  /* Delete everything this site saved in this browser, as "Clear my progress" and resume.js's
     "This isn't me: start fresh" do. */
  function clearAll() {
    Object.keys(everything()).forEach((name) => store.save(name, {}));
    try {
      Object.keys(everything()).forEach((name) => localStorage.removeItem(store.prefix + store.base() + ":" + name));
    } catch (e) { /* blocked: the saved empty values already cleared this visit */ }
  }

  // For resume.js and progress-file.js: the same status, chosen path, saved names and clearing as the path pages.
  window.hmisProgress = { statusOf, chosenPath, everything, clearAll };

  /* On a module page, put the learner's chosen path first in "In learning paths". */
  function markChosenPath() {
    const chosen = chosenPath();
    const link = chosen && document.querySelector('.module-paths a[data-path="' + chosen + '"]');
    if (!link || link.dataset.marked) return;
    link.dataset.marked = "true";
    const item = link.closest("li");
    const note = document.createElement("strong");
    note.textContent = "Your path: ";
    item.prepend(note);
    item.parentElement.prepend(item);
  }

  const setUpAll = () => {
    all(document, ".path-progress").forEach(setUpPath);
    markChosenPath();
  };
  if (window.document$) window.document$.subscribe(setUpAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
