"""language stage of the pipeline."""
