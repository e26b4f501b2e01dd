"""The agenda builder: lunch at the first break from its time, days that end when the trainer says,
and one printed page a day."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

TIME = re.compile(r"(\d+):(\d\d) to (\d+):(\d\d)")


def minutes(text: str) -> tuple[int, int]:
    start_h, start_m, end_h, end_m = map(int, TIME.match(text).groups())
    return start_h * 60 + start_m, end_h * 60 + end_m


def day_rows(page: Page) -> list[list[tuple[int, int, str]]]:
    """Each day's rows as (start, end, session), read from the tables on screen."""
    days = []
    for table in page.locator(".agenda-builder__table").all():
        rows = []
        for row in table.locator("tbody tr").all():
            time, what = row.locator("td").all_inner_texts()
            rows.append((*minutes(time), what))
        days.append(rows)
    return days


def test_a_long_path_splits_into_days_that_end_on_time_with_lunch_once_a_day(page: Page) -> None:
    page.goto("agenda/")
    page.get_by_label("Start from a learning path").select_option("end-user")
    page.get_by_label("Start time").fill("09:00")
    page.get_by_label("Latest end").fill("16:00")
    page.get_by_label("Lunch from").fill("12:00")
    page.get_by_label("Lunch length (minutes, 0 for none)").fill("45")

    days = day_rows(page)
    assert len(days) >= 2
    expect(page.locator(".agenda-builder__total")).to_contain_text(f"over {len(days)} days")
    expect(page.locator(".agenda-builder__table caption").first).to_have_text("Day 1 agenda")
    for rows in days:
        assert rows[0][0] == 9 * 60 and rows[0][2] not in ("Break", "Lunch")
        assert all(end <= 16 * 60 for _, end, what in rows if what != "Break") or len(rows) == 1
        lunches = [row for row in rows if row[2] == "Lunch"]
        assert len(lunches) <= 1
        for index, (start, _, what) in enumerate(rows):
            if what == "Lunch":
                assert start >= 12 * 60 and rows[index - 1][2] != "Break" and rows[index + 1][2] != "Break"
        assert all(rows[i][1] == rows[i + 1][0] for i in range(len(rows) - 1))  # no gaps, no overlaps
    assert any(row[2] == "Lunch" for row in days[0])


def test_no_lunch_on_an_afternoon_session(page: Page) -> None:
    page.goto("agenda/")
    page.get_by_label("Start from a learning path").select_option("trainer")
    page.get_by_label("Start time").fill("13:30")
    expect(page.locator(".agenda-builder__table tbody tr", has_text="Lunch")).to_have_count(0)


def test_the_printed_agenda_has_one_page_a_day(page: Page) -> None:
    page.goto("agenda/")
    page.get_by_label("Start from a learning path").select_option("end-user")
    page.get_by_label("Latest end").fill("13:00")
    days = page.locator(".agenda-builder__day").count()
    assert days >= 3
    page.emulate_media(media="print")
    page.evaluate("document.body.classList.add('printing-agenda')")
    expect(page.locator(".agenda-builder__modules")).to_be_hidden()
    pdf = page.pdf(format="Letter")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == days
