/* The agenda builder (overrides/partials/agenda-builder.html): clock times for the chosen modules,
   with a break after each module but the last, the same rule as the sample agendas on path pages
   (agenda in macros/paths/agenda.py). */
(() => {
  "use strict";
  const clock = (minutes) => Math.floor(minutes / 60) + ":" + String(minutes % 60).padStart(2, "0");

  function setUp(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "true";
    const paths = JSON.parse(form.dataset.paths);
    form.addEventListener("submit", (event) => event.preventDefault());  // Enter in a field only updates
    const boxes = Array.from(form.querySelectorAll(".agenda-builder__modules input"));
    const result = form.nextElementSibling;

    const update = () => {
      const [hours, minutes] = (form.querySelector(".agenda-builder__start").value || "09:00").split(":").map(Number);
      const pause = Math.max(0, Number(form.querySelector(".agenda-builder__break").value) || 0);
      const chosen = boxes.filter((box) => box.checked);
      let now = hours * 60 + minutes;
      const rows = [];
      chosen.forEach((box, index) => {
        const length = Number(box.dataset.minutes);
        rows.push([clock(now) + " to " + clock(now + length), box.dataset.title]);
        now += length;
        if (pause && index < chosen.length - 1) {
          rows.push([clock(now) + " to " + clock(now + pause), "Break"]);
          now += pause;
        }
      });
      result.querySelector("tbody").replaceChildren(...rows.map((cells) => {
        const row = document.createElement("tr");
        cells.forEach((text) => { const cell = document.createElement("td"); cell.textContent = text; row.append(cell); });
        return row;
      }));
      const total = chosen.reduce((sum, box) => sum + Number(box.dataset.minutes), 0);
      result.querySelector(".agenda-builder__total").textContent =
        chosen.length + " modules, " + total + " minutes of training; ends at " + clock(now) + ".";
      result.hidden = chosen.length === 0;
    };

    form.querySelector(".agenda-builder__path").addEventListener("change", (event) => {
      const path = paths.find((candidate) => candidate.id === event.target.value);
      if (path) {
        const fieldset = form.querySelector(".agenda-builder__modules");
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
    result.querySelector(".agenda-builder__print").addEventListener("click", () => window.print());
    update();
  }

  const setUpAll = () => document.querySelectorAll(".agenda-builder").forEach(setUp);
  if (window.document$) window.document$.subscribe(setUpAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
