"""explainer: a static explainer-site generator for news articles."""

__version__ = "0.1.0"
