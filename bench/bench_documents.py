"""Benchmark of the documents engine.

Run: ``PYTHONPATH=. .venv/bin/python bench/bench_documents.py [--quick]``

Every measurement runs in a fresh process (a spawned "runner" that starts one spawned
"worker"); the runner reads the worker's peak RSS with ``getrusage(RUSAGE_CHILDREN)``, so
numbers never mix. The output ends with one ``<name> <value> <unit>`` line per figure.
"""

from __future__ import annotations

import argparse
import gc
import io
import multiprocessing
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parents[1]
# The reference plan kept with the tests (tests/fixtures/plans).
PLAN = ROOT / "tests" / "fixtures" / "plans" / "thanh-tri-2024-nguoi-tot-viec-tot.txt"
MEMORY_LIMIT_MB = 300
COMMON = {
    "place_date": "Thượng Hồng, ngày 06 tháng 10 năm 2025",
    "signer_title": "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
    "signer_name": "Nguyễn Văn Hùng",
}
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi")
GIVEN = ("Thị Minh Khai", "Văn An", "Đức Thắng", "Thị Hồng Nhung", "Quang Huy", "Ngọc Ánh")


# ----------------------------------------------------------------------------- sample data


def sample_people(count: int, offset: int = 0) -> list[dict]:
    people = []
    for i in range(offset, offset + count):
        people.append(
            {
                "name": f"{FAMILY[i % len(FAMILY)]} {GIVEN[i % len(GIVEN)]} {i:04d}",
                "unit": f"Chi hội Phụ nữ thôn {i % 17 + 1}, xã Thượng Hồng",
                "achievement": "Đã có thành tích xuất sắc trong phong trào thi đua “Người tốt, việc tốt” năm 2025",
                "decision": "245/QĐ-UBND ngày 06/10/2025",
                "gold_book": f"{i + 1:04d}",
                "position": "Bí thư Chi bộ",
            }
        )
    return people


def plan_document():
    from documents.engine import samples

    return samples.plan_from_text(
        PLAN.read_text(encoding="utf-8"), "ỦY BAN NHÂN DÂN HUYỆN THANH TRÌ"
    )


def preload() -> None:
    """Import the heavy libraries before timing (a warm worker has them loaded)."""
    import docx  # noqa: F401
    import pikepdf  # noqa: F401
    import weasyprint  # noqa: F401

    import documents.engine.batch  # noqa: F401
    import documents.engine.certificates  # noqa: F401


def current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def timed(function, *args, **kwargs) -> tuple[float, object]:
    start = perf_counter()
    result = function(*args, **kwargs)
    return perf_counter() - start, result


# ----------------------------------------------------------------------------- baselines


def _field_div(item) -> str:
    """One fitted field as an absolutely positioned div (the single-HTML baseline)."""
    from documents.engine.html_renderer import esc

    field, fit = item.field, item.fit
    top = field.top_mm + (field.height_mm - fit.height * 25.4 / 72) / 2
    style = (
        f"left:{field.left_mm}mm;top:{top:.2f}mm;width:{field.width_mm}mm;font-size:{fit.size}pt;"
        f"line-height:{fit.leading}pt;text-align:{field.align};color:{field.color};"
        f"font-weight:{'bold' if field.bold else 'normal'};font-style:{'italic' if field.italic else 'normal'}"
    )
    return f'<div class="f" style="{style}">{"<br>".join(esc(t) for t in fit.texts())}</div>'


def baseline_certificates_pdf(people: list[dict]) -> bytes:
    """All certificates as ONE WeasyPrint HTML document (full design on every page)."""
    from documents.engine import cert_background as bg
    from documents.engine.certificates import CertificateDesign, default_layout, fit_certificate
    from documents.engine.pdf_renderer import render_html

    design, layout = CertificateDesign(), default_layout()
    pages = []
    for index, person in enumerate(people):
        fits, _ = fit_certificate(layout, {**COMMON, **person}, index)
        pages.append(bg.page_html(design, "".join(_field_div(item) for item in fits)))
    html = bg.pages_document(design, pages)
    return render_html(html, bg.certificate_stylesheets(design)).write_pdf()


