"""The health check: pure rules over a loaded model (LS001-LS015)."""
