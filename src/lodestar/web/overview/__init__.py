"""Dashboard, health check and KPI board."""
