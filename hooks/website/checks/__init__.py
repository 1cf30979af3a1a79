"""The checks of what writers write, run by `make check` and by the build: encoding, front matter, typography, and
(through website.data_pages and website.news) the data files and news posts; `project.py` runs them all."""
