"""What the scripts that follow a learner from page to page read on every page (main.html puts
it in #hmis-learning): review.js's schedule, resume.js's navigation statuses and refresher."""

from __future__ import annotations


def learning_data(site) -> dict:
    """The pass mark, each module's number of questions, the modules of refresher paths and the
    review intervals."""
    return {"passMark": site.settings.quiz.pass_mark_percent,
            "modules": {module_id: len(site.banks[module_id].questions) for module_id in site.by_id() if module_id in site.banks},
            "refresher": sorted({step.module for path in site.paths.paths if path.kind == "refresher"
                                 for step in path.steps}),
            "intervals": site.settings.review.intervals_days}
