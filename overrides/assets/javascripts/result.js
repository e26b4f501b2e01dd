/* The result of a whole quiz (overrides/partials/quiz/quiz.html) against the pass mark:
   "N of M answered" until every question is answered, then "Passed" or "Not yet", in words and
   with an icon, the first attempt's score, and for "Not yet" the section that teaches each missed
   question. On a module page it also says, beside the next step of a path, that the module is not
   passed yet. It reads the questions' states, which quiz.js sets, so it needs no part of quiz.js. */
(() => {
  "use strict";
  const store = window.hmisStore;
  if (!store) return;

  /* First attempts, kept apart from the answers so that retries never change them:
       "~first" -> {"<bank-id>": {"<question-id>": {"v": version, "s": state of the first checked answer}}} */
  const FIRST = "~first";
  const DEFAULT_PASS_MARK = 80;
  const all = (root, selector) => Array.from(root.querySelectorAll(selector));
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const idOf = (question) => question.dataset.quizQuestion.split("/")[1];
  const projected = () => document.documentElement.classList.contains("projection");

  /* The first attempt of each question, for this version of it; an old or malformed record is none. */
  function firstOf(firsts, bank, question) {
    const record = isObject(firsts[bank]) ? firsts[bank][idOf(question)] : undefined;
    return isObject(record) && record.v === question.dataset.quizVersion ? record.s : undefined;
  }

  function recordFirst(bank, id, version, state) {
    const firsts = store.load(FIRST);
    const mine = isObject(firsts[bank]) ? firsts[bank] : {};
    const record = mine[id];
    if (isObject(record) && record.v === version) return false;
    mine[id] = { v: version, s: state };
    firsts[bank] = mine;
    store.save(FIRST, firsts);
    return true;
  }

  document.addEventListener("hmis:answered", (event) => {
    const { bank, id, state, version } = event.detail || {};
    if (typeof bank === "string" && typeof id === "string") recordFirst(bank, id, version, state);
  });

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  function verdict(className, icon, words) {
    const line = element("p", "quiz__result-verdict " + className);
    const mark = element("span", "", icon);
    mark.setAttribute("aria-hidden", "true");
    line.append(mark, " ", element("strong", "", words));
    return line;
  }

  /* "Question 4: <the heading of the section that teaches it>", linking there; without a section,
     the link goes to the question itself. */
  function missedItem(question) {
    const item = element("li");
    const number = question.querySelector(".quiz__legend").firstChild.textContent.trim();
    const section = question.dataset.quizTeaches && document.getElementById(question.dataset.quizTeaches);
    const link = element("a");
    if (section) {
      const heading = section.cloneNode(true);
      all(heading, ".headerlink").forEach((permalink) => permalink.remove());
      link.href = "#" + question.dataset.quizTeaches;
      link.textContent = heading.textContent.trim();
      item.append(number + ": review ", link);
    } else {
      link.href = "#" + question.id;
      link.textContent = number;
      item.append(link);
    }
    return item;
  }

  function showResult(quiz) {
    const bank = quiz.dataset.quiz;
    const box = quiz.querySelector("[data-quiz-result]");
    const questions = all(quiz, "[data-quiz-question]");
    const answered = questions.filter((question) => question.dataset.state);
    const right = answered.filter((question) => question.dataset.state === "correct").length;
    const mark = Number(quiz.dataset.passMark) > 0 ? Number(quiz.dataset.passMark) : DEFAULT_PASS_MARK;
    const needed = Math.ceil((mark * questions.length) / 100 - 1e-9);
    const passed = answered.length === questions.length && right * 100 >= mark * questions.length;
    const outcome = quiz.querySelector("[data-quiz-outcome]");
    box.hidden = false;
    all(document, '[data-not-passed="' + bank + '"]').forEach((note) => { note.hidden = passed; });

    if (answered.length < questions.length) {
      quiz.querySelector("[data-quiz-answered]").textContent = answered.length + " of " + questions.length +
        " answered. Your result shows when you have answered them all.";
      outcome.replaceChildren();
      return;
    }
    quiz.querySelector("[data-quiz-answered]").textContent = "";
    let firsts = store.load(FIRST);
    if (!projected()) { // answers saved before first attempts were kept: the earliest known counts
      const unknown = questions.filter((question) => firstOf(firsts, bank, question) === undefined);
      unknown.forEach((question) => recordFirst(bank, idOf(question), question.dataset.quizVersion, question.dataset.state));
      if (unknown.length) firsts = store.load(FIRST);
    }
    const parts = passed
      ? [verdict("quiz__result-verdict--passed", "\u2713", "Passed: " + right + " of " + questions.length +
          " (pass mark " + mark + "%)")]
      : [verdict("quiz__result-verdict--not-yet", "\u2717", "Not yet: " + right + " of " + questions.length +
          "; you need " + needed)];
    if (!projected()) {
      const firstRight = questions.filter((question) => firstOf(firsts, bank, question) === "correct").length;
      parts.push(element("p", "quiz__result-first", "First attempt: " + firstRight + " of " + questions.length));
    }
    if (!passed) {
      parts.push(element("p", "quiz__list-title", "Go back over the section for each question you missed, then try it again:"));
      const list = element("ul", "quiz__result-missed");
      questions.filter((question) => question.dataset.state !== "correct")
        .forEach((question) => list.append(missedItem(question)));
      parts.push(list);
    }
    outcome.replaceChildren(...parts);
  }

  /* quiz.js sets each question's data-state when it is checked, restored, cleared or shown from a
     checkpoint: the result follows those changes, once per batch (a reset changes them all). */
  function setUp(quiz) {
    if (quiz.dataset.resultReady) return;
    quiz.dataset.resultReady = "true";
    let queued = false;
    new MutationObserver(() => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => { queued = false; showResult(quiz); });
    }).observe(quiz, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
    showResult(quiz);
  }

  const setUpAll = () => all(document, "[data-quiz-result]").forEach((box) => setUp(box.closest("[data-quiz]")));
  if (window.document$) window.document$.subscribe(setUpAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
