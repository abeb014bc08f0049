"""Target-organization scenarios: stored alternatives to the model, compared and adopted."""
