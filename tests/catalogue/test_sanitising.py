"""Whatever an editor pastes into a long text, no script reaches a page.

The ``markdown`` filter (catalogue/templatetags/catalogue_tags.py) renders Markdown and cleans
the HTML with nh3. This battery feeds it hostile input and checks the HTML that comes out with a
parser: only harmless tags, no event handlers or style, only http(s)/mailto/relative links.
"""

import html
import re
from html.parser import HTMLParser

import pytest
from django.template import engines

from catalogue.templatetags.catalogue_tags import markdown

# The filter's post-processors (glossary term links) read the database.
pytestmark = pytest.mark.django_db

# Tags that cannot run anything, whatever the web engineer allows of them.
HARMLESS_TAGS = {
    "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "ul", "ol",
    "li", "blockquote", "a", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td",
    "abbr", "sup", "sub", "span", "div",
}  # fmt: skip
HARMLESS_ATTRIBUTES = {"href", "title", "rel", "scope", "colspan", "rowspan", "start"}
SAFE_SCHEMES = {"http", "https", "mailto"}

HOSTILE = {
    "script tag": "<script>alert(1)</script>",
    "script tag, upper case, remote": "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "script split by a nested tag": "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "double angle brackets": "<<script>script>alert(1)//<</script>/script>",
    "img onerror": "<img src=x onerror=alert(1)>",
    "event handler on an allowed tag": '<p onclick="alert(1)">Klik</p>',
    "event handler on a link": '<a href="https://kommune.dk" onmouseover="alert(1)">x</a>',
    "details ontoggle": "<details open ontoggle=alert(1)><summary>x</summary></details>",
    "html javascript link": '<a href="javascript:alert(1)">klik</a>',
    "markdown javascript link": "[klik](javascript:alert(1))",
    "mixed case scheme": "[klik](JaVaScRiPt:alert(1))",
    "leading space in href": '<a href=" javascript:alert(1)">x</a>',
    "tab inside the scheme": '<a href="java\tscript:alert(1)">x</a>',
    "newline inside the scheme": '<a href="java\nscript:alert(1)">x</a>',
    "entity-encoded scheme (decimal)": '<a href="&#106;avascript:alert(1)">x</a>',
    "entity-encoded scheme (hex)": (
        '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)">x</a>'
    ),
    "entity-encoded scheme in markdown": "[x](&#106;avascript:alert(1))",
    "entity-encoded tab inside the scheme": '<a href="java&#9;script:alert(1)">x</a>',
    "named tab entity inside the scheme": '<a href="jav&Tab;ascript:alert(1)">x</a>',
    "entity-encoded newline inside the scheme": '<a href="java&#10;script:alert(1)">x</a>',
    "entity-encoded control before the scheme": '<a href="&#1;javascript:alert(1)">x</a>',
    "entity-encoded colon": '<a href="javascript&colon;alert(1)">x</a>',
    "entity without semicolons": '<a href="&#0000106&#0000097vascript:alert(1)">x</a>',
    "percent-encoded scheme": "[x](java%0ascript:alert(1))",
    "reference-style link": "[klik][1]\n\n[1]: javascript:alert(1)",
    "autolink": "<javascript:alert(1)>",
    "data url": "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "data url in html": '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "vbscript url": '<a href="vbscript:msgbox(1)">x</a>',
    "markdown image with javascript": "![x](javascript:alert(1))",
    "markdown image (tracking pixel)": "![x](https://tracker.example/pixel.gif)",
    "svg onload": "<svg onload=alert(1)><circle r=1 /></svg>",
    "script inside svg": "<svg><script>alert(1)</script></svg>",
    "svg with xlink href": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "math mutation": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "style attribute": '<p style="background:url(javascript:alert(1))">tekst</p>',
    "style tag": "<style>body{background:url(javascript:alert(1))}</style>",
    "iframe": '<iframe src="https://evil.example"></iframe>',
    "iframe srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "object and embed": '<object data="x.swf"></object><embed src="x.swf">',
    "form with javascript action": '<form action="javascript:alert(1)"><button>OK</button></form>',
    "button formaction": '<button formaction="javascript:alert(1)">x</button>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "base href": '<base href="https://evil.example/">',
    "link stylesheet": '<link rel="stylesheet" href="https://evil.example/x.css">',
    "comment hiding a script": "<!--><script>alert(1)</script>-->",
    "cdata": "<![CDATA[<script>alert(1)</script>]]>",
    "unclosed tag with handler": '<a href="https://kommune.dk" onclick="alert(1)"',
    "unclosed div and quotes": '<div><p>Tekst <img """><script>alert(1)</script>">',
    "attribute breaking out of quotes": (
        '<a href="https://kommune.dk" title="x" onclick="alert(1)">'
    ),
    "markdown link title breakout": '[x](https://kommune.dk "a\\" onclick=\\"alert(1)")',
    "noscript parsing difference": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "template tag": "<template><script>alert(1)</script></template>",
    "markdown inside html block": '<div markdown="1">[x](javascript:alert(1))</div>',
}


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def scheme(url: str) -> str | None:
    """The scheme a browser would see (WHATWG URL parsing): entities decoded, leading and
    trailing controls and spaces stripped, tabs and newlines anywhere removed."""
    cleaned = html.unescape(url).strip("".join(map(chr, range(0x21))))
    cleaned = re.sub(r"[\t\n\r]", "", cleaned).lower()
    match = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned)
    return match.group(1) if match else None


