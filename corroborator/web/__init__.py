"""The web explorer (``corroborator serve``): stories, articles, search and a JSON API."""

from corroborator.web.app import create_app

__all__ = ["create_app"]
