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
    """Every cell comment as (place, author, content). LibreOffice 25.2 answers the text of a comment read from
    .xlsx as empty until the comment's caption (the box Calc shows) is made; asking for the caption makes it. So
    the text is the caption's where the comment says it has none — which also makes the caption: a test that
    wants Jixiao to read a comment as the file left it calls Jixiao before this."""
    found = []
    for sheet in doc.Sheets:
        for i in range(sheet.Annotations.Count):
            note = sheet.Annotations.getByIndex(i)
            text = note.getString() or note.AnnotationShape.getString()
            found.append((f"{sheet.Name}.{chr(ord('A') + note.Position.Column)}{note.Position.Row + 1}",
                          note.Author, text.strip()))
    return sorted(found)
