"""Extract: facts with character offsets into documents.text, one module per fact type."""
