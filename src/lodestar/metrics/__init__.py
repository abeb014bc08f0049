"""Metric definitions over the organization's own data and the warehouse engine that computes them."""