def _baseline_docx_one(layout, design, person: dict) -> bytes:
    """One certificate built from scratch with python-docx (what the fast path avoids)."""
    from docx.shared import Pt, RGBColor

    from documents.engine import cert_docx, docx_xml
    from documents.engine.cert_overlay import fit_certificate

    doc = docx_xml.new_document()
    docx_xml.set_page(doc.sections[0], layout.width_mm, layout.height_mm, (10, 10, 10, 10))
    cert_docx._design(doc, design)
    for item in fit_certificate(layout, person)[0]:
        paragraph = doc.add_paragraph()
        docx_xml.paragraph_spacing(paragraph)
        docx_xml.frame(
            paragraph,
            item.field.left_mm,
            item.field.top_mm,
            item.field.width_mm,
            item.field.height_mm,
        )
        run = paragraph.add_run("\n".join(item.fit.texts()))
        run.bold, run.italic, run.font.size = item.field.bold, item.field.italic, Pt(item.fit.size)
        run.font.color.rgb = RGBColor.from_string(item.field.color.lstrip("#"))
    return docx_xml.to_bytes(doc)


def baseline_certificates_docx_zip(people: list[dict]) -> bytes:
    from documents.engine.certificates import CertificateDesign, default_layout

    layout, design = default_layout(), CertificateDesign()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for index, person in enumerate(people):
            archive.writestr(
                f"{index:04d}.docx", _baseline_docx_one(layout, design, {**COMMON, **person})
            )
    return buffer.getvalue()


def _merged_block(block, person: dict):
    """A slot of the invitation filled in as plain text, as Word's mail merge leaves it."""
    from documents.engine.blocks import Paragraph, Run, Slot

    if not isinstance(block, Slot):
        return block
    value = Run(str(person.get(block.name, "")), bold=block.bold, italic=block.italic)
    return Paragraph((Run(block.label), value), "body" if block.indent else "plain")


def mail_merged_docx(people: list[dict]) -> bytes:
    """What offices do today: ONE DOCX with the invitation once per person, page breaks
    between (the result of a Word mail merge), built with python-docx."""
    from documents.engine import samples
    from documents.engine.blocks import Document, PageBreak
    from documents.engine.docx_renderer import render_docx

    template, blocks = samples.invitation(), []
    for index, person in enumerate(people):
        blocks += [PageBreak()] if index else []
        blocks += [_merged_block(block, person) for block in template.blocks]
    document = Document(page=template.page, blocks=tuple(blocks), page_numbers_from=0)
    return render_docx(document)


