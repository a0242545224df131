"""Where a fact comes from: the page address, its title and when it was read.

Clusters, news, stories and events all cite their sources the same way.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from clustersite.model.fields import Date, Str, Url
from clustersite.model.records import Check, Help, Record


class Source(Record):
    url: Annotated[str, Check(Url()), Help("The exact page the fact was read on, not a home page.", "Tikslus puslapis, kuriame faktas rastas, ne pagrindinis.")]
    title: Annotated[Annotated[str, Check(Str(max_length=200))] | None, Help("Publisher and page title.", "Leidėjas ir puslapio pavadinimas.")] = None
    accessed: Annotated[Annotated[dt.date, Check(Date())] | None, Help("When it was read, YYYY-MM-DD.", "Kada skaityta, MMMM-MM-DD.")] = None
