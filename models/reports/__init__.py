"""PDF report writers: frozen rows in, a PDF file out (reportlab platypus); no database here."""
