"""`make bench`: build time, quiz asset size and page weight, against the issue's budgets.

Prints figures; asserts nothing (timing belongs in a benchmark, not in the test suite).
"""

from __future__ import annotations

import copy
import gzip
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import yaml

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]
from helpers import (ENGINE_ENV, QUIET_ENV, copy_project, leave_out_of_nav, quiz_engine_site,  # noqa: E402
                     read_mkdocs_config)
from bench_lighthouse import LIGHTHOUSE, lighthouse  # noqa: E402
from test_serve import fetch, free_port, wait_for  # noqa: E402
from macros import assets, practice  # noqa: E402

RUNS = 5
QUESTIONS = 1000
QUIZ_SOURCES = ["assets/javascripts/quiz.js", "assets/stylesheets/quiz.css"]  # in the bundles
OUR_BUNDLES = [assets.SCRIPT_BUNDLE, assets.STYLE_BUNDLE]
QUIZ_PAGE = "introductory/security-privacy/index.html"
LIGHTHOUSE_VERSION = "12.2.3"  # tests/bench-tools/package.json
BUDGET_GZIP = 5 * 1024
BUDGET_RATIO = 1.10
BUDGET_REBUILD = 1.30  # a rebuild after one edit, against plain Material's after one page edit
EDITED_BANK, EDITED_PAGE = "quizzes/help-desk.yml", "docs/introductory/help-desk.md"
SERVED_PAGE, BANK_TITLE = "introductory/help-desk/", "title: Help desk check"
SERVE_EDITS = 5
BUDGET_ENGINE = 1.20  # our build against plain Material building the Markdown our macros produce
BUDGET_QUESTION_MS = 0.5  # build time a question adds, in a 1,000-question bank


def one_build_seconds(project: Path, env: dict[str, str] = QUIET_ENV) -> float:
    """Wall time of one `mkdocs build`, as a user runs it (start-up included)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", "site"],
                   cwd=project, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def build_seconds(project: Path, env: dict[str, str] = QUIET_ENV) -> float:
    """Median wall time of `mkdocs build`."""
    return statistics.median(one_build_seconds(project, env) for _ in range(RUNS))


def paired_build_seconds(first: Path, second: Path) -> tuple[float, float, float]:
    """Medians of the two projects' builds, taken turn about, and the median of their paired
    differences: on a shared machine, load that comes and goes then weighs on both alike."""
    pairs = [(one_build_seconds(first), one_build_seconds(second)) for _ in range(RUNS)]
    return (statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs),
            statistics.median(b - a for a, b in pairs))


WARM_BUILD = """
import statistics, sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
edited = Path(sys.argv[2])
original = edited.read_text(encoding="utf-8")
line = "# edited {}" if edited.suffix == ".yml" else "Edited {}."
times = []
for run in range(int(sys.argv[1]) + 1):
    edited.write_text(original + "\\n" + line.format(run) + "\\n", encoding="utf-8")
    start = time.perf_counter()
    build(load_config("mkdocs.yml", site_dir="site", strict=True))
    times.append(time.perf_counter() - start)
