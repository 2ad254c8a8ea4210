"""The package's version, in one place: ``newsgraph.__version__``, the records'
``newsgraph_version``, ``newsgraph --version`` and pyproject.toml (``[tool.setuptools.dynamic]``)
all read it from here."""

__version__ = "0.1.0"
