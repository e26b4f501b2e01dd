/* Spaced review with Leitner boxes. Every checked answer anywhere on the site (quiz.js's
   "hmis:answered" event) reschedules its question, kept in this browser as
     "~review" -> {"<bank>/<question>": {"box": 1.., "due": "YYYY-MM-DD"}}
   A missed (or partly right) answer goes to box 1, due today; a right one moves up a box, due after
   that box's interval in days (settings: review.intervals_days). The Review page's own script,
   review-page.js, asks the questions due; it is loaded only there (see site.js). */
(() => {
  "use strict";
  const store = window.hmisStore;
  if (!store) return;
  const SCHEDULE = "~review";
  const NOT_BANKS = ["chosen-path", "learner-name", "modes"];
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  const KEY = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;
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

  window.hmisReview = { dueKeys, dueCount: () => dueKeys().length, reschedule, longDate };

  document.addEventListener("hmis:answered", (event) => {
    const { bank, id, state } = event.detail || {};
    if (KEY.test(bank + "/" + id)) reschedule(bank + "/" + id, state === "correct");
  });
})();
