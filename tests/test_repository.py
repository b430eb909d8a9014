# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Repository conventions (OCA tooling, Odoo 18.0 naming) that no single add-on test can see."""

import ast
import csv
import re
import subprocess
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(p.parent for p in ROOT.glob("*/__manifest__.py"))
HEADER = re.compile(r"^# Copyright \d{4} .+\n# License LGPL-3\.0 or later \(")
MANIFEST_ORDER = [
    "name",
    "summary",
    "version",
    "category",
    "website",
    "author",
    "maintainers",
    "license",
    "development_status",
    "depends",
    "external_dependencies",
    "data",
    "demo",
    "assets",
    "application",
    "post_init_hook",
    "installable",
]


def _manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text())


def test_addons_found():
    assert [a.name for a in ADDONS][:1] == ["student_care"]


def test_manifests():
    applications = []
    for addon in ADDONS:
        manifest = _manifest(addon)
        assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", manifest["version"]), addon.name
        assert manifest["license"] == "LGPL-3", addon.name
        assert "description" not in manifest, addon.name
        keys = [k for k in MANIFEST_ORDER if k in manifest]
        assert list(manifest) == keys, f"{addon.name}: manifest keys out of order"
        for path in manifest.get("data", []) + manifest.get("demo", []):
            assert (addon / path).is_file(), f"{addon.name}: {path} listed but missing"
        assert (addon / "README.rst").is_file(), f"{addon.name} has no README.rst"
        assert (addon / "readme" / "DESCRIPTION.md").is_file()
        assert (addon / "static/description/icon.png").is_file()
        if manifest.get("application"):
            applications.append(addon.name)
        if addon.name != "student_care":
            assert "student_care" in manifest["depends"]
    assert applications == ["student_care"]


def test_python_headers_and_no_fstring_translations():
    for path in [*ROOT.glob("student_care*/**/*.py"), *ROOT.glob("setup/*.py")]:
        text = path.read_text()
        if path.name == "__init__.py" or not text.strip():
            continue
        assert HEADER.match(text), f"{path.relative_to(ROOT)} lacks the copyright header"
        assert not re.search(r"\b_\(\s*f[\"']", text), f"f-string inside _() in {path}"


def _models(addon):
    names = set()
    for path in [*(addon / "models").glob("*.py"), *(addon / "report").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ClassDef):
                attrs = {
                    t.id: n.value
                    for n in node.body
                    if isinstance(n, ast.Assign)
                    for t in n.targets
                    if isinstance(t, ast.Name)
                }
                name, abstract = attrs.get("_name"), False
                for base in node.bases:
                    if isinstance(base, ast.Attribute) and base.attr == "AbstractModel":
                        abstract = True
                if isinstance(name, ast.Constant) and not abstract:
                    names.add(name.value)
    return names


def test_every_model_has_access_rights():
    for addon in ADDONS:
        acl = addon / "security" / "ir.model.access.csv"
        with acl.open() as handle:
            rows = list(csv.DictReader(handle))
        covered = {row["model_id:id"].split(".")[-1] for row in rows}
        for row in rows:
            assert row["id"].startswith("access_"), row["id"]
        for model in _models(addon):
            assert "model_" + model.replace(".", "_") in covered, f"{model} has no ACL"


def test_xml_ids_follow_conventions():
    for addon in ADDONS:
        for path in addon.glob("**/*.xml"):
            if "static" in path.relative_to(addon).parts:
                continue  # OWL templates of the web client, not Odoo data
            tree = etree.parse(str(path))
            assert tree.getroot().tag == "odoo", path
            for record in tree.iter("record"):
                xmlid, model = record.get("id"), record.get("model")
                if "." in xmlid:
                    continue  # extending another module's record
                is_extension = record.find("field[@name='inherit_id']") is not None
                if model == "ir.ui.view" and not is_extension:
                    assert "_view_" in xmlid, f"{path.name}: view id {xmlid}"
                    name = record.find("field[@name='name']").text
                    view_model = record.find("field[@name='model']").text
                    suffix = xmlid.split("_view_", 1)[1].replace("_", ".")
                    assert name == f"{view_model}.view.{suffix}", f"{xmlid}: view name {name}"
                if model == "ir.rule":
                    assert "_rule_" in xmlid, xmlid
                if model == "res.groups":
                    assert re.fullmatch(r"[a-z_]+_group_[a-z_]+", xmlid), xmlid
                if path.parent.name == "demo":
                    assert xmlid.endswith("_demo"), f"demo id {xmlid} must end with _demo"


def _domain_terms(domain):
    """The number of leaves of a domain, however its operators are written."""
    return sum(1 for item in domain if not isinstance(item, str))


