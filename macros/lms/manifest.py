"""imsmanifest.xml for a SCORM 1.2 package of one SCO: the shape every SCORM 1.2 LMS accepts."""

from __future__ import annotations

import xml.etree.ElementTree as etree

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
SCHEMA_LOCATIONS = (f"{IMSCP} imscp_rootv1p1p2.xsd {IMSMD} imsmd_rootv1p2p1.xsd {ADLCP} adlcp_rootv1p2.xsd")

etree.register_namespace("adlcp", ADLCP)
etree.register_namespace("xsi", XSI)


def manifest(identifier: str, title: str, launch: str, files: list[str], mastery_score: int) -> bytes:
    """One organization with one item, and one resource of scormtype "sco" listing every file of
    the package. Identifiers are XML names made from the package id, so they are unique in it."""
    root = etree.Element(f"{{{IMSCP}}}manifest", {"identifier": f"MANIFEST-{identifier}", "version": "1.0",
                                                  f"{{{XSI}}}schemaLocation": SCHEMA_LOCATIONS})
    metadata = etree.SubElement(root, f"{{{IMSCP}}}metadata")
    etree.SubElement(metadata, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    etree.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.2"
    organizations = etree.SubElement(root, f"{{{IMSCP}}}organizations", {"default": f"ORG-{identifier}"})
    organization = etree.SubElement(organizations, f"{{{IMSCP}}}organization", {"identifier": f"ORG-{identifier}"})
    etree.SubElement(organization, f"{{{IMSCP}}}title").text = title
    item = etree.SubElement(organization, f"{{{IMSCP}}}item", {"identifier": f"ITEM-{identifier}",
                                                                "identifierref": f"RES-{identifier}",
                                                                "isvisible": "true"})
    etree.SubElement(item, f"{{{IMSCP}}}title").text = title
    etree.SubElement(item, f"{{{ADLCP}}}masteryscore").text = str(mastery_score)
    resources = etree.SubElement(root, f"{{{IMSCP}}}resources")
    resource = etree.SubElement(resources, f"{{{IMSCP}}}resource", {
        "identifier": f"RES-{identifier}", "type": "webcontent", f"{{{ADLCP}}}scormtype": "sco", "href": launch})
    for name in sorted(files):
        etree.SubElement(resource, f"{{{IMSCP}}}file", {"href": name})
    return xml_bytes(root, IMSCP)


def xml_bytes(root: etree.Element, default_namespace: str, indent: bool = True) -> bytes:
    """The document with `default_namespace` unprefixed (registered just before writing, since
    ElementTree keeps one default namespace at a time); indented unless it holds text with markup,
    where added spaces would show."""
    etree.register_namespace("", default_namespace)
    if indent:
        etree.indent(root)
    return etree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
