/* A room that votes: in projection mode, the quiz can go one question at a time (Next and Previous
   buttons, or a presenter's clicker: Page Down and Page Up, or the arrow keys), and each lettered question gets a box per letter for the
   room's count; "Show the room's answers" draws the distribution and marks the right letters in
   words and with an icon. Counts stay on the trainer's device (storage name "~tallies") and
   export as CSV with question ids, to see which questions groups find hard. Projection always
   starts a question unanswered, whatever the trainer's own saved answers. */
(() => {
  "use strict";
  const store = window.hmisStore;
  if (!store) return;
  const TALLIES = "~tallies";
  const all = (root, selector) => Array.from(root.querySelectorAll(selector));
  const projecting = () => document.documentElement.classList.contains("projection");
  const letterOf = (input) => input.labels[0].querySelector(".quiz__letter").textContent.replace(".", "");

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  /* The question as the room first sees it: nothing chosen, no feedback, the answer closed. */
  function unanswered(question) {
    all(question, "input").forEach((input) => { input.checked = false; if (input.type === "text") input.value = ""; });
    question.querySelector(".quiz__feedback").replaceChildren();
    const reveal = question.querySelector(".quiz__reveal");
    reveal.open = false;
    delete question.dataset.state;
  }

  function showDistribution(question, counts, output) {
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const rows = all(question, ".quiz__option input").map((input) => {
      const letter = letterOf(input);
      const count = counts[letter] || 0;
      const share = total ? Math.round((100 * count) / total) : 0;
      const right = input.hasAttribute("data-correct");
      const row = element("li", right ? "room-tally__right" : "");
      row.append(element("span", "room-tally__letter", letter + ": " + count + " (" + share + "%)"),
        element("span", "room-tally__bar", "\u2588".repeat(Math.round(share / 5))));
      if (right) row.append(element("strong", "", " \u2713 right answer"));
      input.closest(".quiz__option").classList.toggle("quiz__option--right", right);
      return row;
    });
    const list = element("ul", "room-tally__distribution");
    list.append(...rows);
    output.replaceChildren(list);
  }

  function setUpQuestion(question, tallies) {
    const inputs = all(question, ".quiz__option input");
    if (!inputs.length || question.querySelector(".room-tally")) return;
    const key = question.dataset.quizQuestion;
    const box = element("fieldset", "room-tally");
    box.append(element("legend", "", "The room's votes"));
    inputs.forEach((input) => {
      const letter = letterOf(input);
      const label = element("label", "room-tally__count");
      const count = element("input");
      Object.assign(count, { type: "number", min: "0", step: "1", inputMode: "numeric", value: (tallies[key] || {})[letter] || "" });
      count.dataset.letter = letter;
      count.setAttribute("aria-label", "Votes for " + letter);
      label.append(letter + " ", count);
      box.append(label);
    });
    const show = element("button", "md-button room-tally__show", "Show the room's answers");
    show.type = "button";
    const output = element("div", "room-tally__output");
    output.setAttribute("role", "status");
    show.addEventListener("click", () => {
      const counts = {};
      all(box, "input").forEach((count) => { counts[count.dataset.letter] = Math.max(0, Math.floor(Number(count.value) || 0)); });
      const saved = store.load(TALLIES);
      saved[key] = { ...counts, date: new Date().toISOString().slice(0, 10) };
      store.save(TALLIES, saved);
      showDistribution(question, counts, output);
    });
    box.append(show, output);
    question.querySelector(".quiz__actions").after(box);
  }

  function csv(tallies) {
    const lines = [["question", "letter", "votes", "right", "date"]];
    Object.entries(tallies).forEach(([key, counts]) => {
      const question = document.querySelector('[data-quiz-question="' + CSS.escape(key) + '"]');
      Object.entries(counts).filter(([letter]) => letter !== "date").forEach(([letter, votes]) => {
        const input = question && all(question, ".quiz__option input").find((candidate) => letterOf(candidate) === letter);
        lines.push([key, letter, String(votes), input ? (input.hasAttribute("data-correct") ? "yes" : "no") : "", counts.date || ""]);
      });
    });
    return lines.map((cells) => cells.map((cell) => '"' + String(cell).replace(/"/g, '""') + '"').join(",")).join("\r\n") + "\r\n";
  }

  function setUpExport(quiz) {
    if (quiz.querySelector(".room-tally__export")) return;
    const button = element("button", "md-button room-tally__export", "Download the room's votes (CSV)");
    button.type = "button";
    button.addEventListener("click", () => {
      const link = element("a");
      link.href = URL.createObjectURL(new Blob([csv(store.load(TALLIES))], { type: "text/csv" }));
      link.download = "room-votes.csv";
      link.click();
      URL.revokeObjectURL(link.href);
    });
    quiz.prepend(button);
  }

  /* One question at a time: the others are hidden until the trainer moves on. */
  function step(quiz, by) {
    const questions = all(quiz, "[data-quiz-question]");
    const now = Math.max(0, questions.findIndex((question) => !question.hidden));
    const next = Math.min(questions.length - 1, Math.max(0, now + by));
    questions.forEach((question, index) => { question.hidden = index !== next; });
    quiz.querySelector(".room-steps__where").textContent = "Question " + (next + 1) + " of " + questions.length;
    questions[next].scrollIntoView({ block: "start" });
  }

  function setUpSteps(quiz) {
    if (quiz.querySelector(".room-steps")) return;
    const bar = element("p", "room-steps");
    const toggle = element("button", "md-button room-steps__toggle", "One question at a time");
    toggle.type = "button";
    toggle.setAttribute("aria-pressed", "false");
    const previous = element("button", "md-button room-steps__previous", "Previous question");
    const next = element("button", "md-button room-steps__next", "Next question");
    const where = element("span", "room-steps__where");
    where.setAttribute("role", "status");
    [previous, next].forEach((button) => { button.type = "button"; button.hidden = true; });
    toggle.addEventListener("click", () => {
      const on = toggle.getAttribute("aria-pressed") !== "true";
      toggle.setAttribute("aria-pressed", String(on));
      previous.hidden = next.hidden = !on;
      quiz.classList.toggle("room-steps--on", on);
      if (on) step(quiz, 0);
      else { all(quiz, "[data-quiz-question]").forEach((question) => { question.hidden = false; }); where.textContent = ""; }
    });
    previous.addEventListener("click", () => step(quiz, -1));
    next.addEventListener("click", () => step(quiz, 1));
    bar.append(toggle, previous, next, where);
    quiz.prepend(bar);
  }

  const KEYS = { PageDown: 1, ArrowRight: 1, PageUp: -1, ArrowLeft: -1 };
  document.addEventListener("keydown", (event) => {
    const quiz = document.querySelector(".room-steps--on");
    const typing = event.target.closest && event.target.closest("input, textarea, select");
    if (!quiz || !projecting() || typing || !(event.key in KEYS)) return;
    event.preventDefault();
    step(quiz, KEYS[event.key]);
  });

  function setUp() {
    if (!projecting()) return;
    const tallies = store.load(TALLIES);
    all(document, "[data-quiz]").forEach((quiz) => {
      setUpExport(quiz);
      if (!quiz.hasAttribute("data-quiz-checkpoint")) setUpSteps(quiz);
      all(quiz, "[data-quiz-question]").forEach((question) => { unanswered(question); setUpQuestion(question, tallies); });
    });
  }

  /* The trainer's Reveal answer marks the right options by letter, word and icon, as the room sees them. */
  document.addEventListener("click", (event) => {
    const reveal = event.target.closest && event.target.closest(".group-reveal");
    if (!reveal) return;
    all(reveal.closest("[data-quiz-question]"), ".quiz__option input").forEach((input) =>
      input.closest(".quiz__option").classList.toggle("quiz__option--right", input.hasAttribute("data-correct")));
  });

  new MutationObserver(setUp).observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  if (window.document$) window.document$.subscribe(setUp);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
