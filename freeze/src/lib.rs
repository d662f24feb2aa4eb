//! Freezing a project (manifest.py or files) into a ROM-resident image.
