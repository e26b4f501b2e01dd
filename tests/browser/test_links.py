"""Every internal link, anchor and asset resolves on the site served under a sub-path, as on
GitHub Pages (https://org.github.io/repo/): nothing points outside it or to a missing page."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen

LINKING_ATTRIBUTES = {"href", "src"}


class Page(HTMLParser):
    """The URLs a page links to or loads, and the ids it offers as anchors."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.ids: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        if tag == "a" and found.get("name"):
            self.ids.add(found["name"])
        if tag == "link" and found.get("rel") in {"canonical", "alternate"}:
            return  # names the page's address; not fetched
        self.urls += [value for name, value in attrs if name in LINKING_ATTRIBUTES and value]


def fetch(url: str) -> tuple[int, str, str]:
    try:
        with urlopen(url) as response:
            body = response.read()
            return response.status, response.headers.get_content_type(), body.decode("utf-8", "replace")
    except HTTPError as error:
        return error.code, "", ""


def test_every_internal_link_anchor_and_asset_resolves_under_the_sub_path(base_url: str) -> None:
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    queue = [base_url, urljoin(base_url, "404.html")]
    seen: set[str] = set()
    pages: dict[str, Page] = {}
    anchors: list[tuple[str, str, str]] = []  # (from page, target page, fragment)
    broken: list[str] = []

    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, kind, body = fetch(url)
        if status != 200:
            broken.append(f"{url}: HTTP {status}")
            continue
        if kind != "text/html":
            continue
        pages[url] = page = Page(body)
        for link in page.urls:
            target, fragment = urldefrag(urljoin(url, link))
            if not target.startswith(origin):
                continue  # another host: external links are not crawled (test_no_other_hosts covers loads)
            if not target.startswith(base_url):
                broken.append(f"{url}: {link} leaves the sub-path")
                continue
            if fragment:
                anchors.append((url, target, fragment))
            queue.append(target)

    for source, target, fragment in anchors:
        if target in pages and fragment not in pages[target].ids:
            broken.append(f"{source}: #{fragment} is not an anchor of {target}")
    assert len(pages) >= 10
    assert broken == []
