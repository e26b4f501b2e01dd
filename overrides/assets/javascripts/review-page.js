/* The Review page (review.html): the questions due today, copied from their <template>s, with the
   answers closed until checked. Loaded by site.js only on a page with the review; the schedule
   itself is review.js's, on every page. */
(() => {
  "use strict";
  const review = window.hmisReview;
  if (!review) return;
  const { dueKeys, reschedule, longDate } = review;
  const all = (root, selector) => Array.from(root.querySelectorAll(selector));
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
