"""A signature block with a second signer on the left (minutes: the secretary and the chair)
prints both, and no "Nơi nhận"."""

from documents.engine.blocks import Document, Signature, para
from documents.engine.docx_renderer import render_docx
from documents.engine.pdf_renderer import render_pdf
from tests.printed import docx_pieces, normal, pdf_pieces

DOCUMENT = Document(
    blocks=(
        para("Biên bản đã được thông qua./."),
        Signature(
            ("CHỦ TRÌ",), "Trần Thị Mai", left_authority=("THƯ KÝ",), left_signer="Lê Thị Thư"
        ),
    )
)


def _text(pieces) -> str:
    return normal(" ".join(text for text, _bold, _italic in pieces))


def test_two_signers_print_in_docx():
    text = _text(docx_pieces(render_docx(DOCUMENT)))
    assert normal("THƯ KÝ Lê Thị Thư") in text or normal("THƯ KÝ CHỦ TRÌ") in text
    assert "lê thị thư" in text and "trần thị mai" in text
    assert "nơi nhận" not in text


def test_two_signers_print_in_pdf_with_the_names_bold():
    pieces = pdf_pieces(render_pdf(DOCUMENT))
    bold = normal(" ".join(text for text, is_bold, _italic in pieces if is_bold))
    assert "thư ký" in bold and "chủ trì" in bold
    assert "lê thị thư" in bold and "trần thị mai" in bold
    assert "nơi nhận" not in _text(pieces)
