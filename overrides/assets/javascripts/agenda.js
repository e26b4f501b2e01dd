/* The agenda builder (overrides/partials/paths/agenda-builder.html): clock times for the chosen
   modules over one or more days. Between modules comes a break, or lunch at the first module
   boundary at or after the lunch time (on a day that started before it); a module that would run
   past the end of the day starts the next day. A one-day agenda with no lunch follows the same rule
   as the sample agendas on path pages (agenda in macros/paths/agenda.py). */
(() => {
  "use strict";
  const clock = (minutes) => Math.floor(minutes / 60) + ":" + String(minutes % 60).padStart(2, "0");
  const minutesOf = (input, fallback) => {
    const [hours, minutes] = (input.value || fallback).split(":").map(Number);
    return hours * 60 + minutes;
  };
  const count = (input) => Math.max(0, Number(input.value) || 0);

  /* Days of [start, end, what] rows for modules of {title, minutes}. */
  function plan(modules, { start, pause, lunchAt, lunch, dayEnd }) {
    const days = [];
    let rows = null;
    let now = start;
    let lunchDue = false;
    modules.forEach((module) => {
      if (rows && now + (lunchDue && now >= lunchAt ? lunch : pause) + module.minutes > dayEnd) rows = null;
      if (!rows) {
        rows = [];
        days.push(rows);
        now = start;
        lunchDue = lunch > 0 && start < lunchAt;
      } else if (lunchDue && now >= lunchAt) {
        rows.push([now, now + lunch, "Lunch"]);
        now += lunch;
        lunchDue = false;
      } else if (pause) {
        rows.push([now, now + pause, "Break"]);
        now += pause;
      }
      rows.push([now, now + module.minutes, module.title]);
      now += module.minutes;
    });
    return days;
  }

  function cell(row, text) { row.appendChild(document.createElement("td")).textContent = text; }

  function dayTable(rows, number, dayCount) {
    const section = document.createElement("section");
    section.className = "agenda-builder__day";
    const table = section.appendChild(document.createElement("table"));
    table.className = "agenda-builder__table";
    table.createCaption().textContent = dayCount > 1 ? "Day " + number + " agenda" : "Session agenda";
    const head = table.createTHead().insertRow();
    ["Time", "Session"].forEach((text) => {
      const th = head.appendChild(document.createElement("th"));
      th.scope = "col";
      th.textContent = text;
    });
    const body = table.createTBody();
    rows.forEach(([from, to, what]) => {
      const row = body.insertRow();
      cell(row, clock(from) + " to " + clock(to));
      cell(row, what);
    });
    return section;
  }

  function setUp(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "true";
    const paths = JSON.parse(form.dataset.paths);
    form.addEventListener("submit", (event) => event.preventDefault());  // Enter in a field only updates
    const boxes = Array.from(form.querySelectorAll(".agenda-builder__modules input"));
    const field = (name) => form.querySelector(".agenda-builder__" + name);
    const result = form.nextElementSibling;

    const update = () => {
      const chosen = boxes.filter((box) => box.checked)
        .map((box) => ({ title: box.dataset.title, minutes: Number(box.dataset.minutes) }));
      const days = plan(chosen, {
        start: minutesOf(field("start"), "09:00"), pause: count(field("break")),
        lunchAt: minutesOf(field("lunch-at"), "12:00"), lunch: count(field("lunch")),
        dayEnd: minutesOf(field("day-end"), "16:30"),
      });
      result.querySelector(".agenda-builder__days")
        .replaceChildren(...days.map((rows, index) => dayTable(rows, index + 1, days.length)));
      const total = chosen.reduce((sum, module) => sum + module.minutes, 0);
      const last = days.length ? days[days.length - 1] : [];
      const ends = last.length ? clock(last[last.length - 1][1]) : "";
      result.querySelector(".agenda-builder__total").textContent = days.length > 1
        ? chosen.length + " modules over " + days.length + " days, " + total + " minutes of training; day " +
          days.length + " ends at " + ends + "."
        : chosen.length + " modules, " + total + " minutes of training; ends at " + ends + ".";
      result.hidden = chosen.length === 0;
    };

    field("path").addEventListener("change", (event) => {
      const path = paths.find((candidate) => candidate.id === event.target.value);
      if (path) {
        const fieldset = field("modules");
        // Check the path's modules and put them first, in the path's order.
        path.modules.slice().reverse().forEach((id) => {
          const box = boxes.find((candidate) => candidate.value === id);
          if (box) fieldset.insertBefore(box.parentElement, fieldset.querySelector("div"));
        });
        boxes.forEach((box) => { box.checked = path.modules.includes(box.value); });
        boxes.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      }
      update();
    });
    form.addEventListener("input", update);
    result.querySelector(".agenda-builder__print").addEventListener("click", () => {
      document.body.classList.add("printing-agenda"); // only the agenda, a page a day (site.css)
      window.print();
      document.body.classList.remove("printing-agenda");
    });
    update();
  }

  const setUpAll = () => document.querySelectorAll(".agenda-builder").forEach(setUp);
  if (window.document$) window.document$.subscribe(setUpAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
