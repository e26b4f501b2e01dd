"""No page loads anything from another host: the site works offline and leaks nothing."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Page


def test_every_page_loads_only_from_this_site(page: Page, base_url: str, site_pages: list[str]) -> None:
    assert len(site_pages) >= 5
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)

    for path in site_pages:
        page.goto(path)
        page.wait_for_load_state("networkidle")

    own = urlsplit(base_url).netloc
    elsewhere = [url for url in requested if urlsplit(url).scheme in {"http", "https"} and urlsplit(url).netloc != own]
    assert elsewhere == []
    assert failed == []
    assert any("/assets/javascripts/hmis.min.js?v=" in url for url in requested)
