/* Spaced review with Leitner boxes. Every checked answer anywhere on the site (quiz.js's
   "hmis:answered" event) reschedules its question, kept in this browser as
     "~review" -> {"<bank>/<question>": {"box": 1.., "due": "YYYY-MM-DD"}}
   A missed (or partly right) answer goes to box 1, due today; a right one moves up a box, due after
   that box's interval in days (settings: review.intervals_days). The Review page (review.html) asks
   the questions due, copied from their <template>s, with the answers closed until checked. */
(() => {
  "use strict";
  const store = window.hmisStore;
  if (!store) return;
  const SCHEDULE = "~review";
  const NOT_BANKS = ["chosen-path", "learner-name", "modes"];
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  const KEY = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;
  const all = (root, selector) => Array.from(root.querySelectorAll(selector));
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  let learning = {};
  try { learning = JSON.parse(document.getElementById("hmis-learning").textContent); } catch (e) { /* defaults */ }
  const intervals = Array.isArray(learning.intervals) && learning.intervals.length ? learning.intervals : [1, 3, 7, 21];

  const pad = (number) => String(number).padStart(2, "0");
  const isoDate = (date) => date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  const today = () => isoDate(new Date());
  const inDays = (days) => { const date = new Date(); date.setDate(date.getDate() + days); return isoDate(date); };
  const longDate = (iso) => new Date(iso + "T12:00:00").toLocaleDateString(undefined,
    { weekday: "long", year: "numeric", month: "long", day: "numeric" });

  /* The saved schedule, keeping only well-formed entries (storage is never trusted). */
  function schedule() {
    const kept = {};
    Object.entries(store.load(SCHEDULE)).forEach(([key, entry]) => {
      if (KEY.test(key) && isObject(entry) && Number.isInteger(entry.box) && entry.box >= 1 &&
          typeof entry.due === "string" && DATE.test(entry.due)) {
        kept[key] = { box: Math.min(entry.box, intervals.length), due: entry.due };
      }
    });
    return kept;
  }

  /* The schedule plus answers saved as missed that it does not hold yet (given before this page
     existed, or imported from a progress file): those are due today, in box 1. */
  function withMissed() {
    const found = schedule();
    const saved = window.hmisProgress ? window.hmisProgress.everything() : {};
    Object.entries(saved).forEach(([bank, answers]) => {
      if (bank.startsWith("~") || NOT_BANKS.includes(bank) || !isObject(answers)) return;
      Object.entries(answers).forEach(([id, answer]) => {
        const key = bank + "/" + id;
        if (KEY.test(key) && !found[key] && isObject(answer) && ["partial", "incorrect"].includes(answer.s)) {
          found[key] = { box: 1, due: today() };
        }
      });
    });
    return found;
  }

  /* Right: up one box (a first right answer goes into box 1), due after that box's interval.
     Missed: back to box 1, due today. Returns the question's new entry. */
  function reschedule(key, right) {
    const found = withMissed();
    const box = right ? Math.min(found[key] ? found[key].box + 1 : 1, intervals.length) : 1;
    found[key] = { box, due: right ? inDays(intervals[box - 1]) : today() };
    store.save(SCHEDULE, found);
    return found[key];
  }

  /* The questions due today or earlier, the longest overdue first. */
  function dueKeys() {
    const now = today();
    return Object.entries(withMissed()).filter(([, entry]) => entry.due <= now)
      .sort(([keyA, a], [keyB, b]) => a.due.localeCompare(b.due) || keyA.localeCompare(keyB)).map(([key]) => key);
  }

  window.hmisReview = { dueKeys, dueCount: () => dueKeys().length };

  document.addEventListener("hmis:answered", (event) => {
    const { bank, id, state } = event.detail || {};
    if (KEY.test(bank + "/" + id)) reschedule(bank + "/" + id, state === "correct");
  });

  /* ---- The Review page ---- */

  const plural = (count, one, many) => count + " " + (count === 1 ? one : many);

  function setUpQuestion(item, key, afterCheck) {
    const quiz = window.hmisQuiz;
    const question = item.querySelector("[data-quiz-question]");
    const check = question.querySelector(".quiz__check");
    const next = item.querySelector(".review__next");
    question.querySelector(".quiz__reveal").hidden = true;
    check.hidden = false;
    let done = false; // one answer per visit reschedules; checking again only shows the feedback
    check.addEventListener("click", () => {
      const answer = quiz.answerOf(question);
      if (quiz.isEmpty(answer)) {
        const hint = document.createElement("p");
        hint.className = "quiz__verdict";
        hint.textContent = "Choose or type an answer first.";
        question.querySelector(".quiz__feedback").replaceChildren(hint);
        return;
      }
      const result = quiz.grade(question, answer);
      quiz.showFeedback(question, answer, result);
      question.querySelector(".quiz__retry").hidden = true;
      if (done || document.documentElement.classList.contains("projection")) return; // a room: nothing saved
      done = true;
      const entry = reschedule(key, result.state === "correct");
      next.textContent = result.state === "correct"
        ? "Moved up to box " + entry.box + ": it comes back on " + longDate(entry.due) + "."
        : "Back to box 1: it stays due, so try it again another time today or tomorrow.";
      afterCheck();
    });
    if (question.dataset.quizType === "short") {
      question.querySelector("input").addEventListener("keydown", (event) => {
        if (event.key === "Enter") { event.preventDefault(); check.click(); }
      });
    }
  }

  function setUpReview(section) {
    if (section.dataset.ready || !window.hmisQuiz) return;
    section.dataset.ready = "true";
    const status = section.querySelector(".review__status");
    const list = section.querySelector(".review__questions");
    const templates = new Map(all(section, "template[data-review-question]")
      .map((template) => [template.dataset.reviewQuestion, template]));
    const dueHere = () => dueKeys().filter((key) => templates.has(key));
    const sayCount = () => {
      const count = dueHere().length;
      status.textContent = count ? plural(count, "question is", "questions are") + " due for review today."
        : "Nothing is due for review today. Questions you miss on any module come back here.";
    };
    const due = dueHere();
    due.forEach((key, index) => {
      const item = templates.get(key).content.firstElementChild.cloneNode(true);
      item.querySelector(".quiz__legend").firstChild.data = "Question " + (index + 1) + " of " + due.length + " ";
      list.append(item);
      setUpQuestion(item, key, sayCount);
    });
    sayCount();
  }

  const setUpAll = () => all(document, ".review").forEach(setUpReview);
  if (window.document$) window.document$.subscribe(setUpAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
