"""The component contract (docs/components.md, issue 15): one ordered list, the Doc extensions
registered once, factories that declare their config, what they require and what they assign,
one naming pattern, plain imports between the extractors, switches as config."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

import newsgraph
from newsgraph import extractors
from newsgraph.extractors import COMPONENTS, EXTENSIONS

SRC = Path(newsgraph.__file__).resolve().parent


def _sources():
    return sorted(p for p in SRC.rglob("*.py"))


def test_components_are_registered_in_run_order_with_their_declarations():
    assert COMPONENTS[0] == "newsgraph_entities" and COMPONENTS[-1] == "newsgraph_responses"
    assigned = {"doc._.published", "doc._.title"}  # set by pipeline.make_doc, before any component
    for name in COMPONENTS:
        meta = Language.get_factory_meta(name)
        assert isinstance(meta.default_config, dict), name
        assert meta.assigns, f"{name} declares no assigns"
        # a component reads only what the model or an earlier component assigned
        for attr in meta.requires:
            if attr.startswith("doc._."):
                assert attr in assigned, f"{name} requires {attr} before anything assigns it"
        assigned.update(meta.assigns)
        for attr in meta.assigns:
            assert attr.startswith("doc._.") and attr[len("doc._.") :] in EXTENSIONS, (name, attr)


def test_extensions_are_registered_once_in_the_extractors_package():
    for name in EXTENSIONS:
        assert Doc.has_extension(name), name
    for p in _sources():
        if "set_extension" in p.read_text(encoding="utf-8"):
            assert p == SRC / "extractors" / "__init__.py", f"{p.relative_to(SRC)} registers a Doc extension"


def test_component_classes_share_one_naming_pattern():
    from newsgraph.extractors.entities import EntitiesComponent
    from newsgraph.extractors.events import EventsComponent
    from newsgraph.extractors.places import PlacesComponent
    from newsgraph.extractors.quotes import QuotesComponent
    from newsgraph.extractors.responses import ResponsesComponent
    from newsgraph.extractors.times import TimesComponent

    made = {
        "newsgraph_entities": EntitiesComponent,
        "newsgraph_times": TimesComponent,
        "newsgraph_places": PlacesComponent,
        "newsgraph_quotes": QuotesComponent,
        "newsgraph_events": EventsComponent,
        "newsgraph_responses": ResponsesComponent,
    }
    assert set(made) == set(COMPONENTS)
    for name, cls in made.items():
        factory = registry.factories.get(Language.get_factory_name(name))
        assert factory.__annotations__.get("return") in (cls.__name__, cls), name
        assert cls.__name__.endswith("Component")


def _guarded_imports(tree: ast.AST) -> list[int]:
    """Line numbers of imports inside a ``try`` whose handler catches ImportError or Exception."""
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Try):
            continue
        caught = {ast.unparse(h.type) if h.type else "" for h in node.handlers}
        if not caught & {"Exception", "ImportError", "ModuleNotFoundError", ""}:
            continue
        for stmt in node.body:
            if isinstance(stmt, (ast.Import, ast.ImportFrom)) and (isinstance(stmt, ast.ImportFrom) and stmt.level > 0):
                out.append(stmt.lineno)
    return out


def test_extractors_import_each_other_plainly():
    for p in (SRC / "extractors").rglob("*.py"):
        lines = _guarded_imports(ast.parse(p.read_text(encoding="utf-8")))
        assert not lines, f"{p.relative_to(SRC)}: an import of the package inside try/except at lines {lines}"


def test_switches_are_config_not_environment_variables():
    for p in (SRC / "extractors").rglob("*.py"):
        text = p.read_text(encoding="utf-8")
        assert "os.environ" not in text and "getenv" not in text, f"{p.relative_to(SRC)} reads the environment"


def test_the_package_calls_no_private_pipeline_function():
    tree = ast.parse((SRC / "__init__.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "pipeline":
            assert all(not a.name.startswith("_") for a in node.names)


def test_version_lives_in_about():
    from importlib.metadata import version

    from newsgraph.about import __version__

    assert newsgraph.__version__ == __version__ == version("newsgraph")
    assert (SRC / "py.typed").exists()


def test_config_reaches_the_component(monkeypatch, tmp_path):
    """``load_nlp(config=...)`` and NEWSGRAPH_QUOTE_MIN_CONFIDENCE (read once, when a pipeline is
    loaded) become the quotes component's config; an unknown component is refused."""
    import spacy

    from newsgraph.pipeline import QUOTE_MIN_CONFIDENCE_ENV, add_components, env_config

    monkeypatch.setenv(QUOTE_MIN_CONFIDENCE_ENV, "0.25")
    assert env_config() == {"newsgraph_quotes": {"min_confidence": 0.25}}
    monkeypatch.setenv(QUOTE_MIN_CONFIDENCE_ENV, "")
    assert env_config() == {}
    nlp = spacy.blank("en")
    missing = str(tmp_path / "none.json.gz")
    add_components(
        nlp,
        ["newsgraph_quotes", "newsgraph_events"],
        {"newsgraph_quotes": {"min_confidence": 0.0, "confidence_model": missing}},
    )
    assert nlp.pipe_names == ["newsgraph_quotes", "newsgraph_events"]
    q = nlp.get_pipe("newsgraph_quotes")
    assert q.min_confidence == 0.0 and q.confidence.threshold == 0.0  # no model file: no threshold
    assert nlp.get_pipe("newsgraph_events").confidence_model is None  # the shipped model
    with pytest.raises(ValueError, match="unknown"):
        add_components(spacy.blank("en"), config={"newsgraph_nothing": {}})


def test_the_package_exports_the_components():
    assert set(extractors.__all__) >= {"COMPONENTS", "EXTENSIONS"}


def test_spacy_finds_every_requirement_met_but_those_from_outside(nlp):
    """``nlp.analyze_pipes()`` on the loaded pipeline: what a component requires is assigned by
    an earlier one, except the article's date and title (set by make_doc) and ``token.pos``
    (set by the English pipelines' attribute ruler, which declares nothing)."""
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    missing = {attr for name, attrs in problems.items() if name in COMPONENTS for attr in attrs}
    assert missing <= {"doc._.published", "doc._.title", "token.pos"}, missing
