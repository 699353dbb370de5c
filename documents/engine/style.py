"""Layout constants shared by the DOCX and PDF renderers (Nghị định 30/2020, Phụ lục I)."""

from __future__ import annotations

FONT_DOCX = "Times New Roman"
FONT_PDF = "Liberation Serif"

# Font sizes in points.
BODY_PT = 14.0
HEADER_LEFT_PT = 12.0  # parent body, issuing body
NUMBER_PT = 13.0  # "Số: 330/KH-UBND"
NATION_PT = 12.0  # CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
MOTTO_PT = 13.0  # Độc lập - Tự do - Hạnh phúc
PLACE_DATE_PT = 14.0
SUMMARY_PT = 12.0  # "V/v ..." of a công văn
TITLE_PT = 14.0
RECIPIENTS_TITLE_PT = 12.0
RECIPIENTS_PT = 11.0
AUTHORITY_PT = 14.0
SIGNER_PT = 14.0
PAGE_NUMBER_PT = 13.0
NOTE_PT = 13.0

# Paragraphs.
FIRST_LINE_INDENT_MM = 12.7
LIST_NEST_INDENT_MM = 6.35
SPACE_AFTER_PT = 6.0
LINE_SPACING = 1.15  # multiple of single spacing
TABLE_SPACE_PT = 2.0

# Header table: it reaches HEADER_OUTDENT_MM into the left margin, as in the sample files.
HEADER_LEFT_MM = 70.0
HEADER_RIGHT_MM = 95.0
HEADER_OUTDENT_MM = 10.0
ISSUER_RULE_RATIO = 0.4  # short rule under the issuing body, share of its (longest) line
TITLE_RULE_RATIO = 0.4  # rule under the subject: 1/3 to 1/2 of the text width (decree)

# Signature table split of the text width.
SIGNATURE_LEFT_RATIO = 0.45

# Rules (horizontal lines) thickness in points.
RULE_PT = 0.75
