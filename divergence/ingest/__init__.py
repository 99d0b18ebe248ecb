"""Reading articles: loaders (text, JSONL, HTML, folders, stdin), headers, sentence splitting
and attribution."""
