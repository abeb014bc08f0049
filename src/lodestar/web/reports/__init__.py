"""The PDF report downloads."""