def assert_harmless(output: str) -> None:
    parser = Collector()
    parser.feed(output)
    for tag, attrs in parser.tags:
        assert tag in HARMLESS_TAGS, f"<{tag}> reached the page: {output!r}"
        for name, value in attrs.items():
            assert name in HARMLESS_ATTRIBUTES, f"{name}= on <{tag}>: {output!r}"
            if name == "href":
                assert scheme(value or "") in SAFE_SCHEMES | {None}, f"href {value!r}"
    assert "<script" not in output.lower()


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_renders_harmless(text):
    assert_harmless(str(markdown(text)))


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_is_harmless_inside_ordinary_markdown(text):
    wrapped = f"### Overskrift\n\nFør **fed** tekst.\n\n- punkt\n- {text}\n\nEfter.\n\n{text}"
    assert_harmless(str(markdown(wrapped)))


def test_the_filter_is_what_templates_use():
    template = engines["django"].from_string("{% load catalogue_tags %}{{ text|markdown }}")
    output = template.render({"text": HOSTILE["img onerror"] + HOSTILE["script tag"]})
    assert_harmless(output)
    assert "onerror" not in output


def test_ordinary_formatting_survives():
    text = (
        "### Sådan gør I\n\nSSP-konsulenten **indkalder** forældrene *hurtigt*.\n\n"
        "- Ring til skolen\n- Skriv til [Ishøj Kommune](https://ishoj.dk) eller "
        "[ssp@ishoj.dk](mailto:ssp@ishoj.dk)\n\n> Citat fra kataloget"
    )
    output = str(markdown(text))

    assert "<h3>Sådan gør I</h3>" in output
    assert "<strong>indkalder</strong>" in output and "<em>hurtigt</em>" in output
    assert "<li>Ring til skolen</li>" in output
    assert 'href="https://ishoj.dk"' in output and 'href="mailto:ssp@ishoj.dk"' in output
    assert "<blockquote>" in output


def test_links_cannot_control_the_opener():
    output = str(markdown("[Kommune](https://kommune.dk)"))
    assert 'rel="noopener noreferrer"' in output


def test_text_that_looks_like_html_is_shown_not_interpreted():
    output = str(markdown("Unge < 18 år & forældre > 1"))
    assert "&lt;" in output and "&amp;" in output
    assert_harmless(output)
