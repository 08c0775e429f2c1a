"""Reading a document's comments back through UNO, for the comment tests (test_comments, test_batch_annotate,
test_ui_comments): what a plain office shows, whoever wrote them."""
from office import body_paragraphs

AUTHOR = "绩效评价助手"


def writer_comments(doc):
    """Every annotation as (place, author, content): place is "<table>.<cell>" or "¶<index>" (body paragraph)."""
    starts = [p.getStart() for p in body_paragraphs(doc)]
    found = []
    fields = doc.TextFields.createEnumeration()
    while fields.hasMoreElements():
        field = fields.nextElement()
        if not field.supportsService("com.sun.star.text.textfield.Annotation"):
            continue
        anchor = field.getAnchor()
        if anchor.Cell:
            place = f"{anchor.TextTable.Name}.{anchor.Cell.CellName}"
        else:
            index = max(i for i, s in enumerate(starts) if doc.Text.compareRegionStarts(s, anchor.getStart()) >= 0)
            place = f"¶{index}"
        found.append((place, field.Author, field.Content.replace("\r\n", "\n").strip()))
    return sorted(found)


def calc_comments(doc):
    found = []
    for sheet in doc.Sheets:
        for i in range(sheet.Annotations.Count):
            note = sheet.Annotations.getByIndex(i)
            found.append((f"{sheet.Name}.{chr(ord('A') + note.Position.Column)}{note.Position.Row + 1}",
                          note.Author, note.getString().strip()))
    return sorted(found)