def soffice_to_pdf(soffice: str, profile: Path, docx: Path) -> float:
    """Seconds for one `soffice --headless --convert-to pdf` call, in its own profile."""
    start = perf_counter()
    subprocess.run(  # noqa: S603 - a fixed program on our own file
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    return perf_counter() - start


# ----------------------------------------------------------------------------- tasks


def task_cert_pdf(count: int, fast: bool) -> dict:
    from documents.engine.certificates import (
        CertificateDesign,
        default_layout,
        render_certificates_pdf,
    )

    preload()
    people = sample_people(count)
    if fast:
        seconds, pdf = timed(
            render_certificates_pdf, default_layout(), people, CertificateDesign(), common=COMMON
        )
    else:
        seconds, pdf = timed(baseline_certificates_pdf, people)
    return {"s": seconds, "file_mb": len(pdf) / 1e6}


def task_cert_docx(count: int, fast: bool) -> dict:
    from documents.engine.certificates import (
        CertificateDesign,
        default_layout,
        render_certificates_docx_zip,
    )

    preload()
    people = sample_people(count)
    if fast:
        seconds, data = timed(
            render_certificates_docx_zip,
            default_layout(),
            people,
            CertificateDesign(),
            common=COMMON,
        )
    else:
        seconds, data = timed(baseline_certificates_docx_zip, people)
    return {"s": seconds, "file_mb": len(data) / 1e6}


def task_cert_zip(count: int) -> dict:
    """The office's "ZIP từng người": per person a DOCX and a PDF cut from the merged PDF."""
    from documents.engine.certificates import (
        CertificateDesign,
        default_layout,
        render_certificates_zip,
    )

    preload()
    seconds, data = timed(
        render_certificates_zip,
        default_layout(),
        sample_people(count),
        CertificateDesign(),
        common=COMMON,
    )
    return {"s": seconds, "file_mb": len(data) / 1e6}


def task_invitations_pdf(count: int, method: str) -> dict:
    from documents.engine import samples
    from documents.engine.batch import render_batch_pdf

    preload()
    seconds, pdf = timed(
        render_batch_pdf, samples.invitation(), sample_people(count), method=method
    )
    return {"s": seconds, "file_mb": len(pdf) / 1e6}


def task_invitations_pdf_warm(count: int) -> dict:
    """Our batch PDF path in a warm process (one small batch rendered first)."""
    from documents.engine import samples
    from documents.engine.batch import render_batch_pdf

    preload()
    render_batch_pdf(samples.invitation(), sample_people(1))
    seconds, pdf = timed(render_batch_pdf, samples.invitation(), sample_people(count))
    return {"s": seconds, "file_mb": len(pdf) / 1e6}


def real_invitation(qr: bool):
    """The invitation the office prints (documents.builders.invitations), its code slot drawn
    as a QR code or as text only. Django is set up for the import; no database is read."""
    import dataclasses
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from documents.builders.invitations import invitation_document
    from documents.engine.blocks import Slot

    document = invitation_document(
        {
            "issuing_body": "ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG",
            "issuing_name": "Ủy ban nhân dân xã Thượng Hồng",
            "parent_body": "THÀNH PHỐ HẢI PHÒNG",
            "place_date": "Thượng Hồng, ngày      tháng 12 năm 2025",
            "signer": {"lines": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "name": "Nguyễn Văn Hùng"},
            "title": "Hội nghị biểu dương điển hình tiên tiến, người tốt, việc tốt năm 2025",
            "time": "08 giờ 00, ngày 08 tháng 12 năm 2025",
            "venue": "Hội trường Ủy ban nhân dân xã Thượng Hồng",
        }
    )
    blocks = tuple(
        dataclasses.replace(b, qr=qr) if isinstance(b, Slot) and b.qr else b
        for b in document.blocks
    )
    return dataclasses.replace(document, blocks=blocks)


def invitation_people(count: int) -> list[dict]:
    """Invitees as the builder lists them, each with an invitation code like the register's."""
    import secrets

    return [
        {
            "name": p["name"],
            "invitee": f"Ông/Bà {p['name']}, {p['position']}, {p['unit']}",
            "code": secrets.token_urlsafe(16),
        }
        for p in sample_people(count)
    ]


def task_invitations_real(count: int, repeats: int = 3) -> dict:
    """The real invitation in a warm process, without and with its QR code, the two
    alternating `repeats` times; the best run of each (other work on the machine would
    otherwise decide the ratio)."""
    from documents.engine.batch import render_batch_pdf

    preload()
    documents = {"plain": real_invitation(False), "qr": real_invitation(True)}
    people = invitation_people(count)
    for document in documents.values():
        render_batch_pdf(document, invitation_people(1))
    best, size = {"plain": float("inf"), "qr": float("inf")}, 0.0
    for _ in range(repeats):
        for name, document in documents.items():
            seconds, pdf = timed(render_batch_pdf, document, people)
            best[name], size = min(best[name], seconds), len(pdf) / 1e6
    return {"plain_s": best["plain"], "qr_s": best["qr"], "file_mb": size}


def task_todays_way(count: int, soffice: str, repeats: int = 3) -> dict:
    """A mail-merged DOCX of `count` invitations converted by LibreOffice headless. A first
    conversion creates the profile and fills the disk caches; the median of the next ones counts."""
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory(prefix="bench-soffice-") as tmp:
        root = Path(tmp)
        merged, one = root / "tron-thu.docx", root / "mot-trang.docx"
        merged.write_bytes(mail_merged_docx(sample_people(count)))
        one.write_bytes(mail_merged_docx(sample_people(1)))
        try:
            soffice_to_pdf(soffice, root / "profile", one)  # warm-up: start-up excluded
            one_page = soffice_to_pdf(soffice, root / "profile", one)
            times = [soffice_to_pdf(soffice, root / "profile", merged) for _ in range(repeats)]
        except (OSError, subprocess.SubprocessError) as exc:
            return {"error": f"{type(exc).__name__}: {exc}"}
        pages = len(PdfReader(merged.with_suffix(".pdf")).pages)
    return {"s": statistics.median(times), "one_page_s": one_page, "pages": pages}


def task_invitations_docx(count: int) -> dict:
    from documents.engine import samples
    from documents.engine.batch import render_batch_docx_zip

    preload()
    seconds, data = timed(render_batch_docx_zip, samples.invitation(), sample_people(count))
    return {"s": seconds, "file_mb": len(data) / 1e6}


def task_invitations_zip(count: int) -> dict:
    from documents.engine import samples
    from documents.engine.batch import render_batch_zip

    preload()
    seconds, data = timed(render_batch_zip, samples.invitation(), sample_people(count))
    return {"s": seconds, "file_mb": len(data) / 1e6}


def task_plan_warm(repeats: int = 3) -> dict:
    from documents.engine.docx_renderer import render_docx
    from documents.engine.pdf_renderer import render_pdf

    document = plan_document()
    render_pdf(document), render_docx(document)  # cold renders fill the caches
    pdf_times = [timed(render_pdf, document)[0] for _ in range(repeats)]
    docx_times = [timed(render_docx, document)[0] for _ in range(repeats)]
    return {"pdf_s": statistics.median(pdf_times), "docx_s": statistics.median(docx_times)}


def task_rss_growth(batches: int, size: int) -> dict:
    from documents.engine.certificates import (
        CertificateDesign,
        default_layout,
        render_certificates_pdf,
    )

    preload()
    rss = []
    for batch in range(batches):
        people = sample_people(size, batch * size)
        render_certificates_pdf(default_layout(), people, CertificateDesign(), common=COMMON)
        del people
        gc.collect()
        rss.append(current_rss_mb())
    return {"rss_mb": rss, "growth_mb": rss[-1] - rss[0]}


TASKS = {
    "cert_pdf": task_cert_pdf,
    "cert_docx": task_cert_docx,
    "cert_zip": task_cert_zip,
    "invitations_pdf": task_invitations_pdf,
    "invitations_docx": task_invitations_docx,
    "invitations_zip": task_invitations_zip,
    "invitations_pdf_warm": task_invitations_pdf_warm,
    "invitations_real": task_invitations_real,
    "todays_way": task_todays_way,
    "plan_warm": task_plan_warm,
    "rss_growth": task_rss_growth,
}


# ----------------------------------------------------------------------------- processes


def _worker(conn, task: str, args: tuple) -> None:
    sys.path.insert(0, str(ROOT))
    conn.send(TASKS[task](*args))
    conn.close()


def _spawn(target, task: str, args: tuple) -> dict:
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=target, args=(sender, task, args))
    process.start()
    sender.close()
    result = receiver.recv()
    process.join()
    return result


