"""The cluster site's logic, independent of MkDocs.

Loading, validating and deriving data lives here; `hooks/site_hooks.py`
only adapts MkDocs build events to it. Nothing in this package imports
MkDocs, so a move to another generator keeps all of it.
"""
