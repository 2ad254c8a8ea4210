"""The newsgraph web app: a read-only JSON API and HTML pages over a newsgraph store.

``newsgraph serve --db demo.db`` starts it (see docs/web.md); ``create_app(db)`` in
``newsgraph.web.app`` builds the FastAPI application.
"""
