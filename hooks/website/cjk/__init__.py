"""Chinese text fixes: line breaks inside a Chinese paragraph, which browsers would show as spaces."""
