/* Picking up where you left off: the "Continue" card (continue-card.html) with the chosen path, its
   progress, the next module and the review questions due; each module's status in the navigation,
   in words and with an icon; "This isn't me: start fresh", confirmed in the page; and the annual
   refresher's record, kept by year as
     "~refresher" -> {"<year>": {"<module>": {"<question>": {"s": state}}}}
   so that a refresher path counts only this year's answers and earlier years stay listed. */
(() => {
  "use strict";
  const store = window.hmisStore;
  if (!store) return;
  const REFRESHER = "~refresher";
  const NOT_BANKS = ["chosen-path", "learner-name", "modes"];
  const ICONS = { passed: "\u2713", "in-progress": "\u25D1" };
  const WORDS = { passed: "Passed", "in-progress": "In progress" };
  const all = (root, selector) => Array.from(root.querySelectorAll(selector));
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const progress = () => window.hmisProgress;
  const thisYear = () => String(new Date().getFullYear());
  let learning = {};
  try { learning = JSON.parse(document.getElementById("hmis-learning").textContent); } catch (e) { /* none */ }
  const modules = isObject(learning.modules) ? learning.modules : {};
  const refresherModules = Array.isArray(learning.refresher) ? learning.refresher : [];
  const passMark = Number(learning.passMark) || 80;

  /* ---- The refresher's record: this year's answers to its modules ---- */

  document.addEventListener("hmis:answered", (event) => {
    const { bank, id, state } = event.detail || {};
    if (!refresherModules.includes(bank) || typeof id !== "string") return;
    const record = store.load(REFRESHER);
    const year = isObject(record[thisYear()]) ? record[thisYear()] : {};
    year[bank] = { ...(isObject(year[bank]) ? year[bank] : {}), [id]: { s: state } };
    record[thisYear()] = year;
    store.save(REFRESHER, record);
  });

  /* Earlier years' refresher results on the refresher path's page. */
  function setUpHistory(section) {
    if (section.dataset.ready) return;
    section.dataset.ready = "true";
    const box = document.querySelector('.path-progress[data-path="' + section.dataset.path + '"]');
    if (!box || !progress()) return;
    const pathModules = JSON.parse(box.dataset.modules).filter((module) => module.required);
    const record = store.load(REFRESHER);
    const years = Object.keys(record).filter((year) => /^\d{4}$/.test(year) && year < thisYear() && isObject(record[year]))
      .sort().reverse();
    const rows = [];
    years.forEach((year) => pathModules.forEach((module) => {
      const answers = isObject(record[year][module.id]) ? Object.values(record[year][module.id]) : [];
      const right = Math.min(answers.filter((answer) => isObject(answer) && answer.s === "correct").length, module.questions);
      const passed = answers.length && right * 100 >= passMark * module.questions;
      const row = document.createElement("tr");
      [year, module.title, right + " of " + module.questions,
        !answers.length ? "Not taken" : passed ? "\u2713 Passed" : "Not passed"].forEach((text) => {
        row.appendChild(document.createElement("td")).textContent = text;
      });
      rows.push(row);
    }));
    if (!rows.length) return;
    section.querySelector("tbody").replaceChildren(...rows);
    section.querySelector(".refresher-history__table").hidden = false;
    section.querySelector(".refresher-history__none").hidden = true;
  }

  /* ---- Statuses in the navigation ---- */

  /* The module a navigation link leads to, from the last part of its address. */
  function moduleOf(link) {
    const parts = new URL(link.getAttribute("href"), location.href).pathname.split("/").filter(Boolean);
    let last = parts.pop() || "";
    if (last === "index.html") last = parts.pop() || "";
    last = last.replace(/\.html$/, "");
    return Object.prototype.hasOwnProperty.call(modules, last) ? last : null;
  }

  function showNavStatuses() {
    if (!progress()) return;
    all(document, ".md-nav a.md-nav__link[href]").forEach((link) => {
      const id = moduleOf(link);
      if (!id) return;
      const { status } = progress().statusOf({ id, questions: modules[id] }, passMark, false);
      const badge = link.querySelector(".nav-status");
      if (badge && badge.dataset.status === status) return;
      if (badge) badge.remove();
      if (!WORDS[status]) return;
      const added = document.createElement("span");
      added.className = "nav-status nav-status--" + status;
      added.dataset.status = status;
      const comma = document.createElement("span");
      comma.className = "nav-status__aside";
      comma.textContent = ", ";
      const icon = document.createElement("span");
      icon.setAttribute("aria-hidden", "true");
      icon.textContent = ICONS[status] + " ";
      added.append(comma, icon, WORDS[status]);
      link.append(added);
    });
  }

  /* ---- The Continue card ---- */

  const hasAnswers = () => Object.entries(progress().everything()).some(([name, value]) =>
    !name.startsWith("~") && !NOT_BANKS.includes(name) && isObject(value) && Object.keys(value).length > 0);

  function linkCopy(card, selector, text) {
    const link = card.querySelector(".continue-card__links " + selector);
    if (!link) return document.createTextNode(text || "");
    const copy = link.cloneNode(true);
    Object.keys(copy.dataset).forEach((key) => delete copy.dataset[key]);
    if (text) copy.textContent = text;
    return copy;
  }

  function showCard(card) {
    const data = JSON.parse(card.dataset.continue);
    const chosen = progress().chosenPath();
    const path = chosen && Object.prototype.hasOwnProperty.call(data.paths, chosen) ? data.paths[chosen] : null;
    const returning = Boolean(path) || hasAnswers();
    card.querySelector(".continue-card__title-text").textContent = returning ? "Continue where you left off" : "Choose your role";
    card.querySelector(".continue-card__new").hidden = returning;
    card.querySelector(".continue-card__back").hidden = !returning;
    if (!returning) return;

    const pathLine = card.querySelector(".continue-card__path");
    const bar = card.querySelector(".continue-card__bar");
    const nextLine = card.querySelector(".continue-card__next");
    bar.hidden = nextLine.hidden = !path;
    if (path) {
      pathLine.replaceChildren("Your path: ", linkCopy(card, '[data-continue-path="' + chosen + '"]', path.name));
      const results = path.modules.map((module) => ({ module, ...progress().statusOf(module, data.passMark, path.refresher) }));
      const passed = results.filter((result) => result.status === "passed").length;
      bar.querySelector("progress").max = results.length;
      bar.querySelector("progress").value = passed;
      bar.querySelector(".continue-card__count").textContent = passed + " of " + results.length +
        " required modules passed" + (path.refresher ? " this year" : "");
      const next = results.find((result) => result.status !== "passed");
      if (next) nextLine.replaceChildren("Next module: ", linkCopy(card, '[data-continue-module="' + next.module.id + '"]'));
      else nextLine.textContent = "You have passed every required module of this path.";
    } else {
      pathLine.replaceChildren("You have not chosen a learning path yet: ", linkCopy(card, '[data-continue-link="choose"]'), ".");
    }
    const due = window.hmisReview ? window.hmisReview.dueCount() : 0;
    const review = card.querySelector(".continue-card__review");
    review.replaceChildren(due === 1 ? "1 question is due for review: " : due ? due + " questions are due for review: "
      : "No questions are due for review today. ", linkCopy(card, '[data-continue-link="review"]', due ? "Review now" : "The review page"));
  }

  function setUpCard(card) {
    if (card.dataset.ready || !progress()) return;
    card.dataset.ready = "true";
    const fresh = card.querySelector(".continue-card__fresh");
    const confirmBox = card.querySelector(".continue-card__confirm");
    const status = card.querySelector(".continue-card__status");
    const title = card.querySelector(".continue-card__title");
    fresh.addEventListener("click", () => {
      confirmBox.hidden = false;
      status.textContent = "";
      confirmBox.focus();
    });
    card.querySelector(".continue-card__cancel").addEventListener("click", () => {
      confirmBox.hidden = true;
      status.textContent = "Nothing was deleted.";
      fresh.focus();
    });
    card.querySelector(".continue-card__clear").addEventListener("click", () => {
      progress().clearAll();
      confirmBox.hidden = true;
      showCard(card);
      showNavStatuses();
      status.textContent = "Everything this site saved in this browser has been deleted. You can start fresh.";
      title.tabIndex = -1;
      title.focus();
    });
    showCard(card);
  }

  const setUpAll = () => {
    all(document, ".continue-card").forEach(setUpCard);
    all(document, ".refresher-history").forEach(setUpHistory);
    showNavStatuses();
  };
  document.addEventListener("hmis:answered", showNavStatuses);
  if (window.document$) window.document$.subscribe(setUpAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
