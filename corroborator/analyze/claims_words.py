"""The categorical claims of one article, whatever its language: facts reports state in words
(the visit's category, the meeting's city, office holders, named documents, where a plane
landed and which type it was, whether a topic was discussed, a standing such as "the first
foreign guest" or "one of the leading partners", whether a document was signed and what it
provides for, what a deal commits a side to, a country's stance towards another, who led a
delegation, the place a disaster hit worst), each valued in English so reports in any language
compare."""

from __future__ import annotations

from collections.abc import Sequence

from corroborator.analyze.claims_aircraft import aircraft_claims
from corroborator.analyze.claims_categorical import visit_type_claims
from corroborator.analyze.claims_commitments import commitment_claims
from corroborator.analyze.claims_delegation import delegation_claims
from corroborator.analyze.claims_discussed import discussed_claims
from corroborator.analyze.claims_documents import document_claims
from corroborator.analyze.claims_groups import group_claims
from corroborator.analyze.claims_landing import landing_claims
from corroborator.analyze.claims_offices import office_claims
from corroborator.analyze.claims_signed import signed_claims
from corroborator.analyze.claims_stance import stance_claims
from corroborator.analyze.claims_standing import standing_claims
from corroborator.analyze.claims_venue import venue_claims
from corroborator.analyze.claims_worst_hit import worst_hit_claims
from corroborator.analyze.entities import ArticleEntities
from corroborator.model import Article, ClaimValue, EventMention


def word_claims(
    article: Article, entities: ArticleEntities, events: Sequence[EventMention]
) -> list[ClaimValue]:
    """The article's categorical claims (module docstring)."""
    text = article.text
    offices = office_claims(entities, text, article.id)
    return (
        visit_type_claims(events, text, article.published, offices)
        + venue_claims(
            events,
            entities,
            text,
            article.language or "en",
            article.dateline_place,
            article.published,
        )
        + offices
        + document_claims(text, article.id)
        + landing_claims(events, entities, text, offices)
        + aircraft_claims(entities, text, article.id)
        + discussed_claims(entities, text, article.id, events, offices)
        + standing_claims(entities, text, article.id, events, offices)
        + group_claims(entities, text, article.id)
        + stance_claims(entities, text, article.id)
        + signed_claims(text, article.id)
        + commitment_claims(text, article.id)
        + delegation_claims(entities, text, article.id, events, offices)
        + worst_hit_claims(entities, text, article.id, events)
    )
