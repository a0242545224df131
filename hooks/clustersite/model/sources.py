"""Where a fact comes from: the page address, its title and when it was read.

Clusters, news, stories and events all cite their sources the same way. A
cluster's source also says which of the profile's facts it states
(`supports`), so each fact on the page links to the numbered source behind
it; the number is the source's place in the list, and nothing else refers
to it, so adding or reordering sources never breaks a citation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import GetJsonSchemaHandler, TypeAdapter, ValidationError, ValidationInfo
from pydantic_core import CoreSchema, core_schema

from clustersite.model.fields import Choice, Date, Str, Url, did_you_mean
from clustersite.model.records import EDITOR, AsLocalized, Check, Help, Record, json_schema, list_checks, localized_input, refuse_all
from clustersite.text.localized import LocalizedText
from clustersite.text.messages import say

TITLE_LENGTH = 200

# The facts a profile shows that a source can state, in the order the page
# shows them. The website is left out: the link is its own source. A field
# added to the profile's facts is added here too.
FACT_FIELDS = (
    "sectors",
    "city",
    "county",
    "founded",
    "member_count",
    "members",
    "coordinator",
    "maturity",
    "labels",
    "programmes",
    "contact",
    "open_to_members",
)


@dataclass(frozen=True)
class OneOrBothLanguages(AsLocalized):
    """`Annotated[str | LocalizedText, OneOrBothLanguages(200)]`: a name given
    once (the official one, shown on both language versions) or as {lt, en}
    where the source itself gives both. Tools that walk the model (the error
    map, the payload tests) see its two-language form, as for AsLocalized."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> CoreSchema:
        once = TypeAdapter(Annotated[str, Check(Str(max_length=self.max_length))])
        both = TypeAdapter(Annotated[LocalizedText, AsLocalized(self.max_length)])

        def pick(value: Any, info: ValidationInfo) -> Any:
            adapter = both if isinstance(value, dict) else once
            try:
                return adapter.validate_python(value, context=info.context)
            except ValidationError as error:
                raise refuse_all(list(_inner_problems(error))) from None

        return core_schema.with_info_plain_validator_function(pick)

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {"anyOf": [Str(max_length=self.max_length).json_schema(), json_schema(localized_input(self.max_length, True, False))]}


def _inner_problems(error: ValidationError) -> Any:
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        if item["type"] == EDITOR:
            for at, message in item["ctx"]["problems"]:
                yield loc + tuple(at), message
        elif item["type"] == "extra_forbidden":
            yield loc, say("unknown-field", hint=did_you_mean(loc[-1], ["lt", "en"]), allowed="lt, en")
        elif item["type"] == "missing":
            yield loc, say("missing")
        else:
            yield loc, item["msg"]


class Source(Record):
    url: Annotated[str, Check(Url()), Help("The exact page the fact was read on, not a home page.", "Tikslus puslapis, kuriame faktas rastas, ne pagrindinis.")]
    title: Annotated[
        Annotated[str | LocalizedText, OneOrBothLanguages(TITLE_LENGTH)] | None,
        Help(
            "Publisher and page title, once as the source gives it; as {lt: …, en: …} where the source gives it in both languages.",
            "Leidėjas ir puslapio pavadinimas, vieną kartą, kaip jį pateikia šaltinis; kaip {lt: …, en: …}, jei šaltinis jį pateikia abiem kalbomis.",
        ),
    ] = None
    accessed: Annotated[Annotated[dt.date, Check(Date())] | None, Help("When it was read, YYYY-MM-DD.", "Kada skaityta, MMMM-MM-DD.")] = None

    def title_in(self, lang: str) -> str:
        """The title as a page in `lang` shows it: that language's where the
        source gives both, else the one name it has; the address if none."""
        if isinstance(self.title, LocalizedText):
            return self.title.pick(lang).text
        return self.title or self.url


class ClusterSource(Source):
    """A source of a cluster's profile, with the facts it states."""

    supports: Annotated[
        tuple[Annotated[str, Check(Choice(FACT_FIELDS, noun="fact field"))], ...],
        *list_checks(unique=True),
        Help(
            "The profile's fields this page states, so each fact links to it: " + ", ".join(FACT_FIELDS) + ".",
            "Profilio laukai, kuriuos šis puslapis patvirtina, kad kiekvienas faktas nurodytų į jį: " + ", ".join(FACT_FIELDS) + ".",
            "[founded, members]",
        ),
    ] = ()
