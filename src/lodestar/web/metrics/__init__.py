"""The metric catalog and metric pages."""
