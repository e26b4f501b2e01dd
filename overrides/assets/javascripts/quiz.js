/* Self-checking quizzes: adds checking, feedback and saved progress to the markup of
   overrides/partials/quiz/. Without this file every question still reads, and its
   answer opens from "Show the answer". */
(() => {
  "use strict";

  /* Progress lives in localStorage under one key per bank, scoped to this site's base path
     so two sites on one origin never share it:
       hmis-training:v1:<base path>:<bank-id> -> {"<question-id>": {"v": version, "a": answer, "s": state}}
     A question's version changes when its text or answers change, and then its old answer is ignored. */
  const PREFIX = "hmis-training:v1:";
  const memory = {}; // used when localStorage is blocked or full, so the visit still works

  const base = () => (window.__md_scope || new URL(".", location)).pathname;
  const keyOf = (bank) => PREFIX + base() + ":" + bank;

  /* Hook: a page that sets window.hmisQuizStore = {load(bank), save(bank, progress)} keeps progress
     there instead, e.g. an LMS package hands answers to the LMS (macros/lms/js/bridge.js). */
  const host = () => window.hmisQuizStore;

  function load(bank) {
    if (host()) return host().load(bank);
    const key = keyOf(bank);
    try {
      const saved = JSON.parse(localStorage.getItem(key));
      if (saved && typeof saved === "object" && !Array.isArray(saved)) return saved;
    } catch (e) { /* blocked or unreadable: fall back to this visit's memory */ }
    return memory[key] || {};
  }

  function save(bank, progress) {
    if (host()) { host().save(bank, progress); return; }
    const key = keyOf(bank);
    memory[key] = progress;
    try { localStorage.setItem(key, JSON.stringify(progress)); } catch (e) { /* blocked or full */ }
  }

  // The same storage serves paths.js, which shows progress across the site.
  window.hmisStore = { load, save, prefix: PREFIX, base };

  /* How typed text is compared (macros/quiz/views.py normalise does the same to the accepted answers):
     case, hyphens, runs of spaces and a closing full stop do not matter. */
  const normalise = (text) => text.toLowerCase().replace(/[-\u2010-\u2014]/g, " ").replace(/[.!?]+\s*$/, "")
    .trim().split(/\s+/).join(" ");
  const all = (root, selector) => Array.from(root.querySelectorAll(selector));
  const idOf = (question) => question.dataset.quizQuestion.split("/")[1];

  function answerOf(question) {
    if (question.dataset.quizType === "short") return question.querySelector("input").value;
    return all(question, "input:checked").map((input) => input.value);
  }

  function setAnswer(question, answer) {
    if (question.dataset.quizType === "short") question.querySelector("input").value = answer;
    else all(question, "input").forEach((input) => { input.checked = answer.includes(input.value); });
  }

  const isEmpty = (answer) => (Array.isArray(answer) ? answer.length === 0 : answer.trim() === "");

  /* A saved answer is restored only if it fits the question: text for a short answer, otherwise a
     list of this question's own option values. Anything else in storage is dropped, not trusted. */
  function fits(question, answer) {
    if (question.dataset.quizType === "short") return typeof answer === "string" && !isEmpty(answer);
    const values = all(question, "input").map((input) => input.value);
    return Array.isArray(answer) && answer.length > 0 && answer.every((value) => values.includes(value));
  }

  /* Grade an answer: "correct", "partial" (some right options, not all) or "incorrect",
     with the right options missed and the wrong ones chosen, for the feedback. */
  function grade(question, answer) {
    const { quizType: type, quizAccept: accept, quizNumber: number, quizTolerance: tolerance } = question.dataset;
    if (type === "short") {
      let right;
      if (accept) right = JSON.parse(accept).includes(normalise(answer));
      else {
        // "1,250", "85%" and "90 days" all read as numbers; the unit is the prompt's to set.
        const typed = answer.replace(/,/g, "").trim().replace(/\s*(%|[a-z]+\.?)$/i, "");
        right = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(typed) && Math.abs(Number(typed) - Number(number)) <= Number(tolerance) + 1e-9;
      }
      return { state: right ? "correct" : "incorrect", missed: [], wrong: [] };
    }
    const inputs = all(question, "input");
    const missed = inputs.filter((input) => input.hasAttribute("data-correct") && !answer.includes(input.value));
    const wrong = inputs.filter((input) => !input.hasAttribute("data-correct") && answer.includes(input.value));
    const found = answer.length - wrong.length;
    const state = !missed.length && !wrong.length ? "correct" : type === "multiple" && found > 0 ? "partial" : "incorrect";
    return { state, missed, wrong };
  }

  const VERDICT = {
    correct: ["\u2713", "Correct."],
    partial: ["\u25D1", "Partly right."],
    incorrect: ["\u2717", "Not quite."],
  };

  function paragraph(className, text) {
    const p = document.createElement("p");
    p.className = className;
    p.textContent = text;
    return p;
  }

  const letterOf = (input) => input.labels[0].querySelector(".quiz__letter").textContent.replace(".", "");
  const MARKS = { right: "\u2713 Right", wrong: "\u2717 Not right", missed: "Also right" };

  /* Each option's verdict on the option itself, in words with an icon: the learner's right and
     wrong choices, and on a select-all question the right options they missed. A single answer
     that is wrong does not give the right one away: "Try again" is still worth something. */
  function markOptions(question, answer, result) {
    clearMarks(question);
    all(question, ".quiz__option input").forEach((input) => {
      const chosen = answer.includes(input.value);
      const kind = chosen ? (result.wrong.includes(input) ? "wrong" : "right") : result.missed.includes(input) &&
        question.dataset.quizType === "multiple" ? "missed" : null;
      if (!kind) return;
      const mark = document.createElement("span");
      mark.className = "quiz__mark quiz__mark--" + kind;
      mark.id = input.id + "-mark";
      mark.textContent = MARKS[kind];
      input.labels[0].after(mark);
      input.setAttribute("aria-describedby", mark.id); // the option keeps its name; the mark describes it
    });
  }

  function clearMarks(question) {
    all(question, ".quiz__mark").forEach((mark) => mark.remove());
    all(question, ".quiz__option input[aria-describedby]").forEach((input) => input.removeAttribute("aria-describedby"));
  }

  function showFeedback(question, answer, result) {
    const feedback = question.querySelector(".quiz__feedback");
    const [icon, words] = VERDICT[result.state];
    const verdict = paragraph("quiz__verdict", " " + words);
    const mark = document.createElement("span");
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = icon;
    verdict.prepend(mark);
    const parts = [verdict];
    if (question.dataset.quizType === "multiple") { // in the live region too, for a screen reader
      const letters = (inputs) => inputs.map(letterOf).join(", ");
      const summary = [result.missed.length ? "Also right: " + letters(result.missed) + "." : "",
        result.wrong.length ? "Not right: " + letters(result.wrong) + "." : ""].filter(Boolean).join(" ");
      if (summary) parts.push(paragraph("quiz__by-letter", summary));
    }
    if (Array.isArray(answer)) {
      markOptions(question, answer, result);
      answer.forEach((value) => { // what the bank says about each chosen option, with its label
        const note = question.querySelector('.quiz__notes [data-option="' + value + '"]');
        if (!note) return;
        const chosen = document.createElement("div");
        chosen.className = "quiz__chosen";
        chosen.append("You chose ", ...note.cloneNode(true).childNodes);
        parts.push(chosen);
      });
    }
    parts.push(question.querySelector(".quiz__explanation").cloneNode(true));
    parts.push(question.querySelector(".quiz__source").cloneNode(true));
    feedback.replaceChildren(...parts);
    question.dataset.state = result.state;
    question.querySelector(".quiz__retry").hidden = false;
  }

  function clearQuestion(question) {
    setAnswer(question, question.dataset.quizType === "short" ? "" : []);
    question.querySelector(".quiz__feedback").replaceChildren();
    clearMarks(question);
    question.querySelector(".quiz__retry").hidden = true;
    delete question.dataset.state;
  }

  function updateScore(quiz) {
    const score = quiz.querySelector("[data-quiz-score]"); // a checkpoint has none
    if (!score) return;
    const questions = all(quiz, "[data-quiz-question]");
    const right = questions.filter((question) => question.dataset.state === "correct").length;
    score.textContent = right + " of " + questions.length + " correct";
  }

  const projected = () => document.documentElement.classList.contains("projection"); // a room, not one learner

  const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  /* Show a question as saved: its answer, if it is to this version and fits, graded; else blank. */
  function showSaved(question, progress) {
    const saved = own(progress, idOf(question)) ? progress[idOf(question)] : undefined;
    if (saved && saved.v === question.dataset.quizVersion && fits(question, saved.a)) {
      setAnswer(question, saved.a);
      showFeedback(question, saved.a, grade(question, saved.a));
      return saved;
    }
    if (question.dataset.state) clearQuestion(question);
    return undefined;
  }

  /* Save an answer to one question, or forget it, or with no id forget them all. A page may show a
     question twice (in a checkpoint and the whole quiz): read what is saved first, and show every
     copy of the bank what is saved now. */
  function change(quiz, id, answer) {
    const bank = quiz.dataset.quiz;
    const progress = id ? load(bank) : {};
    if (answer) progress[id] = answer;
    else delete progress[id];
    save(bank, progress);
    all(document, "[data-quiz]").forEach((copy) => {
      if (copy.dataset.quiz !== bank || !copy.dataset.quizReady) return;
      if (copy !== quiz) all(copy, "[data-quiz-question]").forEach((question) => showSaved(question, progress));
      updateScore(copy);
    });
  }

  function setUp(quiz) {
    if (quiz.dataset.quizReady) return; // document$ and DOMContentLoaded may both call this
    quiz.dataset.quizReady = "true";
    const bank = quiz.dataset.quiz;
    const progress = load(bank);
    let tidied = false; // saved answers dropped or re-graded, to be saved once all are read

    all(quiz, "[data-quiz-question]").forEach((question) => {
      const id = idOf(question);
      const feedback = question.querySelector(".quiz__feedback");
      question.querySelector(".quiz__reveal").hidden = true;
      const check = question.querySelector(".quiz__check");
      check.hidden = false;

      check.addEventListener("click", () => {
        if (projected()) return; // group quiz: nothing saved
        const answer = answerOf(question);
        if (isEmpty(answer)) {
          feedback.replaceChildren(paragraph("quiz__verdict", "Choose or type an answer first."));
          return;
        }
        const result = grade(question, answer);
        showFeedback(question, answer, result);
        change(quiz, id, { v: question.dataset.quizVersion, a: answer, s: result.state });
        // For other scripts (review schedule, module result, resume card): one event per checked answer.
        document.dispatchEvent(new CustomEvent("hmis:answered",
          { detail: { bank, id, state: result.state, version: question.dataset.quizVersion } }));
      });

      question.querySelector(".quiz__retry").addEventListener("click", () => {
        clearQuestion(question);
        change(quiz, id);
        question.querySelector("input").focus();
      });

      if (question.dataset.quizType === "short") {
        question.querySelector("input").addEventListener("keydown", (event) => {
          if (event.key === "Enter") { event.preventDefault(); check.click(); }
        });
      }

      if (projected()) return;
      const saved = showSaved(question, progress);
      if (saved && saved.s !== question.dataset.state) {
        progress[id] = { v: saved.v, a: saved.a, s: question.dataset.state };
        tidied = true;
      } else if (!saved && own(progress, id)) {
        delete progress[id]; // edited since, or not an answer to this question: it no longer applies
        tidied = true;
      }
    });
    if (tidied) save(bank, progress);

    const reset = quiz.querySelector(".quiz__reset"); // a checkpoint has none
    if (reset) {
      reset.hidden = false;
      reset.addEventListener("click", () => {
        all(quiz, "[data-quiz-question]").forEach(clearQuestion);
        change(quiz);
        quiz.querySelector("input").focus();
      });
    }
    updateScore(quiz);
  }

  // For review.js, which asks due questions again with the same checking and feedback.
  window.hmisQuiz = { answerOf, isEmpty, grade, showFeedback };

  const setUpAll = () => all(document, "[data-quiz]").forEach(setUp);
  // Material's instant navigation swaps pages without a load event; document$ emits on each.
  // Under file:// document$ never emits, so DOMContentLoaded covers the first page.
  if (window.document$) window.document$.subscribe(setUpAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
