"""The hostile corpus for test_batch_hostile.py, generated at test time (nothing binary is committed, nothing is
downloaded): documents that try to reach the network, exhaust memory, hide behind odd names or are no report at
all. Each builder writes one file into `directory` and returns its path. Network targets are always on
127.0.0.1, on ports the test binds itself (see Listener).

Run as a script to write the corpus into a folder for a manual try:
    python3 tests/uno/hostile_corpus.py OUT_DIR [PORT]
"""
import os
import socket
import sys
import threading
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
 Target="word/document.xml"/>
</Relationships>"""


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections that reach it. `answer=False` accepts and never
    says anything (a server that hangs its client); otherwise it answers every request with 404."""

    def __init__(self, answer=True):
        self.answer = answer
        self.connections = 0
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self._open = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            if self.answer:
                try:
                    conn.settimeout(2)
                    conn.recv(4096)
                    conn.sendall(b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    pass
                conn.close()
            else:
                self._open.append(conn)  # held open, never answered

    def close(self):
        self._stop.set()
        self._thread.join(timeout=5)
        for conn in self._open:
            conn.close()
        self.sock.close()


def _docx(path, body_xml, rels=""):
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}" xmlns:r="{R}" '
                'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
                'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
                'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
                f'<w:body>{body_xml}</w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", PACKAGE_RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/_rels/document.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}'
                   '</Relationships>')
    return path


def _linked_picture(rel_id, n):
    return (f'<w:p><w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="{n}" name="p{n}"/>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            f'<pic:nvPicPr><pic:cNvPr id="{n}" name="p{n}"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:link="{rel_id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm>'
            '<a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>'
            '</w:r></w:p>')


def linked_images_docx(directory, port, count=30, name="linked-images.docx"):
    """A .docx whose pictures are external links (r:link, TargetMode="External") to 127.0.0.1:port."""
    rels = "".join(f'<Relationship Id="rIdImg{i}" Type="{IMAGE_REL}" Target="http://127.0.0.1:{port}/img{i}.png" '
                   'TargetMode="External"/>' for i in range(count))
    body = "<w:p><w:r><w:t>绩效评价报告（外链图片）</w:t></w:r></w:p>" + "".join(
        _linked_picture(f"rIdImg{i}", i + 1) for i in range(count))
    return _docx(os.path.join(directory, name), body, rels)


def _odt(path, body_xml):
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
               'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
               'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3">'
               f'<office:body><office:text>{body_xml}</office:text></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return path


def linked_ole_odt(directory, port, name="linked-ole.odt"):
    """An .odt with a linked OLE object and a linked image, both on http://127.0.0.1:port."""
    frame = ('<draw:frame draw:name="{n}" svg:width="5cm" svg:height="5cm" text:anchor-type="paragraph">{inner}'
             '</draw:frame>')
    body = ("<text:p>绩效评价报告（链接对象）"
            + frame.format(n="ole", inner=f'<draw:object xlink:href="http://127.0.0.1:{port}/object" '
                                          'xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>')
            + frame.format(n="img", inner=f'<draw:image xlink:href="http://127.0.0.1:{port}/image.png" '
                                          'xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>')
            + "</text:p>")
    return _odt(os.path.join(directory, name), body)


def html_as_docx(directory, port, name="html-renamed.docx"):
    """HTML with an external style sheet and image, renamed .docx."""
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(f'<html><head><link rel="stylesheet" href="http://127.0.0.1:{port}/style.css"></head><body>'
                f'<p>绩效评价报告</p><img src="http://127.0.0.1:{port}/logo.png"></body></html>\n')
    return path


def text_bomb_docx(directory, mebibytes=512, name="text-bomb.docx"):
    """A small .docx (about 0.5 MB per 512 MiB) whose only text run unpacks to `mebibytes` MiB."""
    path = os.path.join(directory, name)
    head = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body><w:p><w:r>'
            '<w:t>').encode()
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    chunk = b"a" * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", PACKAGE_RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(head)
            for _ in range(mebibytes):
                f.write(chunk)
            f.write(tail)
    return path


def paragraph_bomb_docx(directory, mebibytes=1024, name="paragraph-bomb.docx"):
    """A small .docx whose body unpacks to `mebibytes` MiB of empty paragraphs (<w:p/>)."""
    path = os.path.join(directory, name)
    head = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>').encode()
    chunk = b"<w:p/>" * ((1 << 20) // 6)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", PACKAGE_RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(head)
            for _ in range(mebibytes):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    return path


def no_table_docx(directory, name="no-table.docx"):
    """A well-formed report with text and no scoring table."""
    return _docx(os.path.join(directory, name),
                 "<w:p><w:r><w:t>某县财政局2024年度项目支出绩效评价报告</w:t></w:r></w:p>"
                 "<w:p><w:r><w:t>一、评价结论：综合评分97分，等级为优秀。</w:t></w:r></w:p>")


def renamed_files(directory):
    """An empty .docx, and a text, a CSV and an RTF file renamed .docx."""
    made = {}
    for name, data in (("empty.docx", b""),
                       ("text-renamed.docx", "绩效评价报告\n总分 100 优秀\n".encode("utf-8")),
                       ("csv-renamed.docx", "一级指标,分值,得分\n决策,20,20\n".encode("utf-8")),
                       ("rtf-renamed.docx", rb"{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0 Report 100\par}")):
        path = os.path.join(directory, name)
        with open(path, "wb") as f:
            f.write(data)
        made[name] = path
    return made


def forged_row_name():
    """A file name whose newline would start a convincing summary row of its own."""
    return "x.docx\nforged.docx            100  优秀  0  0  已检查 ／ checked\ny.docx"


GBK_NAME = "绩效报告.docx".encode("gbk")  # bytes that are not UTF-8, as unzipped from an archive made on Windows


if __name__ == "__main__":
    out = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    os.makedirs(out, exist_ok=True)
    for path in (linked_images_docx(out, port), linked_ole_odt(out, port), html_as_docx(out, port),
                 text_bomb_docx(out), no_table_docx(out), *renamed_files(out).values()):
        print(path)
