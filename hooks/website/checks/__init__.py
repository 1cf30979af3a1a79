"""The checks of what writers write, run by `make check` and by the build: encoding, front matter, typography, and
(through sitedata and news_posts) the data files and news posts; `project.py` runs them all."""
