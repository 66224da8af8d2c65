"""DOCX → PDF through LibreOffice's UNO API, refreshing the table of contents first.

Run by a Python that has LibreOffice's ``uno`` module (Debian: python3-uno), as a separate process:
``python3 lo_convert.py SOFFICE PROFILE_URI OUT_DIR DOCX…``. Plain ``soffice --convert-to pdf`` keeps the
TOC field's cached text (Word refreshes it on opening, LibreOffice does not), so the PDF would show no
contents; here every document index is updated before export. Standalone: imports nothing of progen.
"""
import os
import subprocess
import sys
import time
import uuid


def main(argv):
    import uno
    from com.sun.star.beans import PropertyValue

    soffice, profile, out_dir, documents = argv[0], argv[1], argv[2], argv[3:]
    pipe = "progen_" + uuid.uuid4().hex
    process = subprocess.Popen([soffice, "-env:UserInstallation=" + profile, "--headless", "--invisible",
                                "--norestore", "--nologo", "--nodefault",
                                "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(300):
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:  # not listening yet
                if process.poll() is not None:
                    raise SystemExit("LibreOffice exited before accepting connections")
                time.sleep(0.1)
        if context is None:
            raise SystemExit("could not connect to LibreOffice")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)

        def prop(name, value):
            p = PropertyValue()
            p.Name, p.Value = name, value
            return p

        for path in documents:
            url = uno.systemPathToFileUrl(os.path.abspath(path))
            document = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            try:
                indexes = document.getDocumentIndexes()
                for i in range(indexes.getCount()):
                    indexes.getByIndex(i).update()
                document.refresh()
                indexes = document.getDocumentIndexes()
                for i in range(indexes.getCount()):  # again, now that the contents has its own pages
                    indexes.getByIndex(i).update()
                stem = os.path.splitext(os.path.basename(path))[0]
                target = uno.systemPathToFileUrl(os.path.join(os.path.abspath(out_dir), stem + ".pdf"))
                document.storeToURL(target, (prop("FilterName", "writer_pdf_Export"),))
            finally:
                document.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge goes away while terminating
            pass
    finally:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
