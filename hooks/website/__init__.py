"""The site's build logic, grouped by feature, runnable without MkDocs. The files directly in hooks/ are the MkDocs
entry points that mkdocs.yml lists; each delegates to a module here (ARCHITECTURE.md draws the flow)."""
