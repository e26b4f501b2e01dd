/* The roster (overrides/partials/records/roster.html, docs/roster.md): an HMIS Lead opens many
   completion record files and gets one row per record, with flags for what looks edited or forged.
   Each record is checked against the catalogue the build embeds (banks, question ids and versions,
   paths, the content version and the pass mark). Files are read in this browser only, and every
   value from a file is untrusted: it reaches the page through textContent only.
   records.js loads this file on a page with a roster and shares its checksum code. */
(() => {
  "use strict";
  const records = window.hmisRecords;
  if (!records) return;
  const MAX_BYTES = 2 * 1024 * 1024; // a record with every answer of a long path is about 60 KB
  const MAX_TEXT = 200;
  const FLAGS = {
    revealed: "Answers revealed", trainer: "Trainer view used", imported: "Progress imported",
    edited: "Edited after download", unknown: "Questions that do not exist",
    scores: "Scores that do not match the answers", older: "Content older than this site",
    unreadable: "Not a record from this site",
  };
  const all = (scope, selector) => Array.from(scope.querySelectorAll(selector));
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const own = (object, key) => isObject(object) && Object.prototype.hasOwnProperty.call(object, key);
  const text = (value) => (typeof value === "string" ? value.slice(0, MAX_TEXT) : "");
  const count = (value) => (Number.isInteger(value) && value >= 0 ? value : null);
  const DATE = /^\d{4}-\d{2}-\d{2}$/;

  /* One module of a record, checked: [its line for the table, and the flags it raises]. */
  function checkModule(module, catalogue, sameContent, passMark) {
    const flags = new Set();
    const bank = own(catalogue.banks, module.id) ? catalogue.banks[module.id] : null;
    if (!bank) flags.add("unknown");
    const answers = Array.isArray(module.answers) ? module.answers : [];
    const right = new Set();
    const firstRight = new Set();
    answers.forEach((answer) => {
      if (!isObject(answer) || answer.bank !== module.id || !bank || !own(bank.questions, answer.id)) { flags.add("unknown"); return; }
      // A version this site does not have: older content, or never real if the record claims this content.
      if (bank.questions[answer.id][0] !== answer.v) flags.add(sameContent ? "unknown" : "older");
      if (answer.s === "correct") right.add(answer.id);
      if ((own(answer, "first") ? answer.first : answer.s) === "correct") firstRight.add(answer.id);
    });
    const questions = count(module.questions);
    const best = count(module.best);
    const first = isObject(module.first_attempt) ? count(module.first_attempt.right) : null;
    const passedOn = typeof module.passed_on === "string" && DATE.test(module.passed_on) ? module.passed_on : "";
    if (questions === null || best === null || first === null || best !== right.size || first !== firstRight.size ||
        first > questions || best > questions ||
        (bank && sameContent && questions !== Object.keys(bank.questions).length) ||
        (passedOn && best * 100 < passMark * questions)) flags.add("scores");
    return [{ title: text(module.title) || text(module.id) || "(no title)", questions, first, best, passedOn }, flags];
  }

  /* A parsed file as a row: name, agency, path, modules, agreement date, flags. */
  async function rowOf(fileName, data, catalogue) {
    const row = { file: fileName.slice(0, MAX_TEXT), name: "", agency: "", path: "", modules: [], agreement: "", flags: new Set() };
    if (!isObject(data) || data.format !== records.FORMAT) { row.flags.add("unreadable"); return row; }
    const { checksum, ...rest } = data;
    const value = isObject(checksum) && typeof checksum.value === "string" ? checksum.value : "";
    if (value !== await records.sha256(records.canonical(rest))) row.flags.add("edited");
    const sameContent = data.content_version === catalogue.content_version;
    if (!sameContent) row.flags.add("older");
    const flags = isObject(data.flags) ? data.flags : {};
    if (flags.answers_revealed) row.flags.add("revealed");
    if (flags.trainer_view) row.flags.add("trainer");
    if (flags.progress_imported) row.flags.add("imported");
    row.name = isObject(data.learner) ? text(data.learner.name) : "";
    row.agency = isObject(data.learner) ? text(data.learner.agency) : "";
    const pathId = isObject(data.path) ? data.path.id : undefined;
    if (typeof pathId !== "string" || !own(catalogue.paths, pathId)) row.flags.add("unknown");
    row.path = own(catalogue.paths, pathId) ? catalogue.paths[pathId] : text(isObject(data.path) ? data.path.name : "");
    row.agreement = isObject(data.agreement) && DATE.test(data.agreement.signed_on) ? data.agreement.signed_on : "";
    const passMark = Number.isInteger(data.pass_mark) ? data.pass_mark : catalogue.pass_mark;
    (Array.isArray(data.modules) ? data.modules : []).filter(isObject).forEach((module) => {
      const [line, found] = checkModule(module, catalogue, sameContent, passMark);
      row.modules.push(line);
      found.forEach((flag) => row.flags.add(flag));
    });
    if (!Array.isArray(data.modules) || !row.modules.length) row.flags.add("scores");
    return row;
  }

  const score = (right, of) => (right === null || of === null ? "?" : right + "/" + of);
  const moduleText = (line) => line.title + ": first " + score(line.first, line.questions) + ", best " +
    score(line.best, line.questions) + ", passed " + (line.passedOn || "(no date)");
  const flagWords = (row) => Object.keys(FLAGS).filter((flag) => row.flags.has(flag)).map((flag) => FLAGS[flag]);

  /* A spreadsheet cell: formulas defused with a leading apostrophe, then quoted if needed. */
  function csvCell(value) {
    let cell = String(value);
    if (/^[=+\-@\t\r]/.test(cell)) cell = "'" + cell;
    return /[",\r\n]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell;
  }

  function csvOf(rows) {
    const lines = [["Name", "Agency", "Path", "Module", "Questions", "First attempt", "Best score", "Date passed",
      "User agreement signed", "Flags", "File"]];
    rows.forEach((row) => {
      const common = (line) => [row.name, row.agency, row.path, line.title, line.questions ?? "", line.first ?? "",
        line.best ?? "", line.passedOn, row.agreement, flagWords(row).join("; "), row.file];
      if (!row.modules.length) lines.push(common({ title: "", passedOn: "" }));
      row.modules.forEach((line) => lines.push(common(line)));
    });
    return lines.map((line) => line.map(csvCell).join(",")).join("\r\n") + "\r\n";
  }

  function setUp(roster) {
    if (roster.dataset.ready) return;
    roster.dataset.ready = "true";
    const catalogue = JSON.parse(roster.dataset.catalogue);
    const find = (name) => roster.querySelector(".roster__" + name);
    find("nojs").hidden = true;
    find("tools").hidden = false;
    let rows = [];
    const say = (words) => { find("status").textContent = words; };

    const shown = () => {
      const needle = find("filter").value.trim().toLowerCase();
      const key = find("sort").value;
      const sortKey = (row) => (key === "flags" ? -row.flags.size : String(row[key]).toLowerCase());
      return rows.filter((row) => !find("flagged").checked || row.flags.size)
        .filter((row) => !needle || [row.name, row.agency, row.path, row.file, ...row.modules.map(moduleText), ...flagWords(row)]
          .join("\n").toLowerCase().includes(needle))
        .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : a.name.localeCompare(b.name)));
    };

    const cell = (value) => { const td = document.createElement("td"); td.textContent = value; return td; };
    const list = (items, className) => {
      const td = document.createElement("td");
      if (!items.length) { td.textContent = "None"; return td; }
      const ul = td.appendChild(document.createElement("ul"));
      items.forEach((item) => { const li = ul.appendChild(document.createElement("li")); li.textContent = item; if (className) li.className = className; });
      return td;
    };

    const render = () => {
      const visible = shown();
      find("table").querySelector("tbody").replaceChildren(...visible.map((row) => {
        const tr = document.createElement("tr");
        const name = cell(row.name || "(no name)");
        tr.append(name, cell(row.agency || "(no agency)"), cell(row.path || "(no path)"),
          list(row.modules.map(moduleText)), cell(row.agreement || "Not confirmed"),
          list(flagWords(row), "roster__flag"), cell(row.file));
        return tr;
      }));
      find("caption").textContent = "Records opened: " + rows.length + (visible.length !== rows.length ? ", shown: " + visible.length : "") +
        "; with flags: " + rows.filter((row) => row.flags.size).length;
    };

    async function open(files) {
      const added = [];
      const refused = [];
      for (const file of Array.from(files)) {
        if (file.size > MAX_BYTES) { refused.push(file.name); continue; }
        let data = null;
        try { data = JSON.parse(await file.text()); } catch (e) { /* shown as not a record */ }
        added.push(await rowOf(file.name, data, catalogue));
      }
      rows = rows.concat(added);
      render();
      say(added.length + (added.length === 1 ? " file" : " files") + " opened" +
        (refused.length ? "; too large to be a record, not opened: " + refused.join(", ") : "") + ".");
    }

    find("files").addEventListener("change", async (event) => { await open(event.target.files); event.target.value = ""; });
    const drop = find("drop");
    drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("is-over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("is-over"));
    drop.addEventListener("drop", (event) => { event.preventDefault(); drop.classList.remove("is-over"); open(event.dataTransfer.files); });
    ["filter", "sort", "flagged"].forEach((name) => find(name).addEventListener(name === "filter" ? "input" : "change", render));
    find("csv").addEventListener("click", () => {
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([csvOf(shown())], { type: "text/csv" }));
      link.download = "hmis-training-roster.csv";
      link.click();
      URL.revokeObjectURL(link.href);
      say("The table was saved as a CSV file.");
    });
    find("print").addEventListener("click", () => {
      document.body.classList.add("printing-roster");
      window.print();
      document.body.classList.remove("printing-roster");
    });
    find("clear").addEventListener("click", () => { rows = []; render(); say("The table is empty."); });
    render();
  }

  window.hmisRoster = { csvCell };
  const setUpAll = () => all(document, ".roster[data-catalogue]").forEach(setUp);
  if (window.document$) window.document$.subscribe(setUpAll);
  setUpAll();
})();
