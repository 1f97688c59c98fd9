"""The courseware pipeline: load -> validate -> generate, published by MkDocs Material.

Each step is its own module:

- ``load``      content files -> a :class:`~courseware.model.Project` of plain typed objects
- ``validate``  the whole project -> a list of :class:`~courseware.problems.Problem`
- ``generate``  the project -> page texts (pure functions, no MkDocs import)
- ``publish``   the thin MkDocs plugin that runs the three inside ``mkdocs build``/``serve``
"""

__version__ = "0.1.0"