def test_record_rules_one_idea_one_file_per_model():
    """Each model's record rules live in security/<model>_security.xml and nowhere else, and
    each rule reads as one idea: at most two terms (who reads is a reader set kept by the
    model, e.g. ``teacher_user_ids``, not written out in every rule)."""
    env = {"user": type("User", (), {"id": 1})(), "company_ids": [1], "company_id": 1}
    seen = {}
    for addon in ADDONS:
        for path in sorted((addon / "security").glob("*.xml")):
            for record in etree.parse(str(path)).iter("record"):
                if record.get("model") != "ir.rule":
                    continue
                model_ref = record.find("field[@name='model_id']").get("ref").split(".")[-1]
                model = model_ref.removeprefix("model_")
                assert (
                    path.name == f"{model}_security.xml"
                ), f"{record.get('id')}: rules of {model} belong in {model}_security.xml"
                seen.setdefault(model, set()).add(path)
                domain = eval(record.find("field[@name='domain_force']").text, env)  # noqa: S307
                assert _domain_terms(domain) <= 2, f"{record.get('id')}: {domain}"
    assert all(len(paths) == 1 for paths in seen.values()), seen
    assert len(seen) > 20, "no record rules found"


def _start_line(node, lines):
    """The line where node's tag or comment opens (lxml gives the line where it closes)."""
    if isinstance(node.tag, str):
        qname = etree.QName(node)
        tag = f"{node.prefix}:{qname.localname}" if node.prefix else qname.localname
        marker = re.compile(rf"<{re.escape(tag)}(?=[\s/>]|$)")
    else:
        marker = re.compile("<!--" if node.tag is etree.Comment else r"<\?")
    number = node.sourceline
    while number > 1 and not marker.search(lines[number - 1]):
        number -= 1
    return number


def test_xml_well_formed_and_indented():
    """Every XML file of the add-ons (OWL templates too) parses, and is laid out as prettier
    lays it out at the indent .editorconfig sets: no tabs, and each line that starts with a
    tag or comment is indented 4 spaces per level. The text inside comments, text nodes and
    HTML field values (mail bodies start at column 0, as in core) is content, not layout:
    only its lines that start a tag are checked, and there for a multiple of 4 only."""
    paths = [p for addon in ADDONS for p in sorted(addon.glob("**/*.xml"))]
    assert paths
    for path in paths:
        name = path.relative_to(ROOT)
        text = path.read_text()
        try:
            tree = etree.fromstring(text.encode())
        except etree.XMLSyntaxError as error:
            raise AssertionError(f"{name}: not well-formed: {error}") from None
        lines = text.split("\n")
        for number, line in enumerate(lines, 1):
            indent = line[: len(line) - len(line.lstrip(" \t"))]
            assert "\t" not in indent, f"{name}:{number}: tab in the indentation"
        depth_of_line = {}
        for node in tree.iter():
            depth = sum(1 for _ in node.iterancestors())
            in_html = any(a.get("type") == "html" for a in node.iterancestors("field"))
            depth_of_line.setdefault(_start_line(node, lines), (depth, in_html))
        for number, (depth, in_html) in depth_of_line.items():
            line = lines[number - 1]
            if not line.lstrip().startswith("<"):
                continue  # the node starts after other content on this line
            indent = len(line) - len(line.lstrip(" "))
            if in_html:
                assert indent % 4 == 0, f"{name}:{number}: indent {indent} not a multiple of 4"
            else:
                assert indent == 4 * depth, f"{name}:{number}: indent {indent}, want {4 * depth}"


def test_no_tree_views_or_attrs():
    for path in ROOT.glob("student_care*/**/*.xml"):
        text = path.read_text()
        assert "<tree" not in text and " attrs=" not in text and " states=" not in text, path


def test_requirements_pinned():
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.]+", line), line


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    assert "./setup/test" in readme and "./setup/run" in readme
    assert "./setup/test" in (ROOT / ".ci" / "run").read_text()
    ignored = (ROOT / ".gitignore").read_text()
    assert "/.local/" in ignored and "/.venv/" in ignored


def _run(*cmd):
    venv_bin = Path(sys.executable).parent
    result = subprocess.run(
        [str(venv_bin / cmd[0]), *cmd[1:]], cwd=ROOT, capture_output=True, text=True
    )
    return result.returncode, result.stdout + result.stderr


def test_ruff_lint_and_format():
    # setup/ is Python we ship (not packaging, as in OCA repositories): linted like the add-ons.
    paths = [a.name for a in ADDONS] + ["setup", "tests"]
    code, out = _run("ruff", "check", "--no-fix", *paths)
    assert code == 0, out
    code, out = _run("ruff", "format", "--check", *paths)
    assert code == 0, out


def test_pylint_odoo_mandatory_checks():
    code, out = _run("pylint", "--rcfile=.pylintrc-mandatory", *[a.name for a in ADDONS])
    assert code == 0, out
