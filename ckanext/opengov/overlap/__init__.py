"""Near-duplicate datasets across agencies (Thai word segmentation + MinHash LSH)."""
