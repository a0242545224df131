"""Reading files: YAML with line numbers, front matter, Markdown, images, the generated-stub mark."""
