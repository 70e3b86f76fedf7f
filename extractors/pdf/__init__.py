"""The PDF path: `extract_pdf(source) -> Document`, pdfplumber first, camelot where its tables are poor."""

from extractors.pdf.document import OCR_NEEDED, extract_pdf
from extractors.pdf.settings import DEFAULT, PdfSettings

__all__ = ["DEFAULT", "OCR_NEEDED", "PdfSettings", "extract_pdf"]
