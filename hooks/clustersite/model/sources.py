"""Where a fact comes from: the page address, its title and when it was read.

Clusters, news, stories and events all cite their sources the same way. A
cluster's source also says which of the profile's facts it states
(`supports`), so each fact on the page links to the numbered source behind
it; the number is the source's place in the list, and nothing else refers
to it, so adding or reordering sources never breaks a citation.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from clustersite.model.fields import Choice, Date, Str, Url
from clustersite.model.records import Check, Help, Record, list_checks

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


class Source(Record):
    url: Annotated[str, Check(Url()), Help("The exact page the fact was read on, not a home page.", "Tikslus puslapis, kuriame faktas rastas, ne pagrindinis.")]
    title: Annotated[
        Annotated[str, Check(Str(max_length=TITLE_LENGTH))] | None,
        Help(
            "Publisher and page title, as the source gives it (shown on both language versions unless title_en is given).",
            "Leidėjas ir puslapio pavadinimas, kaip jį pateikia šaltinis (rodomas abiem kalbomis, jei nenurodytas title_en).",
        ),
    ] = None
    title_en: Annotated[
        Annotated[str, Check(Str(max_length=TITLE_LENGTH))] | None,
        Help(
            "The title for English pages, only where the source gives one in English too, or where title carries a note in brackets in Lithuanian.",
            "Pavadinimas angliškiems puslapiams: tik jei šaltinis jį pateikia ir angliškai arba jei title yra lietuviška pastaba skliaustuose.",
        ),
    ] = None
    accessed: Annotated[Annotated[dt.date, Check(Date())] | None, Help("When it was read, YYYY-MM-DD.", "Kada skaityta, MMMM-MM-DD.")] = None

    def title_in(self, lang: str) -> str:
        """The title as a page in `lang` shows it: the English one on English
        pages where given, else the one name it has; the address if none."""
        if lang == "en" and self.title_en:
            return self.title_en
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
