"""What search engines and link previews read (canonical, hreflang, descriptions, Open Graph, JSON-LD), each
page's last change for the sitemap, and the pages for missing addresses."""
