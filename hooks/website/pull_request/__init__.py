"""What a pull request changes on the site: the pages it adds or changes, with their addresses (pages.py)."""
