"""Spaced review: the Review page, which brings back the questions a learner missed and those due
again on a Leitner schedule (review.js keeps the schedule in the browser)."""
