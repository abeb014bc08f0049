"""The organization report and the unit report, as PDF (reportlab, no browser) and as self-contained HTML."""
