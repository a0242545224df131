"""Where a fact comes from: the page address, its title and when it was read.

Clusters, news, stories and events all cite their sources the same way.
"""

from __future__ import annotations

from clustersite.model.fields import Date, Field, Obj, Str, Text, Url

SOURCE = Obj(
    [
        Field(
            "url",
            Url(),
            required=True,
            description=Text("The exact page the fact was read on, not a home page.", "Tikslus puslapis, kuriame faktas rastas, ne pagrindinis."),
        ),
        Field("title", Str(max_length=200), description=Text("Publisher and page title.", "Leidėjas ir puslapio pavadinimas.")),
        Field("accessed", Date(), description=Text("When it was read, YYYY-MM-DD.", "Kada skaityta, MMMM-MM-DD.")),
    ],
    name="Source",
)
