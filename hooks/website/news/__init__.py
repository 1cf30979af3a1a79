"""The news: posts and their front matter, when each is published (Beijing time), the Material blog wired per
language under static-i18n, and the RSS feeds."""
