"""The job runner: Huey's queue, the schedules of `lodestar worker`, and the claims that run each occurrence once."""