def _runner(conn, task: str, args: tuple) -> None:
    """Runs one worker and adds the worker's peak RSS (its only child)."""
    result = _spawn(_worker, task, args)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    conn.send(result)
    conn.close()


def measure(task: str, *args) -> dict:
    result = _spawn(_runner, task, args)
    shown = {k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()}
    print(f"# {task}{args}: {shown}", flush=True)
    return result


# ----------------------------------------------------------------------------- main


def certificate_figures(count: int) -> list[tuple[str, float, str]]:
    base, fast = measure("cert_pdf", count, False), measure("cert_pdf", count, True)
    return [
        (f"certificates_{count}_baseline_s", base["s"], "s"),
        (f"certificates_{count}_baseline_peak_mb", base["peak_mb"], "MB"),
        (f"certificates_{count}_baseline_pdf_mb", base["file_mb"], "MB"),
        (f"certificates_{count}_s", fast["s"], "s"),
        (f"certificates_{count}_speedup", base["s"] / fast["s"], "x"),
        (f"certificates_{count}_peak_mb", fast["peak_mb"], "MB"),
        (f"certificates_{count}_pdf_mb", fast["file_mb"], "MB"),
    ]


def docx_figures(count: int) -> list[tuple[str, float, str]]:
    """The speedup is DOCX only (the ZIP of DOCX files against python-docx one by one);
    the ZIP the office downloads (DOCX and PDF per person) is reported beside it."""
    base, fast = measure("cert_docx", count, False), measure("cert_docx", count, True)
    both = measure("cert_zip", count)
    return [
        (f"certificates_docx_{count}_baseline_s", base["s"], "s"),
        (f"certificates_docx_{count}_s", fast["s"], "s"),
        (f"certificates_docx_{count}_speedup", base["s"] / fast["s"], "x"),
        (f"certificates_docx_{count}_peak_mb", fast["peak_mb"], "MB"),
        (f"certificates_docx_{count}_zip_mb", fast["file_mb"], "MB"),
        (f"certificates_zip_{count}_s", both["s"], "s"),
        (f"certificates_zip_{count}_peak_mb", both["peak_mb"], "MB"),
        (f"certificates_zip_{count}_zip_mb", both["file_mb"], "MB"),
    ]


