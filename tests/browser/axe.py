"""Run axe-core (vendored, see vendor/README.md) in a Playwright page.

from tests.browser.axe import axe_violations, format_violations

violations = axe_violations(page)
assert not violations, format_violations(violations)
"""

from functools import cache
from pathlib import Path

WCAG_21_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"


@cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page, tags=WCAG_21_AA, *, exclude=()) -> list[dict]:
    """Return axe-core's violations for the page as it is now, limited to rules with ``tags``.

    ``exclude`` takes CSS selectors of regions to leave out. The script is injected through
    the DevTools protocol, so the page's Content-Security-Policy does not block it.
    """
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    return page.evaluate(
        """async ([tags, exclude]) => {
            const context = exclude.length ? {exclude: exclude.map((s) => [s])} : document;
            const result = await window.axe.run(context, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            });
            return result.violations;
        }""",
        [list(tags), list(exclude)],
    )


def format_violations(violations: list[dict]) -> str:
    """One readable block per violation and element, for an assertion message."""
    lines = [f"{len(violations)} axe violation(s):"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary']!r}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)