print(statistics.median(times[1:]))
"""


def warm_build_seconds(project: Path, edited: str) -> float:
    """Median time of a rebuild after saving one file, in a process that has built once already,
    as `mkdocs serve` does (its config read again included)."""
    result = subprocess.run([sys.executable, "-c", WARM_BUILD, str(RUNS), edited], cwd=project, env=QUIET_ENV,
                            check=True, capture_output=True, text=True)
    return float(result.stdout.strip().splitlines()[-1])


def save_to_rebuilt_seconds(project: Path) -> float:
    """Median time under `mkdocs serve` (live reload on) from saving an edit to one bank to the
    server answering with the page that shows it."""
    url = f"http://127.0.0.1:{free_port()}/"
    bank = project / EDITED_BANK
    good = bank.read_text(encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", url[7:-1]], cwd=project,
                              env=QUIET_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    try:
        if not wait_for(lambda: "livereload" in fetch(url + SERVED_PAGE), 120):
            raise RuntimeError("mkdocs serve did not start")
        for edit in range(SERVE_EDITS):
            time.sleep(1)  # as an editor pauses between saves
            title = f"Help desk check, edit {edit}"
            start = time.perf_counter()
            bank.write_text(good.replace(BANK_TITLE, f"title: {title}", 1), encoding="utf-8")
            while title not in fetch(url + SERVED_PAGE):
                if time.perf_counter() - start > 120:
                    raise RuntimeError("mkdocs serve did not rebuild")
                time.sleep(0.02)
            times.append(time.perf_counter() - start)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return statistics.median(times)


def plain_material_project(destination: Path, idle_macros: bool = False) -> Path:
    """The same docs on Material alone: no overrides, no hook (the practice export is there as
    plain files, so links to it hold), and mkdocs-macros absent or loaded but idle, to show how
    much of the overhead is the plugin's own."""
    copy_project(destination)
    for site_path, content in practice.files(destination).items():
        (destination / "docs" / site_path).parent.mkdir(parents=True, exist_ok=True)
        (destination / "docs" / site_path).write_bytes(content)
    config = read_mkdocs_config()
    config["theme"].pop("custom_dir")
    config["plugins"].pop("macros")
    config.pop("watch")
    config.pop("hooks")
    config["validation"] = {"links": {"anchors": "info"}}  # quiz pages have no anchors without macros
    if idle_macros:
        (destination / "idle.py").write_text("def define_env(env):\n    pass\n", encoding="utf-8")
        config["plugins"]["macros"] = {"module_name": "idle", "render_by_default": False}
    (destination / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return destination


SAVE_RENDERED_MARKDOWN = """
from pathlib import Path

def on_page_markdown(markdown, page, config, files):
    deferred = config.plugins.get("hmis-deferred-html")  # macros/deferred.py: the HTML held back, put in
    markdown = deferred.expand(page, markdown) if deferred else markdown
    target = Path(config.config_file_path).parent / "rendered" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown, encoding="utf-8")
"""


def rendered_markdown_project(destination: Path) -> Path:
    """Plain Material on the Markdown our macros produce (quizzes, exercises and cases written
    out, deferred HTML included), so the difference from our build is what the engine itself
    costs, not its content."""
    ours = copy_project(destination / "ours")
    (ours / "save_rendered.py").write_text(SAVE_RENDERED_MARKDOWN, encoding="utf-8")
    config = read_mkdocs_config()
    config["hooks"].append("save_rendered.py")  # hooks run after plugins, so after macros
    (ours / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"],
                   cwd=ours, env=QUIET_ENV, check=True, capture_output=True)
    plain = plain_material_project(destination / "plain")
    shutil.copytree(ours / "rendered", plain / "docs", dirs_exist_ok=True)
    return plain


def big_bank_project(destination: Path) -> Path:
    """Our site plus one page with a generated bank of QUESTIONS questions of every type."""
    copy_project(destination)
    kinds = [
        {"type": "single", "options": [{"text": "Right", "correct": True}, {"text": "Wrong", "feedback": "No."}]},
        {"type": "multiple", "options": [{"text": "A", "correct": True}, {"text": "B", "correct": True},
                                         {"text": "C"}]},
        {"type": "true-false", "answer": False},
        {"type": "short", "number": 30, "tolerance": 1},
    ]
    # Deep copies: YAML would write shared option lists as aliases, which banks may not repeat 1,000 times.
    questions = [{"id": f"q{n}", "prompt": f"Question **{n}**?", "explanation": "Because.",
                  "source": "Good practice (generated)", **copy.deepcopy(kinds[n % len(kinds)])} for n in range(QUESTIONS)]
    (destination / "quizzes" / "big.yml").write_text(yaml.safe_dump({"questions": questions}), encoding="utf-8")
    (destination / "docs" / "big.md").write_text('# Big\n\n{{ quiz("big") }}\n', encoding="utf-8")
    leave_out_of_nav(destination, "big.md")
    return destination


PEER_QUESTIONS = 200


def peer_questions() -> list[dict]:
    """The peer comparison's questions: single and select-all choices, which both engines have."""
    questions = []
    for n in range(PEER_QUESTIONS):
        right = [0, 2] if n % 2 else [0]
        options = [{"text": f"Option {letter} of question {n}", **({"correct": True} if index in right else {})}
                   for index, letter in enumerate("ABCD")]
        questions.append({"id": f"q{n}", "type": "multiple" if n % 2 else "single", "prompt": f"Question **{n}**?",
                          "options": options, "explanation": f"Why question {n} has this answer.",
                          "source": "Good practice (generated)"})
    return questions


def peer_site(destination: Path, plugins: dict, page: str) -> Path:
    """A one-page Material site with the given plugins: the floor, or mkdocs-quiz."""
    (destination / "docs").mkdir(parents=True)
    (destination / "docs" / "index.md").write_text(page, encoding="utf-8")
    config = {"site_name": "Peer comparison", "theme": read_mkdocs_config()["theme"] | {"custom_dir": None},
              "markdown_extensions": read_mkdocs_config()["markdown_extensions"], "plugins": plugins}
    del config["theme"]["custom_dir"]
    (destination / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return destination


def peer_projects(scratch: Path) -> dict[str, Path]:
    """The same 200 questions three ways: plain Markdown on Material (the floor), mkdocs-quiz's
    <quiz> syntax, and our engine alone (macros.quiz.engine with one bank)."""
    questions = peer_questions()
    plain = "# Questions\n\n" + "\n".join(
        f"{q['prompt']}\n\n" + "".join(f"- {o['text']}\n" for o in q["options"]) + f"\n{q['explanation']}\n"
        for q in questions)
    peer = "# Questions\n\n" + "\n".join(
        f"<quiz>\n{q['prompt']}\n"
        + "".join(f"- [{'x' if o.get('correct') else ' '}] {o['text']}\n" for o in q["options"])
        + f"\n{q['explanation']}\n</quiz>\n" for q in questions)
    return {
        "plain": peer_site(scratch / "peer-plain", {"search": {}}, plain),
        "mkdocs-quiz": peer_site(scratch / "peer-mkdocs-quiz", {"search": {}, "mkdocs_quiz": {}}, peer),
        "ours": quiz_engine_site(scratch / "peer-ours", {"peer": {"questions": questions}},
                                 '# Questions\n\n{{ quiz("peer") }}\n'),
    }


def sizes(paths: list[Path]) -> tuple[int, int]:
    data = [path.read_bytes() for path in paths]
    return sum(map(len, data)), sum(len(gzip.compress(item, 9)) for item in data)


def minified_sizes(names: list[str]) -> tuple[int, int]:
    """Raw and gzipped size of some of our sources as minified into the bundles."""
    theme = Path(__file__).resolve().parent.parent / "overrides"
    data = [assets.minified(name, (theme / name).read_text(encoding="utf-8")).encode("utf-8") for name in names]
    return sum(map(len, data)), sum(len(gzip.compress(item, 9)) for item in data)


def page_files(site: Path, page: str) -> list[Path]:
    """The page and every stylesheet and script it loads."""
    html_path = site / page
    html = html_path.read_text(encoding="utf-8")
    linked = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"#?]+\.(?:js|css))"', html)
    return [html_path, *((html_path.parent / url).resolve() for url in linked)]


class Requests(HTMLParser):
    """URLs a browser would fetch for a page: scripts, stylesheets, icons, images and frames."""

    FETCHED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest"}

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and not self.FETCHED_LINKS & set((found.get("rel") or "").split()):
            return
        url = found.get("src") or (found.get("href") if tag == "link" else None)
        if tag in {"script", "link", "img", "iframe", "source", "video", "audio"} and url:
            self.urls.append(url)


def other_hosts(site: Path) -> list[str]:
    urls = set()
    for page in site.rglob("*.html"):
        parser = Requests()
        parser.feed(page.read_text(encoding="utf-8"))
        urls |= {url for url in parser.urls if re.match(r"^(https?:)?//", url)}
    return sorted(urls)


def row(label: str, value: str, verdict: str = "") -> None:
    print(f"{label:<46}{value:>22}  {verdict}".rstrip())


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        scratch_dir = Path(scratch)
        ours = copy_project(scratch_dir / "ours")
        plain = plain_material_project(scratch_dir / "plain")
        idle = plain_material_project(scratch_dir / "idle", idle_macros=True)
        rendered = rendered_markdown_project(scratch_dir / "rendered")
        big = big_bank_project(scratch_dir / "big")
        ours_s, big_s, big_extra_s = paired_build_seconds(ours, big)
        plain_s = build_seconds(plain)
        idle_s, rendered_s = build_seconds(idle), build_seconds(rendered)
        ratio = ours_s / plain_s
        plain_warm, ours_warm = warm_build_seconds(plain, EDITED_PAGE), warm_build_seconds(ours, EDITED_BANK)
        save_to_rebuilt = save_to_rebuilt_seconds(ours)
        per_question_ms = big_extra_s * 1000 / QUESTIONS
        site = ours / "site"
        quiz_raw, quiz_gz = minified_sizes(QUIZ_SOURCES)
        bundle_raw, bundle_gz = sizes([site / bundle for bundle in OUR_BUNDLES])
        index_raw, index_gz = sizes([site / "search" / "search_index.json"])
        page_raw, page_gz = sizes(page_files(site, QUIZ_PAGE))
        hosts = other_hosts(site)
        pages = {"home": "", "quiz module": QUIZ_PAGE.removesuffix("index.html"), "path page": "paths/end-user/"}
        scores = {"ours": lighthouse(site, pages), "plain": lighthouse(plain / "site", pages)} if LIGHTHOUSE.exists() else {}
        peers = peer_projects(scratch_dir)
        peer_s = {name: build_seconds(project, ENGINE_ENV if name == "ours" else QUIET_ENV)
                  for name, project in peers.items()}

    print(f"HMIS Training benchmark (median of {RUNS} builds, wall time incl. start-up)\n")
    row("build: plain Material, same Markdown", f"{plain_s:.2f} s")
    row("build: plain Material + idle mkdocs-macros", f"{idle_s:.2f} s", f"{idle_s / plain_s:.2f}x: the plugin alone")
    row("build: this site (macros + quizzes)", f"{ours_s:.2f} s")
    row("build overhead vs plain Material", f"{ratio:.2f}x", "ok" if ratio <= BUDGET_RATIO else "OVER 1.10x")
    row("build: plain Material, Markdown after macros", f"{rendered_s:.2f} s")
    row("engine overhead vs Markdown after macros", f"{ours_s / rendered_s:.2f}x",
        "ok" if ours_s / rendered_s <= BUDGET_ENGINE else f"OVER {BUDGET_ENGINE:.2f}x")
    row("warm rebuild, one page edited: plain Material", f"{plain_warm:.3f} s")
    row("warm rebuild, one bank edited: this site", f"{ours_warm:.3f} s")
    row("warm rebuild overhead vs plain Material", f"{ours_warm / plain_warm:.2f}x",
        "ok" if ours_warm / plain_warm <= BUDGET_REBUILD else "OVER 1.3x")
    row("save-to-rebuilt time for one bank edit (serve)", f"{save_to_rebuilt:.2f} s", f"median of {SERVE_EDITS}")
    row(f"build: + a {QUESTIONS}-question bank", f"{big_s:.2f} s")
    row("build cost per question (paired builds)", f"{per_question_ms:.2f} ms",
        "ok" if per_question_ms <= BUDGET_QUESTION_MS else f"OVER {BUDGET_QUESTION_MS} ms")
    row("quiz JS+CSS minified, raw", f"{quiz_raw:,} B")
    row("quiz JS+CSS minified, gzip -9", f"{quiz_gz:,} B", "ok" if quiz_gz <= BUDGET_GZIP else "OVER 5 KB")
    row("our script + stylesheet on every page, raw", f"{bundle_raw:,} B")
    row("our script + stylesheet, gzip -9", f"{bundle_gz:,} B")
    row("search index (fetched when search opens), gzip -9", f"{index_gz:,} B", f"{index_raw:,} B raw")
    row("quiz page weight raw (HTML+CSS+JS)", f"{page_raw:,} B")
    row("quiz page weight gzip -9", f"{page_gz:,} B")
    row("requests to other hosts in built pages", f"{len(hosts)}", "ok" if not hosts else ", ".join(hosts))
    if scores:
        print(f"\nLighthouse {LIGHTHOUSE_VERSION} mobile, median of 3, served with gzip and a 10-minute cache\n")
        for label in pages:
            ours_page, plain_page = scores["ours"][label], scores["plain"][label]
            row(f"{label}: score (plain Material)", f"{ours_page['score']:.0f} ({plain_page['score']:.0f})",
                "ok" if ours_page["score"] >= 95 else "UNDER 95")
            row(f"{label}: largest contentful paint", f"{ours_page['lcp_s']:.1f} s ({plain_page['lcp_s']:.1f} s)")
            row(f"{label}: first visit, transferred", f"{ours_page['kb']:.0f} KB ({plain_page['kb']:.0f} KB)",
                "ok" if label != "quiz module" or ours_page["kb"] <= 150 else "OVER 150 KB")
    else:
        print("\nLighthouse not installed (npm is needed): no page scores")
    print(f"\nPeer comparison: one page of the same {PEER_QUESTIONS} questions, Material theme\n")
    floor = peer_s["plain"]
    for name, label in (("plain", "plain Markdown (the floor)"), ("mkdocs-quiz", "mkdocs-quiz 1.7.1"),
                        ("ours", "our engine alone (macros.quiz.engine)")):
        cost = (peer_s[name] - floor) * 1000 / PEER_QUESTIONS
        row(f"build: {label}", f"{peer_s[name]:.2f} s", f"{peer_s[name] / floor:.2f}x floor, {cost:.2f} ms a question"
            if name != "plain" else "")
    row("our engine vs mkdocs-quiz", f"{peer_s['ours'] / peer_s['mkdocs-quiz']:.2f}x")


if __name__ == "__main__":
    main()
