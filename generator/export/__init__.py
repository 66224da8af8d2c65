"""export stage of the pipeline."""
