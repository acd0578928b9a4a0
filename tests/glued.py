"""What a stored notebook glues into its prose (myst-nb keeps glue as display data marked
``scrapbook``), for the tests that read a chapter's text as a reader sees it."""

GLUE_MIME = "application/papermill.record/text/plain"


def glued_text(notebook) -> dict[str, str]:
    """Every value the notebook glues as text, by key, without the quotes of its repr."""
    values = {}
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            text = output.get("data", {}).get(GLUE_MIME)
            if name and text is not None:
                values[name] = text[1:-1] if text[:1] in "'\"" and text[-1:] == text[:1] else text
    return values
