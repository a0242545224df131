"""Editors' and maintainers' commands: make check, make new-*, make schemas."""
