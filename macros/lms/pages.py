"""Cut a package's pages out of the offline build: links between the package's own pages stay
relative, links to the rest of the site go to the published site (or become plain text), and the
parts of Material's frame that only lead to the rest of the site (navigation, search, previous
and next) are left out. Every file a page loads is found, so the package holds it."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

BRIDGE = "lms/bridge.js"  # added to every page of a package; see macros/lms/js/bridge.js

LINK = re.compile(r'<a\b([^>]*)>(.*?)</a>', re.DOTALL)
HREF = re.compile(r'\bhref="([^"]*)"')
CLASS = re.compile(r'\bclass="[^"]*"')
# Elements whose address the browser fetches as the page loads.
LOADED = re.compile(r'<(?:script|img|source|link|iframe|video|audio|embed|track|input)\b[^>]*?\b(?:src|href)="([^"]*)"',
                    re.IGNORECASE)
NOT_FETCHED = re.compile(r'<link\b[^>]*\brel="(?:prev|next|canonical)"[^>]*>\n?')
CSS_URL = re.compile(r'url\(\s*["\']?([^"\')]+)["\']?\s*\)')
CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
# Parts of Material's frame that lead only to the rest of the site: (how the element starts, its tag).
SITE_FRAME = (
    ('<div class="md-sidebar md-sidebar--primary"', "div"),
    ('<div class="md-search"', "div"),
    ('<label class="md-header__button md-icon" for="__search"', "label"),
    ('<label class="md-header__button md-icon" for="__drawer"', "label"),
    ('<nav class="md-footer__inner', "nav"),
)


def drop_element(html: str, start: str, tag: str) -> str:
    """`html` without the element that begins with `start`, its nested elements of the same tag included."""
    begin = html.find(start)
    if begin < 0:
        return html
    depth, position = 0, begin
    token = re.compile(rf"<(/?){tag}\b[^>]*>")
    for match in token.finditer(html, begin):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return html[:begin] + html[match.end():]
        position = match.end()
    raise ValueError(f"<{tag}> opened at {begin} is never closed (read up to {position})")


def is_external(address: str) -> bool:
    return bool(urlsplit(address).scheme) or address.startswith("//")


def resolve(page: str, address: str) -> str:
    """A relative address as a path in the site, from the page (a path in the site) it is on."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), urlsplit(address).path))


def online_address(site_url: str, target: str, fragment: str) -> str:
    """Where a page of the offline build lives on the published site, which uses directory URLs."""
    if target.endswith("index.html"):
        target = target.removesuffix("index.html")
    elif target.endswith(".html"):
        target = target.removesuffix(".html") + "/"
    return site_url.rstrip("/") + "/" + target + (f"#{fragment}" if fragment else "")


def rewrite_links(html: str, page: str, in_package: set[str], site_url: str | None) -> str:
    """Links to the package's pages stay; links to the rest of the site go to `site_url`, or are
    plain text when the site's address is not known."""
    def link(match: re.Match) -> str:
        attributes, inner = match.group(1), match.group(2)
        href = HREF.search(attributes)
        if not href or not href.group(1) or href.group(1).startswith("#") or is_external(href.group(1)):
            return match.group(0)
        target = resolve(page, href.group(1))
        if target in in_package:
            return match.group(0)
        if site_url:
            absolute = online_address(site_url, target, urlsplit(href.group(1)).fragment)
            return f"<a{attributes.replace(href.group(0), f'href={json.dumps(absolute)}')}>{inner}</a>"
        kept = CLASS.search(attributes)
        return f"<span{' ' + kept.group(0) if kept else ''}>{inner}</span>"
    return LINK.sub(link, html)


def cut_page(html: str, page: str, in_package: set[str], site_url: str | None) -> str:
    """A page of the offline build as it goes into a package."""
    for start, tag in SITE_FRAME:
        html = drop_element(html, start, tag)
    html = NOT_FETCHED.sub("", html)
    html = rewrite_links(html, page, in_package, site_url)
    bridge = posixpath.relpath(BRIDGE, posixpath.dirname(page) or ".")
    return html.replace("<head>", f'<head>\n<script src="{bridge}"></script>', 1)


def loaded_files(text: str, file: str, site_dir: Path) -> set[str]:
    """The site's files that a page or stylesheet loads: scripts, styles, images, Material's search
    worker. An address on another host is an error: a package makes no request to another host."""
    if file.endswith(".css"):
        addresses = CSS_URL.findall(text)
    else:
        addresses = LOADED.findall(NOT_FETCHED.sub("", text))
        config = CONFIG.search(text)
        if config:
            addresses += [value for key, value in json.loads(config.group(2)).items()
                          if key == "search" and isinstance(value, str)]
    found = set()
    for address in addresses:
        if address.startswith(("data:", "#")):
            continue
        if is_external(address):
            raise ValueError(f"{file}: loads {address} from another host")
        target = resolve(file, address)
        if (site_dir / target).is_file():
            found.add(target)
    return found


def files_for(pages: dict[str, str], site_dir: Path) -> set[str]:
    """Every file the pages need, following stylesheets to the files they load in turn."""
    needed: set[str] = set()
    todo = [(name, text) for name, text in pages.items()]
    while todo:
        name, text = todo.pop()
        for target in loaded_files(text, name, site_dir) - needed - set(pages):
            needed.add(target)
            if target.endswith(".css"):
                todo.append((target, (site_dir / target).read_text(encoding="utf-8")))
    return needed
