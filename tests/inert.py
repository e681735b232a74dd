"""What "inert" means for HTML, judged as a browser reads it (tinyhtml5, a parser of the HTML standard,
with scripting on): nothing that runs, embeds, submits, redirects or re-bases the page, no event
handler, no active address once entities are decoded and whitespace stripped, and nothing fetched from
another host. Written apart from the sanitizer, from the browser's side, for the tests that attack it
(tests/test_html_fuzz.py, tests/test_hostile_pages.py)."""

from __future__ import annotations

import re

from tinyhtml5.parser import HTMLParser

# Elements that run code, embed another document, submit, or change how the page loads or resolves.
ACTIVE_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "base",
                   "portal", "fencedframe"}
# Attributes holding an address, on any element (SVG and MathML included).
ADDRESS_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background", "cite", "ping",
                      "codebase", "archive", "longdesc", "lowsrc", "dynsrc", "manifest", "srcset", "imagesrcset",
                      "to", "from", "values", "by"}
# Addresses a browser fetches by itself while loading the page (not on a tap).
FETCHED_ATTRIBUTES = {"src", "srcset", "imagesrcset", "poster", "data", "background", "lowsrc", "dynsrc",
                      "codebase", "archive", "manifest"}
ACTIVE_SCHEMES = {"javascript", "vbscript", "data", "livescript", "mocha"}
_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def _browser_address(value: str) -> str:
    # As the URL parser sees it: tabs and newlines removed anywhere, C0 controls and spaces trimmed.
    return re.sub(r"[\t\n\r]", "", value).strip("".join(chr(c) for c in range(0x21)))


def _addresses(name: str, value: str) -> list[str]:
    if name in ("srcset", "imagesrcset"):
        return [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
    if name in ("values",):
        return [part for part in value.split(";")]
    return [value]


def problems(fragment: str) -> list[str]:
    """Everything in `fragment` that is not inert, described; empty when it is inert."""
    root = HTMLParser(namespace_html_elements=False).parse_fragment(fragment, container="div", scripting=True)
    found = []
    for element in root.iter():
        if element is root or not isinstance(element.tag, str):
            continue
        tag = element.tag.rsplit("}", 1)[-1].lower()
        attrs = {name.rsplit("}", 1)[-1].lower(): value for name, value in element.attrib.items()}
        if tag in ACTIVE_ELEMENTS:
            found.append(f"<{tag}>")
        if tag == "meta" and attrs.get("http-equiv", "").strip().lower() in ("refresh", "set-cookie",
                                                                             "content-security-policy"):
            found.append(f"<meta http-equiv={attrs['http-equiv']}>")
        if tag in ("animate", "set", "animatemotion", "animatetransform") and \
                attrs.get("attributename", "").strip().lower() in ("href", "xlink:href", "src"):
            found.append(f"<{tag} attributeName=href>")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"{name}=")
            if name == "srcdoc":
                found.append("srcdoc=")
            if name not in ADDRESS_ATTRIBUTES:
                continue
            for address in _addresses(name, value):
                url = _browser_address(address)  # the parser has decoded the entities, as a browser does
                scheme = _SCHEME_RE.match(url)
                if scheme and scheme.group(1).lower() in ACTIVE_SCHEMES:
                    found.append(f"{name}={scheme.group(1).lower()}:")
                if name in FETCHED_ATTRIBUTES and (scheme or url.startswith(("//", "\\\\", "/\\", "\\/"))):
                    found.append(f"{name} fetches {url[:40]}")
    return found
