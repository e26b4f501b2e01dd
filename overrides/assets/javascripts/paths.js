/* Learning paths: progress across the site, read from the quiz answers that quiz.js saves in this
   browser. A module is passed when at least the CoC's pass mark of its questions are right.
   Shows progress and the next step on path pages, the completion record when every required
   module is passed, and on the "Choose your role" page, export, import and clearing of progress. */
(() => {
  "use strict";
  const store = window.hmisStore;
  if (!store) return;
  const CHOSEN = "chosen-path";
  const FORMAT = "hmis-training-progress/1";
  const all = (root, selector) => Array.from(root.querySelectorAll(selector));
  const STATUS_WORDS = { "not-started": "Not started", "in-progress": "In progress", passed: "\u2713 Passed" };

  function statusOf(module, passMark) {
    const answers = Object.values(store.load(module.id));
    const right = Math.min(answers.filter((answer) => answer && answer.s === "correct").length, module.questions);
    const status = !answers.length ? "not-started" : right * 100 >= passMark * module.questions ? "passed" : "in-progress";
    return { status, right };
  }

  function chosenPath() {
    const saved = store.load(CHOSEN);
    return typeof saved.id === "string" ? saved.id : null;
  }

  function setUpPath(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "true";
    const modules = JSON.parse(box.dataset.modules);
    const passMark = Number(box.dataset.passMark);
    const pathId = box.dataset.path;
    const results = modules.map((module) => ({ module, ...statusOf(module, passMark) }));
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
    setUpRecord(document.querySelector('.completion-record[data-path="' + pathId + '"]'), results, required, passed);
  }

  function setUpRecord(record, results, required, passed) {
    if (!record) return;
    const pending = record.querySelector(".completion-record__pending");
    const ready = record.querySelector(".completion-record__ready");
    if (passed.length < required.length) {
      const left = required.filter((result) => result.status !== "passed").map((result) => result.module.title);
      pending.textContent = "Your record appears here when you pass every required module. Still to pass: " +
        left.join("; ") + ".";
      return;
    }
    pending.hidden = true;
    ready.hidden = false;
    const rows = results.filter((result) => result.status === "passed" || result.module.required).map(({ module, right }) => {
      const row = document.createElement("tr");
      const name = document.createElement("td");
      const score = document.createElement("td");
      name.textContent = module.title;
      score.textContent = right + " of " + module.questions + " (" + Math.round((100 * right) / module.questions) + "%)";
      row.append(name, score);
      return row;
    });
    record.querySelector("tbody").replaceChildren(...rows);
    record.querySelector(".completion-record__date").textContent = new Date().toLocaleDateString();
    const input = record.querySelector(".completion-record__name-input");
    const shown = record.querySelector(".completion-record__name");
    const saved = store.load("learner-name");
    input.value = typeof saved.name === "string" ? saved.name : "";
    const showName = () => { shown.textContent = input.value.trim() || "(not given)"; };
    input.addEventListener("input", () => { store.save("learner-name", { name: input.value }); showName(); });
    showName();
    record.querySelector(".completion-record__print").addEventListener("click", () => {
      document.body.classList.add("printing-record");
      window.print();
      document.body.classList.remove("printing-record");
    });
  }

  /* Every key this site saved, as {name: value}: the quiz banks, the chosen path, the name. */
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

  function setUpTools(tools) {
    if (tools.dataset.ready) return;
    tools.dataset.ready = "true";
    tools.hidden = false;
    const status = tools.querySelector(".progress-tools__status");
    const chosen = chosenPath();
    const chosenLink = chosen && document.querySelector('.path-list a[href$="' + chosen + '/"], .path-list a[href$="' + chosen + '.html"]');
    if (chosenLink) tools.querySelector(".progress-tools__chosen").textContent = "Your path: " + chosenLink.textContent + ".";

    tools.querySelector(".progress-tools__export").addEventListener("click", () => {
      const file = new Blob([JSON.stringify({ format: FORMAT, saved: everything() }, null, 2)], { type: "application/json" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(file);
      link.download = "hmis-training-progress.json";
      link.click();
      URL.revokeObjectURL(link.href);
      status.textContent = "Your progress was saved to a file.";
    });

    tools.querySelector(".progress-tools__import").addEventListener("change", async (event) => {
      const file = event.target.files[0];
      if (!file) return;
      try {
        const data = JSON.parse(await file.text());
        if (data.format !== FORMAT || typeof data.saved !== "object") throw new Error("not a progress file");
        Object.entries(data.saved).forEach(([name, value]) => {
          if (value && typeof value === "object") store.save(name, value);
        });
        status.textContent = "Progress imported: " + Object.keys(data.saved).length + " items.";
      } catch (e) {
        status.textContent = "That file is not a progress file exported from this site. Nothing was changed.";
      }
      event.target.value = "";
    });

    tools.querySelector(".progress-tools__clear").addEventListener("click", () => {
      if (!window.confirm("Clear all your quiz answers and progress on this site, in this browser? This cannot be undone.")) return;
      Object.keys(everything()).forEach((name) => store.save(name, {}));
      try {
        Object.keys(everything()).forEach((name) => localStorage.removeItem(store.prefix + store.base() + ":" + name));
      } catch (e) { /* blocked: the saved empty values already cleared this visit */ }
      status.textContent = "Your progress has been cleared.";
    });
  }

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
    all(document, ".progress-tools").forEach(setUpTools);
    markChosenPath();
  };
  if (window.document$) window.document$.subscribe(setUpAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
