"""What writers are told when something they wrote is wrong: the message catalogue (catalogue.py), problems and how
a terminal shows them (problems.py), and how GitHub Actions shows them on a pull request (github.py)."""
