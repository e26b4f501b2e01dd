/* In every page of an LMS package (macros/lms/). When the launch page (lms/scorm.js) talks to an
   LMS, quiz answers go to it through quiz.js's hook, window.hmisQuizStore, and on to the LMS.
   Opened any other way, the page keeps answers in this browser, like the site. */
(() => {
  "use strict";
  let host = null;
  try {
    if (window.parent !== window && window.parent.hmisLms) host = window.parent.hmisLms;
  } catch (e) { /* a frame from another origin: not our launch page */ }
  if (!host) return;
  window.hmisQuizStore = { load: (bank) => host.load(bank), save: (bank, progress) => host.save(bank, progress) };
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".quiz__intro").forEach((intro) => {
      intro.textContent = intro.textContent.replace("Your answers stay in this browser.",
        "Your answers are saved in your learning system.");
    });
  });
})();
