"""Search: one index per language, compact UTF-8, and the words jieba keeps whole when it splits Chinese."""
