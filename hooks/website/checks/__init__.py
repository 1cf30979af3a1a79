"""The checks of what writers write, run by `make check` and by the build: encoding, front matter, typography, and
(through website.data_pages, website.news and website.media) the data files, news posts, photos and attachments;
`project.py` runs them all."""
