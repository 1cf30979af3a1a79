"""The build glue: the site's languages as mkdocs-static-i18n declares them, which one a build is building, and the
state a hook keeps through one language's build, and the files it keeps between builds."""
