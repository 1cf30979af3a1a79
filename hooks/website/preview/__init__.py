"""The writers' preview (`make serve`, a dirty build): which pages a rebuild after a save reads and writes."""
