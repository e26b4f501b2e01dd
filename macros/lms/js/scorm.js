/* SCORM 1.2 runtime adapter of an HMIS Training package, on its launch page (macros/lms/adapter.py).
   It finds the LMS's API as the SCORM 1.2 run-time environment describes, keeps one session open
   while the learner moves between the package's pages in the frame, and records:
   - cmi.core.lesson_status: "incomplete" until every question of the package is answered, then
     "passed" or "failed" by the pass mark (the manifest's masteryscore). Never "passed" early,
     and never "failed" after a "passed", since many LMSs keep the first "passed" for good;
   - cmi.core.score.raw/min/max (0..100), set only once every question is answered;
   - cmi.suspend_data: the answers, compactly, restored into the quiz on the next launch;
   - cmi.core.session_time and cmi.core.exit, then LMSCommit and LMSFinish as the page goes away.
   With no LMS found it does nothing, and the pages keep answers in the browser like the site.

   suspend_data: "<hash>|<entry>,<entry>,..." where <hash> names this build's questions (answers
   saved for other questions are dropped) and each entry is the question's place in the package
   (base 36), its state (C correct, P partly right, I not right), then either the chosen options as
   a bit mask over the question's options (base 36) or ' and the typed answer, URI-encoded. */
(() => {
  "use strict";
  const LIMIT = 4096; // SCORM 1.2 keeps at most 4,096 characters of cmi.suspend_data
  const TYPED_MAX = 100; // characters of a typed answer kept; longer ones are never right anyway
  const STATE_CODE = { correct: "C", partial: "P", incorrect: "I" };
  const STATE_OF = { C: "correct", P: "partial", I: "incorrect" };
  const data = JSON.parse(document.getElementById("hmis-lms-package").textContent);
  const questions = data.questions; // [bank, id, version, type, option values]
  const answers = questions.map(() => null); // {a: answer, s: state} per question, once answered
  const others = {}; // what pages keep that is not a quiz (the chosen path): this visit only

  function apiIn(start) {
    let win = start;
    try {
      for (let tries = 0; !win.API && win.parent && win.parent !== win && tries < 10; tries += 1) win = win.parent;
      return win.API || null;
    } catch (e) { return null; } // a window of another origin: no API we may use there
  }

  /* Up the parent frames; then the same from the window that opened this one, and its opener. */
  function findAPI() {
    let api = apiIn(window);
    for (let win = window, tries = 0; !api && tries < 10; tries += 1) {
      try { win = win.opener; } catch (e) { win = null; }
      if (!win) break;
      api = apiIn(win);
    }
    return api;
  }

  const api = findAPI();
  if (!api || String(api.LMSInitialize("")) !== "true") return;
  const set = (name, value) => api.LMSSetValue(name, String(value));
  const started = Date.now();
  const startStatus = String(api.LMSGetValue("cmi.core.lesson_status"));
  let passedOnce = startStatus === "passed";
  let finished = false;

  function typedPart(text, keep) {
    return "'" + encodeURIComponent(keep ? text.slice(0, TYPED_MAX) : "");
  }

  function encode(keepTyped) {
    const entries = [];
    answers.forEach((entry, place) => {
      if (!entry) return;
      const [, , , type, values] = questions[place];
      const payload = type === "short" ? typedPart(entry.a, keepTyped)
        : entry.a.reduce((mask, value) => mask + 2 ** values.indexOf(value), 0).toString(36);
      entries.push(place.toString(36) + STATE_CODE[entry.s] + payload);
    });
    return data.hash + "|" + entries.join(",");
  }

  /* Saved answers are data from outside: each entry is kept only if it fits its question. */
  function decode(text) {
    const [hash, body] = text.split("|");
    if (hash !== data.hash || !body) return;
    body.split(",").forEach((entry) => {
      const match = /^([0-9a-z]+)([CPI])(?:'(.*)|([0-9a-z]+))$/.exec(entry);
      if (!match) return;
      const place = parseInt(match[1], 36);
      const question = questions[place];
      if (!question || answers[place]) return;
      const [, , , type, values] = question;
      let answer;
      if (type === "short") {
        if (match[3] === undefined) return;
        try { answer = decodeURIComponent(match[3]); } catch (e) { return; }
      } else {
        if (match[4] === undefined) return;
        const mask = parseInt(match[4], 36);
        if (!(mask > 0 && mask < 2 ** values.length)) return;
        answer = values.filter((value, bit) => mask & (2 ** bit));
      }
      answers[place] = { a: answer, s: STATE_OF[match[2]] };
    });
  }

  const answered = () => answers.every(Boolean);

  function record() {
    const saved = encode(true);
    set("cmi.suspend_data", saved.length < LIMIT ? saved : encode(false)); // typed answers go first
    if (questions.length && answered()) {
      const right = answers.filter((entry) => entry.s === "correct").length;
      const passed = right * 100 >= data.mastery * questions.length;
      if (passed || !passedOnce) {
        set("cmi.core.score.min", 0);
        set("cmi.core.score.max", 100);
        set("cmi.core.score.raw", Math.floor((right * 100) / questions.length));
        set("cmi.core.lesson_status", passed ? "passed" : "failed");
      }
      passedOnce = passedOnce || passed;
    }
    api.LMSCommit("");
  }

  const placesOf = (bank) => questions.map((question, place) => place).filter((place) => questions[place][0] === bank);

  /* The progress quiz.js keeps for a bank: {"<question id>": {v: version, a: answer, s: state}}. */
  function load(bank) {
    const places = placesOf(bank);
    if (!places.length) return Object.assign({}, others[bank]);
    const progress = {};
    places.forEach((place) => {
      const entry = answers[place];
      const [, id, version] = questions[place];
      if (entry && entry.a.length) progress[id] = { v: version, a: entry.a, s: entry.s };
    });
    return progress;
  }

  function save(bank, progress) {
    const places = placesOf(bank);
    if (!places.length) { others[bank] = Object.assign({}, progress); return; }
    places.forEach((place) => {
      const [, id, version, type, values] = questions[place];
      const entry = Object.prototype.hasOwnProperty.call(progress, id) ? progress[id] : null;
      const fits = entry && entry.v === version && STATE_CODE[entry.s]
        && (type === "short" ? typeof entry.a === "string"
          : Array.isArray(entry.a) && entry.a.length > 0 && entry.a.every((value) => values.includes(value)));
      answers[place] = fits ? { a: type === "short" ? entry.a : Array.from(entry.a), s: entry.s } : null;
    });
    record();
  }

  /* CMITimespan: HHHH:MM:SS.SS */
  function timespan(milliseconds) {
    const centiseconds = Math.min(Math.round(milliseconds / 10), 9999 * 360000 - 1);
    const pad = (value, width) => String(value).padStart(width, "0");
    return pad(Math.floor(centiseconds / 360000), 4) + ":" + pad(Math.floor(centiseconds / 6000) % 60, 2) + ":"
      + pad(Math.floor(centiseconds / 100) % 60, 2) + "." + pad(centiseconds % 100, 2);
  }

  function finish() {
    if (finished) return;
    finished = true;
    set("cmi.core.session_time", timespan(Date.now() - started));
    set("cmi.core.exit", answered() ? "" : "suspend"); // "suspend": the LMS keeps the attempt open
    api.LMSCommit("");
    api.LMSFinish("");
  }

  decode(String(api.LMSGetValue("cmi.suspend_data") || ""));
  if (!questions.length) set("cmi.core.lesson_status", "completed");
  else if (!["passed", "failed"].includes(startStatus)) set("cmi.core.lesson_status", "incomplete");
  api.LMSCommit("");
  window.hmisLms = { load, save, finish };
  window.addEventListener("pagehide", finish);
  window.addEventListener("unload", finish);
})();
