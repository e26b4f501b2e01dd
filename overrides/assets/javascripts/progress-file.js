/* The "Choose your role" page's progress tools: export this browser's progress to a file, import
   one (checked against what this site has, and confirmed in the page before anything changes), and
   clear it all. The file's format is documented on that page and in docs/assets/progress.schema.json.
   Loaded by site.js only on a page with the tools. */
(() => {
  "use strict";
  const store = window.hmisStore;
  const hmisProgress = window.hmisProgress;
  if (!store || !hmisProgress) return;
  const CHOSEN = "chosen-path";
  const NAME = "learner-name";
  const FORMAT = "hmis-training-progress/1";
  const MAX_BYTES = 1024 * 1024; // a whole site's answers take about 30 KB
  const MAX_TEXT = 1000;         // a typed answer
  const MAX_NAME = 200;          // the name on the completion record
  const STATES = ["correct", "partial", "incorrect"];
  const REFUSED = "Nothing was changed: this file cannot be imported. ";
  const all = (root, selector) => Array.from(root.querySelectorAll(selector));
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  const quote = (text) => "\u201c" + String(text).slice(0, 60) + (String(text).length > 60 ? "\u2026" : "") + "\u201d";
  const plural = (count, one, many) => count + " " + (count === 1 ? one : many);

  /* Problems with one saved answer of a known question, as sentences; [] if it is well formed. */
  function answerProblems(where, answer, [, type, options]) {
    if (!isObject(answer)) return [where + " must be an object with \u201cv\u201d, \u201ca\u201d and \u201cs\u201d."];
    const problems = [];
    const extra = Object.keys(answer).filter((key) => !["v", "a", "s"].includes(key));
    if (extra.length) problems.push(where + " has a field this site does not use: " + quote(extra[0]) + ".");
    if (typeof answer.v !== "string" || answer.v.length > 64) problems.push(where + ": \u201cv\u201d must be the question's version, as text.");
    if (!STATES.includes(answer.s) || (answer.s === "partial" && type !== "multiple")) {
      problems.push(where + ": \u201cs\u201d must be " + (type === "multiple" ? "\u201ccorrect\u201d, \u201cpartial\u201d or \u201cincorrect\u201d." : "\u201ccorrect\u201d or \u201cincorrect\u201d."));
    }
    const a = answer.a;
    if (type === "short") {
      if (typeof a !== "string" || !a.trim() || a.length > MAX_TEXT) problems.push(where + ": \u201ca\u201d must be the typed answer, as text of 1 to " + MAX_TEXT + " characters.");
    } else {
      const values = type === "true-false" ? ["true", "false"] : Array.from({ length: options }, (_, index) => String(index));
      const most = type === "multiple" ? values.length : 1;
      if (!Array.isArray(a) || a.length < 1 || a.length > most || new Set(a).size !== a.length || !a.every((value) => values.includes(value))) {
        problems.push(where + ": \u201ca\u201d must be a list of " + (most === 1 ? "one" : "1 to " + most) + " of this question's options " + values.map(quote).join(", ") + ".");
      }
    }
    return problems;
  }

  /* Check a parsed file. Returns {problems} or {plan}: what would change, bank by bank, with
     nothing written yet. Unknown banks and questions, wrong types and extra fields are problems;
     answers to questions changed since the file was made are left out, as quiz.js would. */
  function checkFile(data, catalogue) {
    const problems = [];
    if (!isObject(data) || data.format !== FORMAT) {
      return { problems: ["It is not a progress file from this site, which is a JSON object with \u201cformat\u201d: \u201c" + FORMAT + "\u201d."] };
    }
    const extra = Object.keys(data).filter((key) => !["format", "exported", "saved"].includes(key));
    if (extra.length) problems.push("The file has a field this site does not use: " + quote(extra[0]) + ".");
    if (own(data, "exported") && (typeof data.exported !== "string" || data.exported.length > 40)) problems.push("\u201cexported\u201d must be a date, as text.");
    if (!isObject(data.saved)) return { problems: problems.concat(["\u201csaved\u201d must be an object: a quiz's id, or chosen-path or learner-name, and what is saved for it."]) };

    const plan = { banks: [], stale: 0, path: null, name: null, modes: false };
    Object.entries(data.saved).forEach(([key, value]) => {
      if (key === "modes") { plan.modes = true; return; } // written by older exports; never imported
      if (key === CHOSEN) {
        const id = isObject(value) ? value.id : undefined;
        if (!isObject(value) || Object.keys(value).join() !== "id" || typeof id !== "string") problems.push("\u201cchosen-path\u201d must be an object with one field, \u201cid\u201d.");
        else if (!own(catalogue.paths, id)) problems.push("\u201cchosen-path\u201d: this site has no learning path " + quote(id) + ".");
        else plan.path = id;
        return;
      }
      if (key === NAME) {
        if (!isObject(value) || Object.keys(value).join() !== "name" || typeof value.name !== "string" || value.name.length > MAX_NAME) {
          problems.push("\u201clearner-name\u201d must be an object with one field, \u201cname\u201d: text of at most " + MAX_NAME + " characters.");
        } else plan.name = value.name;
        return;
      }
      const bank = own(catalogue.banks, key) ? catalogue.banks[key] : null;
      if (!bank) { problems.push("This site has no quiz " + quote(key) + "."); return; }
      if (!isObject(value)) { problems.push(quote(key) + " must be an object of answers, by question id."); return; }
      const answers = {};
      let stale = 0;
      Object.entries(value).forEach(([id, answer]) => {
        const question = own(bank.questions, id) ? bank.questions[id] : null;
        if (!question) { problems.push("Quiz " + quote(key) + " (" + bank.title + ") has no question " + quote(id) + "."); return; }
        const found = answerProblems("Quiz " + quote(key) + ", question " + quote(id), answer, question);
        problems.push(...found);
        if (found.length) return;
        if (answer.v !== question[0]) stale += 1;
        else answers[id] = { v: answer.v, a: answer.a, s: answer.s };
      });
      plan.stale += stale;
      if (Object.keys(answers).length) plan.banks.push({ id: key, title: bank.title, answers });
    });
    return problems.length ? { problems } : { plan };
  }

  /* What the plan would do to what is saved now. */
  function changesOf(plan) {
    const lines = [];
    let replaced = 0;
    let added = 0;
    plan.banks.forEach((bank) => {
      const saved = store.load(bank.id);
      let replaces = 0;
      let adds = 0;
      Object.entries(bank.answers).forEach(([id, answer]) => {
        const now = saved[id];
        if (!isObject(now) || now.v !== answer.v) adds += 1;
        else if (JSON.stringify([now.a, now.s]) !== JSON.stringify([answer.a, answer.s])) replaces += 1;
      });
      replaced += replaces;
      added += adds;
      const parts = (replaces ? ["replaces " + plural(replaces, "saved answer", "saved answers")] : [])
        .concat(adds ? ["adds " + plural(adds, "answer", "answers")] : []);
      if (parts.length) lines.push(bank.title + ": " + parts.join(", ") + ".");
    });
    const catalogue = plan.catalogue;
    if (plan.path && plan.path !== hmisProgress.chosenPath()) {
      lines.push("Sets your learning path to " + catalogue.paths[plan.path] + (hmisProgress.chosenPath() ? " (now " + catalogue.paths[hmisProgress.chosenPath()] + ")." : "."));
    }
    const savedName = store.load(NAME).name;
    if (plan.name !== null && plan.name !== (typeof savedName === "string" ? savedName : "")) {
      lines.push("Sets the name on your completion record to " + quote(plan.name) + ".");
    }
    return { lines, replaced, added };
  }

  function apply(plan) {
    plan.banks.forEach((bank) => {
      const saved = store.load(bank.id);
      store.save(bank.id, { ...(isObject(saved) ? saved : {}), ...bank.answers });
    });
    if (plan.path) store.save(CHOSEN, { id: plan.path });
    if (plan.name !== null) store.save(NAME, { name: plan.name });
    document.dispatchEvent(new CustomEvent("hmis:flag", { detail: "imported" })); // for the completion record
  }

  /* Only what an import would accept: known banks and questions, current versions, and no modes. */
  function exportable(catalogue) {
    const saved = hmisProgress.everything();
    delete saved.modes;
    const kept = {};
    Object.entries(saved).forEach(([key, value]) => {
      const bank = catalogue.banks[key];
      if (bank && own(catalogue.banks, key)) {
        const answers = {};
        Object.entries(value).forEach(([id, answer]) => {
          const question = own(bank.questions, id) && bank.questions[id];
          if (question && !answerProblems("", answer, question).length && answer.v === question[0]) answers[id] = answer;
        });
        if (Object.keys(answers).length) kept[key] = answers;
      }
    });
    const path = hmisProgress.chosenPath();
    if (path && own(catalogue.paths, path)) kept[CHOSEN] = { id: path };
    const name = saved[NAME] && saved[NAME].name;
    if (typeof name === "string" && name.length <= MAX_NAME) kept[NAME] = { name };
    return kept;
  }

  function setUpTools(tools) {
    if (tools.dataset.ready) return;
    tools.dataset.ready = "true";
    let catalogue = { paths: {}, banks: {} };
    try { catalogue = JSON.parse(tools.dataset.catalogue); } catch (e) { /* an old template: nothing is known */ }
    tools.hidden = false;
    const status = tools.querySelector(".progress-tools__status");
    const fileInput = tools.querySelector(".progress-tools__import");
    const confirmBox = document.createElement("div");
    confirmBox.className = "progress-tools__confirm";
    confirmBox.hidden = true;
    status.before(confirmBox);
    const say = (text) => { status.textContent = text; };
    const showChosen = () => {
      const chosen = hmisProgress.chosenPath();
      tools.querySelector(".progress-tools__chosen").textContent =
        chosen && own(catalogue.paths, chosen) ? "Your path: " + catalogue.paths[chosen] + "." : "";
    };
    const closeConfirm = () => { confirmBox.hidden = true; confirmBox.replaceChildren(); };
    showChosen();

    tools.querySelector(".progress-tools__export").addEventListener("click", () => {
      const data = { format: FORMAT, exported: new Date().toISOString(), saved: exportable(catalogue) };
      const file = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(file);
      link.download = "hmis-training-progress.json";
      link.click();
      URL.revokeObjectURL(link.href);
      say("Your progress was saved to a file.");
    });

    /* A question in the page, not a browser dialog: read by screen readers in place, and focus
       goes back to `returnTo` whichever button is pressed; Cancel says `cancelled`. */
    function askInPage(title, body, yesText, onYes, cancelled, returnTo) {
      const heading = document.createElement("p");
      heading.id = "progress-confirm-title";
      heading.append(...title);
      const buttons = document.createElement("p");
      const yes = document.createElement("button");
      yes.type = "button";
      yes.className = "md-button md-button--primary";
      yes.textContent = yesText;
      const no = document.createElement("button");
      no.type = "button";
      no.className = "md-button";
      no.textContent = "Cancel";
      buttons.append(yes, " ", no);
      yes.addEventListener("click", () => { closeConfirm(); onYes(); returnTo.focus(); });
      no.addEventListener("click", () => { closeConfirm(); say(cancelled); returnTo.focus(); });
      confirmBox.setAttribute("role", "group");
      confirmBox.setAttribute("aria-labelledby", heading.id);
      confirmBox.tabIndex = -1;
      confirmBox.replaceChildren(heading, ...body, buttons);
      confirmBox.hidden = false;
      say("");
      confirmBox.focus();
    }

    function askToConfirm(plan, fileName) {
      const { lines } = changesOf(plan);
      const notes = [];
      if (plan.stale) {
        notes.push(plan.stale === 1 ? "1 answer is to a question that has changed since the file was made, and is left out."
          : plan.stale + " answers are to questions that have changed since the file was made, and are left out.");
      }
      if (plan.modes) notes.push("Trainer view and projection settings in the file are not imported.");
      if (!lines.length) {
        say(["Nothing was changed: this file holds no answers that differ from those saved here."].concat(notes).join(" "));
        return;
      }
      const strong = document.createElement("strong");
      strong.textContent = "Import " + quote(fileName) + "?";
      const list = document.createElement("ul");
      lines.forEach((line) => { list.appendChild(document.createElement("li")).textContent = line; });
      const after = document.createElement("p");
      after.textContent = ["Everything else you have saved stays as it is."].concat(notes).join(" ");
      askInPage([strong, " It will change your saved progress like this:"], [list, after], "Import", () => {
        const { replaced, added } = changesOf(plan);
        apply(plan);
        showChosen();
        say("Progress imported: " + plural(replaced, "saved answer", "saved answers") + " replaced, " +
          plural(added, "answer", "answers") + " added.");
      }, "Nothing was imported.", fileInput);
    }

    fileInput.addEventListener("change", async (event) => {
      const file = event.target.files[0];
      event.target.value = "";
      closeConfirm();
      if (!file) return;
      if (file.size > MAX_BYTES) {
        say(REFUSED + "It is " + (file.size / 1048576).toFixed(1) + " MB, and a progress file is at most 1 MB.");
        return;
      }
      let data;
      try { data = JSON.parse(await file.text()); } catch (e) {
        say(REFUSED + "It is not JSON, so it is not a progress file exported from this site.");
        return;
      }
      const { problems, plan } = checkFile(data, catalogue);
      if (problems) {
        const shown = problems.slice(0, 5);
        const more = problems.length - shown.length;
        say(REFUSED + shown.join(" ") +
          (more ? " And " + plural(more, "more problem", "more problems") + "." : ""));
        return;
      }
      plan.catalogue = catalogue;
      askToConfirm(plan, file.name);
    });

    const clear = tools.querySelector(".progress-tools__clear");
    clear.addEventListener("click", () => {
      const strong = document.createElement("strong");
      strong.textContent = "Clear all your quiz answers and progress on this site, in this browser?";
      askInPage([strong, " This cannot be undone. Export your progress first if you may want it back."], [],
        "Clear my progress", () => {
          hmisProgress.clearAll();
          showChosen();
          say("Your progress has been cleared.");
        }, "Nothing was cleared.", clear);
    });
  }

  const setUpAll = () => all(document, ".progress-tools").forEach(setUpTools);
  if (window.document$) window.document$.subscribe(setUpAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
