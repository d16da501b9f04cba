"""PubKG: academic CVs → a publication knowledge graph."""
__version__ = "0.1.0"