def invitation_figures(count: int) -> list[tuple[str, float, str]]:
    runs = {method: measure("invitations_pdf", count, method) for method in ("overlay", "single")}
    fitting = [m for m, r in runs.items() if r["peak_mb"] < MEMORY_LIMIT_MB] or list(runs)
    best = min(fitting, key=lambda m: runs[m]["s"])
    print(f"# invitations PDF method chosen: {best} (fastest under {MEMORY_LIMIT_MB} MB)")
    docx_run = measure("invitations_docx", count)
    zip_run = measure("invitations_zip", count)
    other = "single" if best == "overlay" else "overlay"
    return [
        (f"invitations_{count}_pdf_s", runs[best]["s"], "s"),
        (f"invitations_{count}_pdf_peak_mb", runs[best]["peak_mb"], "MB"),
        (f"invitations_{count}_pdf_mb", runs[best]["file_mb"], "MB"),
        (f"invitations_{count}_pdf_{other}_s", runs[other]["s"], "s"),
        (f"invitations_{count}_pdf_{other}_peak_mb", runs[other]["peak_mb"], "MB"),
        (f"invitations_{count}_docx_s", docx_run["s"], "s"),
        (f"invitations_{count}_docx_peak_mb", docx_run["peak_mb"], "MB"),
        (f"invitations_{count}_zip_s", zip_run["s"], "s"),
        (f"invitations_{count}_zip_peak_mb", zip_run["peak_mb"], "MB"),
    ]


def qr_figures(count: int) -> list[tuple[str, float, str]]:
    """What users get: the real invitation with its QR code, against the same without."""
    run = measure("invitations_real", count)
    return [
        (f"invitations_{count}_real_no_qr_s", run["plain_s"], "s"),
        (f"invitations_{count}_qr_s", run["qr_s"], "s"),
        (f"invitations_{count}_qr_over_no_qr", run["qr_s"] / run["plain_s"], "x"),
        (f"invitations_{count}_qr_peak_mb", run["peak_mb"], "MB"),
    ]


def todays_way_figures(count: int = 100) -> list[tuple[str, float, str]]:
    """Against what offices do today: a mail-merged DOCX converted by LibreOffice headless."""
    soffice = shutil.which("soffice")
    if soffice is None:
        print(
            "# SKIP todays_way: LibreOffice (soffice) is not installed; "
            "install it with bin/system-packages libreoffice-writer-nogui",
            flush=True,
        )
        return []
    today = measure("todays_way", count, soffice)
    if "error" in today:
        print(f"# SKIP todays_way: LibreOffice failed ({today['error']})", flush=True)
        return []
    if today["pages"] != count:
        print(f"# todays_way: the mail-merged PDF has {today['pages']} pages, not {count}")
    ours = measure("invitations_pdf_warm", count)
    return [
        (f"todays_way_{count}_s", today["s"], "s"),
        (f"todays_way_{count}_ours_s", ours["s"], "s"),
        ("todays_way_speedup", today["s"] / ours["s"], "x"),
    ]


def other_figures(batch: int) -> list[tuple[str, float, str]]:
    plan = measure("plan_warm")
    growth = measure("rss_growth", 3, batch)
    return [
        ("plan_pdf_warm_s", plan["pdf_s"], "s"),
        ("plan_docx_warm_s", plan["docx_s"], "s"),
        (f"certificates_{3 * batch}_rss_growth_mb", growth["growth_mb"], "MB"),
        (f"certificates_{3 * batch}_batches_peak_mb", growth["peak_mb"], "MB"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="N=100 certificates, 50 invitations")
    parser.add_argument(
        "--only", choices=("certificates", "invitations", "qr", "todays_way", "other"),
        help="one group of figures only",
    )  # fmt: skip
    options = parser.parse_args()
    count, invitations = (100, 50) if options.quick else (1000, 500)
    groups = {
        "certificates": lambda: certificate_figures(count) + docx_figures(count),
        "invitations": lambda: invitation_figures(invitations),
        "qr": lambda: qr_figures(invitations),
        "todays_way": todays_way_figures,
        "other": lambda: other_figures(count),
    }
    figures = []
    for name, figures_of in groups.items():
        if options.only in (None, name):
            figures += figures_of()
    for name, value, unit in figures:
        print(f"{name} {value:.3g} {unit}" if value < 10 else f"{name} {value:.1f} {unit}")


if __name__ == "__main__":
    main()
