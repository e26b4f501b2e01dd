"""The SCORM 1.2 packages as an LMS reads them: the manifest at the zip's root, in the ADL SCORM 1.2
namespaces, one organization, item and SCO resource listing every file, unique identifiers, the
launch file present, the pass mark as masteryscore, and pages that fetch nothing from another host.

The ADL schema files are not vendored (no licence found that allows it), so the rules of
imscp_rootv1p1p2.xsd and adlcp_rootv1p2.xsd that a single-SCO manifest meets are checked here."""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as etree
import zipfile
from pathlib import Path

import pytest

from lms_helpers import make_lms
from macros.lms import pages, scorm

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")  # xsd:ID, as the identifiers here are written
LOADED = re.compile(r'<(?:script|img|source|link|iframe|video|audio|embed)\b[^>]*?\b(?:src|href)="([^"]*)"')


def packages(lms_out: Path) -> list[Path]:
    found = sorted((lms_out / "scorm").glob("*.zip"))
    assert len(found) > 20
    return found


def read(package: Path) -> tuple[etree.Element, dict[str, bytes]]:
    with zipfile.ZipFile(package) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return etree.fromstring(files["imsmanifest.xml"]), files


def test_module_and_path_packages_exist(lms_out: Path) -> None:
    names = {package.stem for package in packages(lms_out)}
    assert {"module-security-privacy", "path-end-user", "path-hmis-lead"} <= names
    assert all(name.startswith(("module-", "path-")) for name in names)


def test_manifest_is_single_sco_scorm_12(lms_out: Path) -> None:
    for package in packages(lms_out):
        manifest, files = read(package)
        assert manifest.tag == f"{CP}manifest"
        assert (manifest.findtext(f"{CP}metadata/{CP}schema"), manifest.findtext(f"{CP}metadata/{CP}schemaversion")) \
            == ("ADL SCORM", "1.2")
        assert [child.tag for child in manifest] == [f"{CP}metadata", f"{CP}organizations", f"{CP}resources"]
        organizations = manifest.find(f"{CP}organizations")
        (organization,) = organizations.findall(f"{CP}organization")
        assert organizations.get("default") == organization.get("identifier")
        (item,) = organization.findall(f"{CP}item")
        (resource,) = manifest.findall(f"{CP}resources/{CP}resource")
        assert item.get("identifierref") == resource.get("identifier")
        assert resource.get(f"{ADLCP}scormtype") == "sco" and resource.get("type") == "webcontent"
        assert item.findtext(f"{ADLCP}masteryscore") == "80"  # the default pass mark
        assert 0 < len(item.findtext(f"{CP}title")) <= 200
        identifiers = [element.get("identifier") for element in manifest.iter() if element.get("identifier")]
        assert len(identifiers) == len(set(identifiers)) == 4
        assert all(NCNAME.match(identifier) for identifier in identifiers)
        assert resource.get("href") in files, f"{package.name}: the launch file is missing"


def test_every_file_is_listed_and_every_listed_file_is_there(lms_out: Path) -> None:
    for package in packages(lms_out):
        manifest, files = read(package)
        listed = [file.get("href") for file in manifest.iter(f"{CP}file")]
        assert len(listed) == len(set(listed))
        assert set(listed) == set(files) - {"imsmanifest.xml"}, package.name
        assert all(len(name) <= 2000 and not name.startswith(("/", "..")) for name in listed)


def test_pages_load_only_files_in_the_package(lms_out: Path) -> None:
    for package in packages(lms_out):
        _, files = read(package)
        for name, data in files.items():
            if not name.endswith(".html"):
                continue
            for address in LOADED.findall(data.decode("utf-8")):
                assert not pages.is_external(address), f"{package.name}/{name} loads {address}"
                assert pages.resolve(name, address) in files, f"{package.name}/{name}: {address} is not in the package"


def test_output_is_byte_identical_run_to_run_and_quick(lms_out: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    started = time.monotonic()
    result = make_lms(again)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 60
    first = {path.relative_to(lms_out): path.read_bytes() for path in lms_out.rglob("*") if path.is_file()}
    second = {path.relative_to(again): path.read_bytes() for path in again.rglob("*") if path.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


PAGE = ('<html><head></head><body><a href="data-collection.html#x">in</a> '
        '<a class="md-nav__link" href="../glossary.html">out</a> <a href="https://example.org/">web</a> '
        '<a href="#top">here</a></body></html>')


def test_links_to_the_rest_of_the_site_go_to_the_site_url_or_become_text() -> None:
    in_package = {"introductory/security-privacy.html", "introductory/data-collection.html"}
    page = "introductory/security-privacy.html"
    online = pages.rewrite_links(PAGE, page, in_package, "https://coc.example.org/training/")
    assert '<a href="data-collection.html#x">in</a>' in online
    assert '<a class="md-nav__link" href="https://coc.example.org/training/glossary/">out</a>' in online
    assert '<a href="https://example.org/">web</a>' in online and '<a href="#top">here</a>' in online
    offline = pages.rewrite_links(PAGE, page, in_package, None)
    assert '<span class="md-nav__link">out</span>' in offline and "glossary" not in offline


@pytest.mark.parametrize("address, public", [("http://127.0.0.1:8000/", False), ("http://localhost:8000/", False),
                                             (None, False), ("https://coc.example.org/hmis/", True)])
def test_the_local_preview_address_is_not_a_site_url(address: str | None, public: bool) -> None:
    assert (scorm.public_site_url(address) is not None) == public
