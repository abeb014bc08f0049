"""Pure scoring functions: progress, expected progress, status, forecast, roll-up."""
