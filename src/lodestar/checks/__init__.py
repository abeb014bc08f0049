"""The health check: pure rules over a loaded model (`rules.RULES`, each code with its hint in `rules.HINTS`)."""
