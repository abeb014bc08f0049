"""Periods, goals, key results, measurements, check-ins and KPIs."""
