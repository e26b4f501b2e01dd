/* Completion records (overrides/partials/records/record.html), built in the learner's browser:
   - notes on this device what an HMIS Lead should know: trainer view turned on, answers revealed
     (trainer.js), progress imported (paths.js), kept as "~flags" {flag: {first, last}};
   - dates each module the first time it reaches the pass mark, as "~passed" {module: "YYYY-MM-DD"};
   - on a path page, once every required module is passed: the printable record, "Download my
     record" (a JSON file, docs/assets/record.schema.json, with a SHA-256 checksum) and "Email my
     HMIS Lead" (a mailto: link the learner's own email program opens). Nothing is sent by the site.
   The learner's agency is "~agency" and the agreement they confirm "~agreement". The roster's own
   script, roster.js, is loaded only on a page with a roster (see site.js). */
(() => {
  "use strict";
  const store = window.hmisStore;
  if (!store) return;
  const root = document.documentElement;
  const FORMAT = "hmis-training-record/1";
  const NAME = "learner-name";
  const MAX_TEXT = 200;
  const FLAG_NAMES = { trainer: "trainer_view", revealed: "answers_revealed", imported: "progress_imported" };
  const FLAG_WORDS = { trainer_view: "trainer view was turned on", answers_revealed: "answers were revealed",
    progress_imported: "progress was imported from a file" };
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  const all = (scope, selector) => Array.from(scope.querySelectorAll(selector));
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const text = (value) => (typeof value === "string" ? value.slice(0, MAX_TEXT) : "");
  const pad = (number) => String(number).padStart(2, "0");
  const localDate = (when = new Date()) => when.getFullYear() + "-" + pad(when.getMonth() + 1) + "-" + pad(when.getDate());

  /* ---- SHA-256, shared with roster.js: crypto.subtle where the browser offers it (https, file://
     and http://127.0.0.1 in Chromium), else this small pure-JS version of FIPS 180-4. ---- */
  const K = [];
  (() => {
    const isPrime = (n) => { for (let d = 2; d * d <= n; d += 1) if (n % d === 0) return false; return true; };
    for (let n = 2; K.length < 64; n += 1) if (isPrime(n)) K.push((Math.cbrt(n) % 1) * 2 ** 32 >>> 0);
  })();
  function sha256Fallback(bytes) {
    const H = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    const length = Math.ceil((bytes.length + 9) / 64) * 64;
    const data = new Uint8Array(length);
    data.set(bytes);
    data[bytes.length] = 0x80;
    const view = new DataView(data.buffer);
    view.setUint32(length - 8, Math.floor(bytes.length / 0x20000000));
    view.setUint32(length - 4, (bytes.length * 8) >>> 0);
    const w = new Uint32Array(64);
    const rotr = (x, n) => (x >>> n) | (x << (32 - n));
    for (let block = 0; block < length; block += 64) {
      for (let i = 0; i < 16; i += 1) w[i] = view.getUint32(block + i * 4);
      for (let i = 16; i < 64; i += 1) {
        const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
      }
      let [a, b, c, d, e, f, g, h] = H;
      for (let i = 0; i < 64; i += 1) {
        const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
        const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
        [h, g, f, e, d, c, b, a] = [g, f, e, (d + t1) >>> 0, c, b, a, (t1 + t2) >>> 0];
      }
      [a, b, c, d, e, f, g, h].forEach((value, i) => { H[i] = (H[i] + value) >>> 0; });
    }
    return H.map((value) => value.toString(16).padStart(8, "0")).join("");
  }
  async function sha256(textToHash) {
    const bytes = new TextEncoder().encode(textToHash);
    if (window.crypto && window.crypto.subtle) {
      const digest = await window.crypto.subtle.digest("SHA-256", bytes);
      return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
    }
    return sha256Fallback(bytes);
  }
  /* The text the checksum is taken over: JSON with every object's keys in sorted order, no spaces
     (Python: json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)). */
  const canonical = (value) => (Array.isArray(value) ? "[" + value.map(canonical).join(",") + "]"
    : isObject(value) ? "{" + Object.keys(value).sort().map((key) => JSON.stringify(key) + ":" + canonical(value[key])).join(",") + "}"
      : JSON.stringify(value === undefined ? null : value));
  window.hmisRecords = { FORMAT, sha256, sha256Fallback, canonical, FLAG_WORDS };

  /* ---- What this device noted ---- */
  document.addEventListener("hmis:flag", (event) => {
    const name = FLAG_NAMES[event.detail];
    if (!name) return;
    const flags = store.load("~flags");
    const now = new Date().toISOString();
    flags[name] = { first: isObject(flags[name]) && typeof flags[name].first === "string" ? flags[name].first : now, last: now };
    store.save("~flags", flags);
  });

  function flagsNow() {
    const saved = store.load("~flags");
    const flags = {};
    Object.keys(FLAG_WORDS).forEach((name) => {
      const flag = saved[name];
      flags[name] = isObject(flag) && typeof flag.first === "string" && typeof flag.last === "string"
        ? { first: flag.first.slice(0, 40), last: flag.last.slice(0, 40) } : null;
    });
    return flags;
  }

  const rightIn = (answers) => Object.values(answers).filter((answer) => isObject(answer) && answer.s === "correct").length;

  document.addEventListener("hmis:answered", (event) => {
    const bank = event.detail && event.detail.bank;
    if (typeof bank !== "string") return;
    const questions = new Set(all(document, "[data-quiz-question]").map((question) => question.dataset.quizQuestion)
      .filter((key) => key.startsWith(bank + "/"))).size;
    const passMark = Number(root.dataset.passMark) || 80;
    const passed = store.load("~passed");
    if (!questions || typeof passed[bank] === "string") return;
    if (Math.min(rightIn(store.load(bank)), questions) * 100 >= passMark * questions) {
      store.save("~passed", { ...passed, [bank]: localDate() });
    }
  });

  /* ---- One module's line on the record ----
     First attempts are RESULT's (result.js): "~first" -> {bank: {question id: {v, s}}}, kept apart
     from the answers so that retries never change them. One counts only for the version answered
     now; a question with none (answered before first attempts were kept) counts its current state,
     and the line says the first attempt is estimated. */
  function moduleLine(module, passMark) {
    const saved = store.load(module.id);
    const firsts = store.load("~first")[module.id];
    const firstOf = (id, version) => {
      const first = isObject(firsts) && isObject(firsts[id]) ? firsts[id] : null;
      return first && first.v === version && typeof first.s === "string" ? first.s : null;
    };
    let estimated = false;
    const answers = Object.entries(saved).filter(([, answer]) => isObject(answer)).map(([id, answer]) => {
      const line = { bank: module.id, id, v: String(answer.v), a: answer.a === undefined ? null : answer.a, s: String(answer.s) };
      const first = firstOf(id, answer.v);
      if (first) line.first = first;
      else estimated = true;
      return line;
    });
    const best = Math.min(rightIn(saved), module.questions);
    const firstRight = Math.min(answers.filter((answer) => (answer.first || answer.s) === "correct").length, module.questions);
    const passedOn = store.load("~passed")[module.id];
    return {
      id: module.id, title: module.title, required: module.required, questions: module.questions,
      first_attempt: { right: firstRight, estimated }, best,
      passed: best * 100 >= passMark * module.questions,
      passed_on: typeof passedOn === "string" && DATE.test(passedOn) ? passedOn : null, answers,
    };
  }

  function buildRecord(site, lines) {
    const agreement = store.load("~agreement");
    return {
      format: FORMAT, made: new Date().toISOString(),
      site: { name: site.site, coc: site.coc, coc_number: site.coc_number, address: location.origin + store.base() },
      standards: site.standards, content_version: site.content_version, pass_mark: site.pass_mark, path: site.path,
      learner: { name: text(store.load(NAME).name).trim(), agency: text(store.load("~agency").agency).trim() },
      agreement: { document: site.agreement && new URL(site.agreement, location.href).href, signed_by: text(agreement.name).trim(),
        signed_on: DATE.test(agreement.date) ? agreement.date : "" },
      flags: flagsNow(),
      modules: lines.map(({ passed, ...line }) => line),
    };
  }

  const percent = (right, of) => right + " of " + of + " (" + Math.round((100 * right) / of) + "%)";
  const cell = (tag, value) => { const element = document.createElement(tag); element.textContent = value; return element; };

  function summary(record) {
    const lines = ["Training completion record (self-attested): " + record.path.name,
      "Learner: " + (record.learner.name || "(not given)"), "Agency: " + (record.learner.agency || "(not given)"),
      "Site: " + record.site.name + " (" + record.site.address + ")", "Content version: " + record.content_version,
      "Pass mark: " + record.pass_mark + "%", ""];
    record.modules.forEach((module) => lines.push(module.title + ": first attempt " +
      percent(module.first_attempt.right, module.questions) + ", best " + percent(module.best, module.questions) +
      ", passed " + (module.passed_on || "(date not recorded)")));
    lines.push("", agreementLine(record), flagsLine(record.flags), "",
      "The record file from \u201cDownload my record\u201d should be attached to this email.");
    return lines.join("\n");
  }

  function agreementLine(record) {
    const { signed_by: name, signed_on: date } = record.agreement;
    return name && date ? "HMIS user agreement: read and signed by " + name + " on " + date + "."
      : "HMIS user agreement: not confirmed on this record.";
  }

  function flagsLine(flags) {
    const used = Object.keys(FLAG_WORDS).filter((name) => flags[name]);
    if (!used.length) return "On this device: trainer view was never turned on, no answers were revealed and no progress was imported.";
    return "On this device: " + used.map((name) => FLAG_WORDS[name] + " (first on " + flags[name].first.slice(0, 10) + ")").join("; ") + ".";
  }

  function setUpRecord(section) {
    if (section.dataset.ready) return;
    section.dataset.ready = "true";
    const site = JSON.parse(section.dataset.recordSite);
    const modules = JSON.parse(section.dataset.modules);
    const find = (name) => section.querySelector(".completion-record__" + name);
    const lines = modules.map((module) => moduleLine(module, site.pass_mark));
    const missing = lines.filter((line) => line.required && !line.passed);
    if (missing.length) {
      find("pending").textContent = "Your record appears here when you pass every required module. Still to pass: " +
        missing.map((line) => line.title).join("; ") + ".";
      return;
    }
    find("pending").hidden = true;
    find("ready").hidden = false;
    const shown = lines.filter((line) => line.required || line.passed);
    const inputs = {
      name: [find("name-input"), () => store.load(NAME).name, (value) => store.save(NAME, { name: value })],
      agency: [find("agency-input"), () => store.load("~agency").agency, (value) => store.save("~agency", { agency: value })],
      signer: [find("agreement-name"), () => store.load("~agreement").name,
        (value) => store.save("~agreement", { ...store.load("~agreement"), name: value })],
      signed: [find("agreement-date"), () => store.load("~agreement").date,
        (value) => store.save("~agreement", { ...store.load("~agreement"), date: value })],
    };
    let record;
    const show = () => {
      record = buildRecord(site, shown);
      find("name").textContent = record.learner.name || "(not given)";
      find("agency").textContent = record.learner.agency || "(not given)";
      find("date").textContent = localDate();
      find("agreement").textContent = agreementLine(record);
      find("flags").textContent = flagsLine(record.flags);
      const email = find("email");
      if (email && site.contact) {
        email.href = "mailto:" + site.contact + "?subject=" + encodeURIComponent("Training record: " +
          (record.learner.name || "learner") + ", " + site.path.name) + "&body=" + encodeURIComponent(summary(record));
      }
    };
    Object.values(inputs).forEach(([input, load, save]) => {
      input.value = text(load());
      input.addEventListener("input", () => { save(input.value.slice(0, MAX_TEXT)); show(); });
    });
    const estimated = shown.some((line) => line.first_attempt.estimated);
    find("scores").querySelector("tbody").replaceChildren(...shown.map((line) => {
      const row = document.createElement("tr");
      row.append(cell("td", line.title + (line.required ? "" : " (optional)")),
        cell("td", percent(line.first_attempt.right, line.questions) + (line.first_attempt.estimated ? " *" : "")),
        cell("td", percent(line.best, line.questions)), cell("td", line.passed_on || "not recorded"));
      return row;
    }));
    if (estimated) {
      find("scores").after(cell("p", "* Some first attempts were not kept on this device: for those questions the current answer is counted."));
      find("scores").nextElementSibling.className = "completion-record__footnote";
    }
    show();
    find("print").addEventListener("click", () => {
      show();
      document.body.classList.add("printing-record");
      window.print();
      document.body.classList.remove("printing-record");
    });
    find("download").addEventListener("click", async () => {
      show();
      const body = { ...record };
      body.checksum = { algorithm: "SHA-256", value: await sha256(canonical(record)) };
      const slug = (body.learner.name || "learner").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "learner";
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([JSON.stringify(body, null, 2)], { type: "application/json" }));
      link.download = "hmis-training-record-" + site.path.id + "-" + slug + "-" + localDate() + ".json";
      link.click();
      URL.revokeObjectURL(link.href);
      find("status").textContent = "Your record was saved to a file: send it to your HMIS Lead.";
    });
  }

  const setUpAll = () => all(document, ".completion-record[data-record-site]").forEach(setUpRecord);
  if (window.document$) window.document$.subscribe(setUpAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
